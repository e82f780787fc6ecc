/**
 * The questionnaire. Decides BEFORE loading Ink whether it can run: Ink needs a terminal on both
 * stdin (raw mode for keys) and stdout (redraws), and prints only its last frame under CI.
 */
import { findTree } from '../advice/model.js';
import { UserError } from '../errors.js';
import { checkWritable } from '../files.js';
import type { WalkOptions } from '../questionnaire/front-end.js';
import { givenAnswers } from './answers.js';
import { load } from './common.js';
import type { IO } from './io.js';
import type { AskOptions } from './options.js';

export function scriptedHint(): string {
  return 'The questionnaire needs a terminal and there is none here (or CI is set): name your answers instead, e.g. `reprotree --important auto-logging,keras`, or add --accessible for plain numbered questions.';
}

/**
 * Ink's own test (is-in-ci): CI or CONTINUOUS_INTEGRATION set to anything but 0 or false, even
 * empty. Ink then prints only its last frame, so the questionnaire would show nothing to answer.
 */
function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const set = (name: string) => name in env && env[name] !== '0' && env[name] !== 'false';
  return set('CI') || set('CONTINUOUS_INTEGRATION');
}

export async function ask(options: AskOptions, io: IO): Promise<void> {
  const study = await load(io, options.criteria);
  // A mistyped --tree or answer is the more useful message, terminal or not.
  findTree(study, options.tree);
  // Found out now rather than after the last question.
  if (options.saveAnswers !== undefined) checkWritable(options.saveAnswers, '--save-answers');
  // Flags and an answers file answer their questions before the walk; the rest are asked.
  const preset = await givenAnswers(study, options.answers, io);
  const walk: WalkOptions = { tree: options.tree, start: options.start, criteria: options.criteria, preset, saveAnswers: options.saveAnswers };
  if (options.accessible) {
    const { runAccessible } = await import('../questionnaire/accessible.js');
    await runAccessible(study, walk, io);
    return;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY || inCi()) throw new UserError(scriptedHint());
  // Ink and React load only here: the scripted path never pays for them.
  const { runInteractive } = await import('../tui/run.js');
  await runInteractive(study, walk, io);
}
