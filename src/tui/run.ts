/**
 * The interactive questionnaire in a terminal. ask.ts has already made sure there is one (Ink
 * needs raw mode on stdin and redraws stdout) and loads this module only then.
 */
import { Cancelled } from '../errors.js';
import { readingWidth } from '../render/lines.js';
import type { FrontEndIO, WalkOptions } from '../questionnaire/front-end.js';
import type { Study } from '../study/types.js';
import type { Outcome } from './App.js';
import { introLines, summaryText } from '../questionnaire/wording.js';
import { questionnaireTrees } from '../questionnaire/trees.js';

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
  io.out(introLines(study, trees.base, io.style, readingWidth(io.width)).join('\n') + '\n');
  const { mount } = await loadInk();
  const ended: { outcome: Outcome } = { outcome: { kind: 'cancelled' } };
  await mount({
    trees,
    style: io.style,
    start: options.start,
    onDone: (o) => {
      ended.outcome = o;
    },
  });
  const done = ended.outcome;
  if (done.kind === 'cancelled') throw new Cancelled();
  io.out(summaryText(done.session, done.result, io.style, readingWidth(io.width), options.criteria));
}
