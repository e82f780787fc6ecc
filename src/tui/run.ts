/**
 * The interactive questionnaire on a terminal. ask.ts has already made sure there is one (keys
 * on stdin, the screens on `fd`) and loads this module only then. The introduction, the screens
 * and the transcript go to the terminal; the closing summary goes to stdout, the program's result,
 * which may be a pipe or a file.
 */
import { Cancelled, UserError } from '../errors.js';
import { readingWidth, wrapIndented } from '../render/lines.js';
import type { FrontEndIO, WalkOptions } from '../questionnaire/front-end.js';
import type { Study } from '../study/types.js';
import type { Outcome } from './App.js';
import { AnswersSaver } from '../questionnaire/saved-answers.js';
import { introLines, notices, presetLine, summaryText } from '../questionnaire/wording.js';
import { switchData } from '../questionnaire/switch-data.js';
import { questionnaireTrees } from '../questionnaire/trees.js';
import { openTerminal } from './terminal.js';

/**
 * Loads Ink with the global fetch hidden. Ink's layout engine (yoga) is WebAssembly shipped as a
 * data: URL, and its loader fetches that URL whenever fetch exists, which makes Node load its
 * whole HTTP client first: a third of the time to the first question.
 *
 * An empty CI is hidden too. Ink decides once, when it loads, whether it runs under CI (is-in-ci),
 * and counts CI= as CI; it would then draw nothing until the end. ask.ts has already refused a CI
 * that is set, so an empty one here is not CI.
 */
async function loadInk(): Promise<typeof import('./mount.js')> {
  const empty = ['CI', 'CONTINUOUS_INTEGRATION'].filter((name) => process.env[name] === '');
  for (const name of empty) delete process.env[name];
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (descriptor?.configurable) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await import('./mount.js');
  } finally {
    if (descriptor?.configurable) Object.defineProperty(globalThis, 'fetch', descriptor);
    for (const name of empty) process.env[name] = '';
  }
}

export async function runInteractive(study: Study, options: WalkOptions, io: FrontEndIO, fd: number): Promise<void> {
  // Signals restore the terminal from here on, even while Ink is still loading.
  const terminal = openTerminal(fd, io.glyphs);
  let done: Outcome = { kind: 'cancelled' };
  let current = { study, walk: options };
  let saver = new AnswersSaver(study, options.saveAnswers);
  try {
    // Colour as the terminal allows, whatever stdout is.
    const style = io.styleFor({ isTTY: true });
    let notes: readonly string[] = [];
    // `d` ends a walk to start over on the other data set, as often as it is pressed.
    for (;;) {
      const { study: now, walk } = current;
      const trees = questionnaireTrees(now, walk.tree, io.timings);
      saver = new AnswersSaver(now, walk.saveAnswers);
      // Printed before Ink loads: it is there at once, and the first frame has less to draw.
      const width = readingWidth(terminal.screen.columns);
      const preset = presetLine(now, walk.preset);
      const intro = [
        ...notes.flatMap((n) => wrapIndented(style.yellow(n), width)),
        ...introLines(now, trees.base, style, width, { start: walk.start, ...(walk.other ? { offer: walk.other } : {}) }),
        ...(preset ? wrapIndented(preset, width) : []),
      ];
      terminal.screen.print(intro.join('\n') + '\n');
      const { mount } = await loadInk();
      const ended: { outcome: Outcome } = { outcome: { kind: 'cancelled' } };
      await mount(
        {
          trees,
          style,
          start: walk.start,
          preset: walk.preset,
          alternatives: walk.alternatives,
          criteria: walk.criteria,
          ...(walk.other ? { otherData: walk.other.name } : {}),
          onDone: (o) => {
            ended.outcome = o;
          },
          save: (session) => {
            const saved = saver.save(session);
            return saved.kind === 'saved' ? notices.saved(saved.file) : saved.message;
          },
        },
        terminal,
      );
      done = ended.outcome;
      if (done.kind !== 'switch') break;
      const next = await switchData(now, walk);
      current = { study: next.study, walk: next.walk };
      notes = ['', ...next.notes];
    }
  } finally {
    terminal.close();
  }
  if (done.kind !== 'done') throw new Cancelled();
  const { walk } = current;
  // --save-answers keeps the answers the walk ended on; a file `s` wrote is named only if it holds them.
  const saved = walk.saveAnswers !== undefined ? saver.save(done.session) : undefined;
  const file = saved?.kind === 'saved' || saver.holds(done.session) ? saver.file : undefined;
  io.out(io.glyphs.draw(summaryText(done.session, done.result, io.style, readingWidth(io.width), walk.criteria, file, walk.alternatives)));
  if (saved?.kind === 'failed') throw new UserError(saved.message);
}
