/**
 * The interactive questionnaire in a terminal. ask.ts has already made sure there is one (Ink
 * needs raw mode on stdin and redraws stdout) and loads this module only then.
 */
import { Cancelled } from '../errors.js';
import { readingWidth, wrapIndented } from '../render/lines.js';
import type { FrontEndIO, WalkOptions } from '../questionnaire/front-end.js';
import type { Study } from '../study/types.js';
import type { Outcome } from './App.js';
import { AnswersSaver } from '../questionnaire/saved-answers.js';
import { introLines, notices, presetLine, summaryText } from '../questionnaire/wording.js';
import { questionnaireTrees } from '../questionnaire/trees.js';
import { UserError } from '../errors.js';

/**
 * Loads Ink with the global fetch hidden. Ink's layout engine (yoga) is WebAssembly shipped as a
 * data: URL, and its loader fetches that URL whenever fetch exists, which makes Node load its
 * whole HTTP client first: a third of the time to the first question. Without fetch the loader
 * decodes the same bytes itself.
 */
async function loadInk(): Promise<typeof import('./mount.js')> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return import('./mount.js');
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await import('./mount.js');
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}

export async function runInteractive(study: Study, options: WalkOptions, io: FrontEndIO): Promise<void> {
  const trees = questionnaireTrees(study, options.tree, io.timings);
  // Printed before Ink loads: it is there at once, and the first frame has less to draw.
  const width = readingWidth(io.width);
  const preset = presetLine(study, options.preset);
  io.out([...introLines(study, trees.base, io.style, width), ...(preset ? wrapIndented(preset, width) : [])].join('\n') + '\n');
  const { mount } = await loadInk();
  const ended: { outcome: Outcome } = { outcome: { kind: 'cancelled' } };
  const saver = new AnswersSaver(study, options.saveAnswers);
  await mount({
    trees,
    style: io.style,
    start: options.start,
    preset: options.preset,
    onDone: (o) => {
      ended.outcome = o;
    },
    save: (session) => {
      const saved = saver.save(session);
      return saved.kind === 'saved' ? notices.saved(saved.file) : saved.message;
    },
  });
  const done = ended.outcome;
  if (done.kind === 'cancelled') throw new Cancelled();
  // --save-answers keeps the answers the walk ended on; a file `s` wrote is named only if it holds them.
  const saved = options.saveAnswers !== undefined ? saver.save(done.session) : undefined;
  const file = saved?.kind === 'saved' || saver.holds(done.session) ? saver.file : undefined;
  io.out(summaryText(done.session, done.result, io.style, width, options.criteria, file));
  if (saved?.kind === 'failed') throw new UserError(saved.message);
}
