/**
 * Parsed flags → the typed options record of the command to run. Everything that can be checked
 * without the criteria file is checked here: numbers, formats, which file `validate` reads, and
 * whether ACCESSIBLE asks for line mode.
 */
import { MAX_SEED } from '../cart/rng.js';
import { REPORT_FORMATS as REPORT, TREE_FORMATS as TREE } from '../commands/options.js';
import type { AnswerLists, AskOptions, RecommendOptions, ScoresOptions, TreeOptions, ValidateOptions } from '../commands/options.js';
import { printable, UserError } from '../errors.js';
import type { Parsed } from './parse.js';

/** The command to run with its options; `command` tells which options record it is. */
export type Invocation =
  | { readonly command: 'ask'; readonly options: AskOptions }
  | { readonly command: 'recommend'; readonly options: RecommendOptions }
  | { readonly command: 'tree'; readonly options: TreeOptions }
  | { readonly command: 'scores'; readonly options: ScoresOptions }
  | { readonly command: 'validate'; readonly options: ValidateOptions };

/** ACCESSIBLE asks for plain numbered questions unless it is unset, empty, 0 or false. */
function accessibleAsked(env: NodeJS.ProcessEnv): boolean {
  const value = env.ACCESSIBLE?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** --json, --format, or the first of the command's formats (parse() has checked the name). */
function formatIn<F extends string>(formats: readonly F[], p: Parsed): F {
  const wanted = p.values.json ? 'json' : (p.values.format ?? formats[0]);
  const format = formats.find((f) => f === wanted);
  if (format === undefined) throw new Error(`'${String(wanted)}' is not a format of ${p.command.name}`);
  return format;
}

function answerLists(p: Parsed): AnswerLists {
  return { important: p.values.important, notImportant: p.values['not-important'] };
}

/** A whole number from `min` to `max` (or 'none', for a depth: no limit), or undefined if not given. */
function wholeNumber(p: Parsed, name: 'max-depth' | 'random-state', min: number, max: number): number | undefined {
  const raw = p.values[name];
  if (raw === undefined) return undefined;
  const s = raw.trim();
  if (name === 'max-depth' && s.toLowerCase() === 'none') return Infinity;
  if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) {
    const what = name === 'max-depth' ? `a whole number of at least ${min} (or 'none')` : `a whole number from ${min} to ${max}`;
    throw new UserError(`--${name} must be ${what}, not '${printable(s)}'.`);
  }
  return Number(s);
}

function validateFile(p: Parsed): string | undefined {
  const positional = p.positionals[0];
  const flag = p.values.criteria;
  if (positional !== undefined && flag !== undefined && positional !== flag) {
    throw new UserError(`validate was given two files (${printable(positional)} and --criteria ${printable(flag)}); give one.`);
  }
  return positional ?? flag;
}

export function resolve(p: Parsed, env: NodeJS.ProcessEnv = process.env): Invocation {
  const { values } = p;
  const criteria = values.criteria;
  switch (p.command.name) {
    case 'ask':
      return {
        command: 'ask',
        options: {
          criteria,
          tree: values.tree,
          start: values.checklist ? 'checklist' : 'questions',
          accessible: values.accessible === true || accessibleAsked(env),
        },
      };
    case 'recommend':
      return { command: 'recommend', options: { criteria, tree: values.tree, format: formatIn(REPORT, p), answers: answerLists(p) } };
    case 'tree':
      return {
        command: 'tree',
        options: {
          criteria,
          tree: values.tree,
          format: formatIn(TREE, p),
          answers: answerLists(p),
          maxDepth: wholeNumber(p, 'max-depth', 1, 1000),
          randomState: wholeNumber(p, 'random-state', 0, MAX_SEED),
        },
      };
    case 'scores':
      return { command: 'scores', options: { criteria, format: formatIn(REPORT, p) } };
    case 'validate':
      return { command: 'validate', options: { file: validateFile(p) } };
  }
}
