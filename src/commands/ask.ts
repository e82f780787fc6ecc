/**
 * The questionnaire. Decides BEFORE loading Ink whether it can run: Ink needs a terminal on both
 * stdin (raw mode for keys) and stdout (redraws), and prints only its last frame under CI.
 */
import { findTree } from '../advice/model.js';
import { UserError } from '../errors.js';
import { load } from './common.js';
import type { Context } from './context.js';

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

/** ACCESSIBLE asks for plain numbered questions unless it is unset, empty, 0 or false. */
function accessibleAsked(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.ACCESSIBLE?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

export async function ask(ctx: Context): Promise<void> {
  const study = await load(ctx);
  const v = ctx.parsed.values;
  // A mistyped --tree is the more useful message, terminal or not.
  findTree(study, v.tree as string | undefined);
  const accessible = v.accessible === true || accessibleAsked();
  if (accessible) {
    const { runAccessible } = await import('../tui/accessible.js');
    await runAccessible(ctx, study);
    return;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY || inCi()) throw new UserError(scriptedHint());
  // Ink and React load only here: the scripted path never pays for them.
  const { runInteractive } = await import('../tui/run.js');
  await runInteractive(ctx, study);
}
