/**
 * Parsed flags → the typed options record of the command to run. Everything that can be checked
 * without the criteria file is checked here: numbers, formats, which file `validate` reads, and
 * whether ACCESSIBLE asks for line mode.
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { DEFAULT_ALTERNATIVES } from '../advice/alternatives.js';
import { MAX_SEED } from '../cart/rng.js';
import {
  INIT_FILE,
  MEASURE_OUT,
  MEASURE_REPS,
  REPORT_FORMATS as REPORT,
  SCORES_FORMATS as SCORES,
  TREE_FORMATS as TREE,
} from '../commands/options.js';
import type {
  AnswerSources,
  AskOptions,
  CompareOptions,
  InitOptions,
  MeasureOptions,
  RecommendOptions,
  ReportOptions,
  ScoresOptions,
  TreeOptions,
  ValidateOptions,
} from '../commands/options.js';
import { didYouMean, printable, UserError } from '../errors.js';
import { DATA_SET_NAMES } from '../paths.js';
import type { DataSetName } from '../paths.js';
import type { Parsed } from './parse.js';

/** The command to run with its options; `command` tells which options record it is. */
export type Invocation =
  | { readonly command: 'ask'; readonly options: AskOptions }
  | { readonly command: 'recommend'; readonly options: RecommendOptions }
  | { readonly command: 'tree'; readonly options: TreeOptions }
  | { readonly command: 'scores'; readonly options: ScoresOptions }
  | { readonly command: 'report'; readonly options: ReportOptions }
  | { readonly command: 'compare'; readonly options: CompareOptions }
  | { readonly command: 'init'; readonly options: InitOptions }
  | { readonly command: 'validate'; readonly options: ValidateOptions }
  | { readonly command: 'measure'; readonly options: MeasureOptions };

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

function answerSources(p: Parsed): AnswerSources {
  return { important: p.values.important, notImportant: p.values['not-important'], file: p.values.answers };
}

/** Standard input can be read once: by one of --criteria and --answers, and not by the questionnaire. */
function checkStdin(p: Parsed): void {
  const readers = (['criteria', 'answers'] as const).filter((f) => p.values[f] === '-');
  if (readers.length > 1) {
    throw new UserError('--criteria - and --answers - would both read standard input; save one of them to a file and name it.');
  }
  if (readers[0] !== undefined && p.command.name === 'ask') {
    throw new UserError(`The questionnaire reads your keys from standard input, so --${readers[0]} cannot read it too; name a file instead of '-'.`);
  }
  if (p.values['save-answers'] === '-') {
    throw new UserError('--save-answers needs a file name; standard output is where the result goes.');
  }
}

/** --data's name, checked; one of --criteria and --data at most. */
function dataSet(p: Parsed): DataSetName | undefined {
  const raw = p.values.data;
  if (raw === undefined) return undefined;
  const name = DATA_SET_NAMES.find((n) => n === raw);
  if (name === undefined) {
    const lower = DATA_SET_NAMES.find((n) => n === raw.trim().toLowerCase());
    const hint = lower !== undefined ? ` Did you mean '${lower}'?` : didYouMean(raw, DATA_SET_NAMES);
    throw new UserError(`There is no data set '${printable(raw)}'; --data takes ${DATA_SET_NAMES.join(' or ')}.${hint}`);
  }
  if (p.values.criteria !== undefined && p.command.name !== 'validate') {
    throw new UserError(
      '--criteria and --data both say where the scores come from; give one of them (--criteria FILE for your own file, --data NAME for a bundled one).',
    );
  }
  return name;
}

/** A whole number from `min` to `max` (or 'none', for a depth: no limit), or undefined if not given. */
function wholeNumber(p: Parsed, name: 'max-depth' | 'random-state' | 'alternatives' | 'reps', min: number, max: number): number | undefined {
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

/** The cache folder of the XDG base directory spec (a relative XDG_CACHE_HOME is to be ignored). */
function cacheHome(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  return xdg !== undefined && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
}

/** measure's run options, or --rescore alone: it scores files already made and runs nothing. */
function measureOptions(p: Parsed, env: NodeJS.ProcessEnv): MeasureOptions {
  const v = p.values;
  const runFlags = (['trackers', 'only', 'reps', 'keras', 'out', 'workdir', 'fresh', 'python', 'python312'] as const).filter(
    (f) => v[f] !== undefined,
  );
  if (v.rescore !== undefined) {
    if (runFlags.length > 0) {
      throw new UserError(
        `--rescore scores measurements already made and runs nothing, so --${runFlags[0]} has no use with it; leave one of them out.`,
      );
    }
    if (v.rescore.trim() === '') throw new UserError('--rescore needs a measurement file or a folder of them.');
    return { mode: 'rescore', path: v.rescore };
  }
  const nonEmpty = (name: 'out' | 'workdir' | 'python' | 'python312') => {
    const value = v[name];
    if (value !== undefined && value.trim() === '') throw new UserError(`--${name} needs a path.`);
    return value;
  };
  return {
    mode: 'run',
    trackers: v.trackers,
    only: v.only,
    reps: wholeNumber(p, 'reps', 1, 1000) ?? MEASURE_REPS,
    keras: v.keras === true,
    out: nonEmpty('out') ?? MEASURE_OUT,
    workdir: nonEmpty('workdir') ?? join(cacheHome(env), 'reprotree'),
    fresh: v.fresh === true,
    python: nonEmpty('python'),
    python312: nonEmpty('python312'),
  };
}

/** validate's files: those named, --criteria's too; standard input at most once. */
function validateFiles(p: Parsed): string[] {
  const files = [...p.positionals];
  const flag = p.values.criteria;
  if (flag !== undefined && !files.includes(flag)) files.push(flag);
  if (files.filter((f) => f === '-').length > 1) throw new UserError("'-' (standard input) can be read once; name it once.");
  return files;
}

export function resolve(p: Parsed, env: NodeJS.ProcessEnv = process.env): Invocation {
  const { values } = p;
  const criteria = values.criteria;
  // report's --data may also name a measurement file or folder; it checks that itself.
  const data = p.command.name === 'report' ? undefined : dataSet(p);
  const accessible = values.accessible === true || accessibleAsked(env);
  checkStdin(p);
  // Past every pair of 20 criteria (210) the list cannot grow; the bound only keeps the number sane.
  const alternatives = wholeNumber(p, 'alternatives', 0, 1000) ?? DEFAULT_ALTERNATIVES;
  switch (p.command.name) {
    case 'ask':
      return {
        command: 'ask',
        options: {
          criteria,
          data,
          tree: values.tree,
          start: values.checklist ? 'checklist' : 'questions',
          accessible,
          answers: answerSources(p),
          saveAnswers: values['save-answers'],
          alternatives,
        },
      };
    case 'recommend':
      return {
        command: 'recommend',
        options: { criteria, data, tree: values.tree, format: formatIn(REPORT, p), answers: answerSources(p), accessible, alternatives },
      };
    case 'tree':
      return {
        command: 'tree',
        options: {
          criteria,
          data,
          tree: values.tree,
          format: formatIn(TREE, p),
          answers: answerSources(p),
          maxDepth: wholeNumber(p, 'max-depth', 1, 1000),
          randomState: wholeNumber(p, 'random-state', 0, MAX_SEED),
          accessible,
        },
      };
    case 'compare':
      return { command: 'compare', options: { tree: values.tree, format: formatIn(REPORT, p), answers: answerSources(p), accessible } };
    case 'scores':
      return { command: 'scores', options: { criteria, data, format: formatIn(SCORES, p), accessible } };
    case 'report':
      return { command: 'report', options: { data: values.data } };
    case 'init':
      return { command: 'init', options: { data, file: p.positionals[0] ?? INIT_FILE, force: values.force === true } };
    case 'validate':
      return { command: 'validate', options: { files: validateFiles(p), data } };
    case 'measure':
      return { command: 'measure', options: measureOptions(p, env) };
  }
}
