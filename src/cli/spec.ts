/**
 * Every command and flag, declared once. Parsing, validation, the value types of the options,
 * `--help` text and suggestions for typos are all derived from these tables, so help cannot drift
 * from behaviour.
 */
import { DEFAULT_ALTERNATIVES } from '../advice/alternatives.js';
import { MAX_CRITERIA } from '../cart/profiles.js';
import { INIT_FILE, MEASURE_OUT, MEASURE_REPS, REPORT_FORMATS, SCORES_FORMATS, TREE_FORMATS } from '../commands/options.js';
import { SVG_MAX_PX } from '../render/svg.js';
import { MERMAID_CHARS, MERMAID_NODES, PICTURE_NODES } from '../render/tree-drawing.js';
import { DATA_SET_NAMES, DEFAULT_DATA_SET } from '../paths.js';
import { SCORE_RULE } from '../study/limits.js';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: 'boolean' | 'string';
  /** Placeholder shown in help, e.g. FILE. */
  readonly value?: string;
  readonly description: string;
}

export const FLAGS = {
  criteria: {
    name: 'criteria',
    type: 'string',
    value: 'FILE',
    description: "criteria file to read (default: the bundled criteria.yaml; '-': standard input); 2 to 30 frameworks, 1 to 20 criteria",
  },
  data: {
    name: 'data',
    type: 'string',
    value: 'NAME',
    description: `which bundled data to use: ${DATA_SET_NAMES.join(' or ')} (default ${DEFAULT_DATA_SET}, the study's scores; trackers-2026: today's trackers, measured); not with --criteria. For report, also a measurement file or a directory of them`,
  },
  tree: { name: 'tree', type: 'string', value: 'NAME', description: "which of the file's trees to use (default: its default_tree)" },
  important: {
    name: 'important',
    short: 'i',
    type: 'string',
    value: 'IDS',
    description: 'comma-separated criteria ids (lowercase, as in the file) that matter to you; in scripted advice all others do not',
  },
  'not-important': {
    name: 'not-important',
    short: 'n',
    type: 'string',
    value: 'IDS',
    description: 'criteria that do not matter (optional in scripted advice, where unnamed criteria do not matter anyway)',
  },
  answers: {
    name: 'answers',
    type: 'string',
    value: 'FILE',
    description: "answers from a JSON or YAML file of criterion ids and true/false ('-': standard input)",
  },
  'save-answers': {
    name: 'save-answers',
    type: 'string',
    value: 'FILE',
    description: 'save your answers to FILE (as JSON) when you finish, for --answers',
  },
  alternatives: {
    name: 'alternatives',
    type: 'string',
    value: 'N',
    description: `how many of the nearest answers that would change the best to show (default ${DEFAULT_ALTERNATIVES}; 0: none)`,
  },
  format: { name: 'format', short: 'f', type: 'string', value: 'FORMAT', description: 'output format' },
  json: { name: 'json', type: 'boolean', description: 'same as --format json' },
  'max-depth': { name: 'max-depth', type: 'string', value: 'N', description: "depth limit for the fit (overrides the tree's; 'none' for no limit)" },
  'random-state': {
    name: 'random-state',
    type: 'string',
    value: 'S',
    description: "scikit-learn's random_state: decides between equally good splits (0 to 4294967295)",
  },
  force: { name: 'force', type: 'boolean', description: 'overwrite FILE if it exists' },
  checklist: { name: 'checklist', type: 'boolean', description: 'tick every criterion at once instead of one question at a time' },
  accessible: {
    name: 'accessible',
    type: 'boolean',
    description:
      'for screen readers (also ACCESSIBLE=1): plain numbered questions, no redraws, works with piped input; elsewhere words for marks, tables as sentences, the tree as an outline',
  },
  'no-color': { name: 'no-color', type: 'boolean', description: 'no colours (also NO_COLOR=1)' },
  timings: { name: 'timings', type: 'boolean', description: 'end stderr with a JSON line of in-process timings' },
  trackers: {
    name: 'trackers',
    type: 'string',
    value: 'LIST',
    description: 'comma-separated tracker ids to measure (default: every tracker the probes have)',
  },
  only: {
    name: 'only',
    type: 'string',
    value: 'EXPERIMENTS',
    description:
      'comma-separated experiments to run: auto-logging, components (runtime and memory), lines, sklearn, keras, collaboration, or a record name such as runtime (default: all but keras)',
  },
  reps: {
    name: 'reps',
    type: 'string',
    value: 'N',
    description: `repetitions of each runtime and memory sample, interleaved across trackers (default ${MEASURE_REPS})`,
  },
  keras: {
    name: 'keras',
    type: 'boolean',
    description: 'add the Keras deep dive, which installs TensorFlow into every environment (about a gigabyte each)',
  },
  out: {
    name: 'out',
    type: 'string',
    value: 'DIR',
    description: `where the measurement files, their journal and criteria.yaml go (default ./${MEASURE_OUT})`,
  },
  workdir: {
    name: 'workdir',
    type: 'string',
    value: 'DIR',
    description:
      "where the trackers' virtual environments (kept and reused) and stores go (default $XDG_CACHE_HOME/reprotree, else ~/.cache/reprotree)",
  },
  fresh: { name: 'fresh', type: 'boolean', description: 'measure everything anew instead of going on from the measurements kept in --out' },
  python: {
    name: 'python',
    type: 'string',
    value: 'PATH',
    description: 'the Python (3.10 or newer, with venv) that makes the environments (default $REPROTREE_PYTHON, else python3 or python on PATH)',
  },
  python312: {
    name: 'python312',
    type: 'string',
    value: 'PATH',
    description:
      'a Python 3.12 or newer to try each tracker on (its own environment, install, import, one run), for the python-312 fact (default $REPROTREE_PYTHON312, else python3.12 on PATH if it runs; without one the fact is not measured)',
  },
  rescore: {
    name: 'rescore',
    type: 'string',
    value: 'PATH',
    description: 'score raw measurements (a file, or a folder of them) and print the criteria file; needs no Python',
  },
  help: { name: 'help', short: 'h', type: 'boolean', description: 'show help' },
  version: { name: 'version', short: 'V', type: 'boolean', description: 'show the version' },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

/** Flags that take a value (`--tree NAME`), and flags that are only there or not (`--json`). */
export type StringFlag = { [K in FlagName]: (typeof FLAGS)[K]['type'] extends 'string' ? K : never }[FlagName];
export type BooleanFlag = Exclude<FlagName, StringFlag>;

/** What parsing yields for each flag given: its text, or true; absent flags are undefined. */
export type FlagValues = { readonly [K in StringFlag]?: string } & { readonly [K in BooleanFlag]?: boolean };

export function isStringFlag(name: FlagName): name is StringFlag {
  return FLAGS[name].type === 'string';
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly flags: readonly FlagName[];
  /** Allowed --format values; the first is the default. */
  readonly formats?: readonly string[];
  /** Most positional arguments accepted (after the command name). */
  readonly maxPositionals: number;
  readonly examples: readonly string[];
  /** Paragraphs after the options: rules the command checks that a user should know first. */
  readonly notes?: readonly string[];
  /**
   * Run without naming it: when one of `by` is given, or (without `by`) when nothing else is
   * implied. `usage` and `summary` are its line in the main help.
   */
  readonly implied?: { readonly usage: string; readonly summary: string; readonly by?: readonly FlagName[] };
}

/** Flags most commands take (init none of them, validate some); the main help lists them with --version. */
export const COMMON_FLAGS = ['criteria', 'data', 'no-color', 'timings', 'help'] as const satisfies readonly FlagName[];
/** Flags that stand on their own, without a command. */
export const TOP_FLAGS = ['version'] as const satisfies readonly FlagName[];

const DECLARED = [
  {
    name: 'ask',
    summary: 'the interactive questionnaire (the default when no answers are given)',
    usage:
      'reprotree [ask] [--tree NAME] [--checklist] [--accessible] [--important IDS] [--not-important IDS] [--answers FILE] [--save-answers FILE] [--alternatives N] [--criteria FILE | --data NAME]',
    flags: ['tree', 'checklist', 'accessible', 'important', 'not-important', 'answers', 'save-answers', 'alternatives', ...COMMON_FLAGS],
    maxPositionals: 0,
    examples: [
      'reprotree',
      'reprotree --tree figure-1',
      'reprotree --data trackers-2026',
      'reprotree --checklist',
      'reprotree ask --important keras',
      'reprotree --save-answers mine.json',
      'reprotree ask --answers mine.json --tree figure-2',
      "printf '1\\n2\\n1\\n' | reprotree --accessible",
    ],
    implied: { usage: 'reprotree', summary: 'answer a few questions in the terminal' },
  },
  {
    name: 'recommend',
    summary: 'scripted advice: every answer as a flag (the default when --important and co. are given)',
    usage:
      'reprotree [recommend] --important IDS [--not-important IDS] [--answers FILE] [--tree NAME] [--format text|json|markdown] [--alternatives N] [--criteria FILE | --data NAME]',
    flags: ['important', 'not-important', 'answers', 'tree', 'format', 'json', 'accessible', 'alternatives', ...COMMON_FLAGS],
    formats: REPORT_FORMATS,
    maxPositionals: 0,
    examples: [
      'reprotree --important auto-logging,keras',
      'reprotree --important runtime --tree figure-1',
      'reprotree --important collaboration,sklearn --json',
      'reprotree recommend --format markdown --important lines',
      'reprotree --important open-source,sklearn --data trackers-2026',
      'reprotree --answers mine.json --json',
      'reprotree --important memory --alternatives 10',
    ],
    implied: {
      usage: 'reprotree --important IDS [options]',
      summary: 'the same advice in one command',
      by: ['important', 'not-important', 'answers', 'json', 'format'],
    },
  },
  {
    name: 'tree',
    summary: 'draw a fitted tree (text, Mermaid, DOT, SVG) with your path marked; or export_text, JSON',
    usage:
      'reprotree tree [--tree NAME] [--format FORMAT] [--important IDS] [--not-important IDS] [--answers FILE] [--max-depth N] [--random-state S]',
    flags: ['tree', 'format', 'json', 'important', 'not-important', 'answers', 'max-depth', 'random-state', 'accessible', ...COMMON_FLAGS],
    formats: TREE_FORMATS,
    maxPositionals: 0,
    examples: [
      'reprotree tree --tree figure-1',
      'reprotree tree --tree figure-1 --important auto-logging,keras',
      'reprotree tree --tree figure-1 --format svg > figure-1.svg',
      'reprotree tree --format dot --important memory | dot -Tpng -o tree.png',
      'reprotree tree --tree figure-2 --format mermaid',
      'reprotree tree --tree figure-2 --format export-text',
      'reprotree tree --random-state 7 --max-depth 2 --format json',
    ],
    notes: [
      `Pictures (text, the outline, DOT, SVG) draw at most ${PICTURE_NODES} nodes, so every tree of up to 10 criteria whole; ` +
        'a bigger tree is drawn down to the deepest level that fits, with the path of your answers, and says what it leaves out. ' +
        `Mermaid keeps to Mermaid's own limits (${MERMAID_NODES - 1} edges, ${MERMAID_CHARS} characters), SVG to ${SVG_MAX_PX} pixels a side. ` +
        'export-text and json write every node.',
    ],
  },
  {
    name: 'scores',
    summary: 'the score table with the evidence behind every score, and where the scores come from',
    usage: 'reprotree scores [--format text|json|markdown|yaml] [--criteria FILE | --data NAME]',
    flags: ['format', 'json', 'accessible', ...COMMON_FLAGS],
    formats: SCORES_FORMATS,
    maxPositionals: 0,
    examples: [
      'reprotree scores',
      'reprotree scores --data trackers-2026',
      'reprotree scores --format markdown > SCORES.md',
      'reprotree scores --format yaml --criteria mine.yaml',
    ],
  },
  {
    name: 'compare',
    summary: "the same answers under the study's data and under today's trackers, side by side, and which criteria moved most",
    usage: 'reprotree compare [--important IDS] [--not-important IDS] [--answers FILE] [--tree NAME] [--format text|json|markdown]',
    flags: ['important', 'not-important', 'answers', 'tree', 'format', 'json', 'accessible', 'no-color', 'timings', 'help'],
    formats: REPORT_FORMATS,
    maxPositionals: 0,
    examples: [
      'reprotree compare --important auto-logging,keras',
      'reprotree compare --important runtime,open-source --json',
      'reprotree compare --answers mine.json --format markdown',
    ],
    notes: [
      `It compares the bundled data sets ${DATA_SET_NAMES.join(' and ')}, so it takes no --criteria or --data. Answers name the criteria of either; one that only one data set has counts there only, and the output says so. Each data set is walked on its own tree of the name --tree gives (default: each one's default tree).`,
      "A criterion moved by the mean change of the scores of the trackers in both data sets, divided by the criterion's range (its highest score minus its lowest, over every tracker of both): 0 is no change, 1 every such tracker going from one end of the scale to the other.",
    ],
  },
  {
    name: 'report',
    summary: 'one self-contained HTML page of the measurements: samples, marks, snippets, scores and their rules, provenance',
    usage: 'reprotree report [--data NAME|PATH] > report.html',
    flags: ['data', 'timings', 'help'],
    maxPositionals: 0,
    examples: [
      'reprotree report > report.html',
      'reprotree report --data trackers-2026 > trackers-2026.html',
      'reprotree report --data runs/ > runs.html',
    ],
    notes: [
      'The page has no scripts and loads nothing from the network: inline SVG and CSS only, light and dark, for screen, phone and print. Write it to a file and open it in a browser.',
    ],
  },
  {
    name: 'init',
    summary: `start your own criteria file: the bundled data with a note on each section (default ${INIT_FILE})`,
    usage: `reprotree init [FILE] [--force] [--data NAME]`,
    flags: ['force', 'data', 'help'],
    maxPositionals: 1,
    examples: ['reprotree init', 'reprotree init my-criteria.yaml', 'reprotree init --data trackers-2026 today.yaml', 'reprotree init - | less'],
  },
  {
    name: 'validate',
    summary: 'check criteria files and list every problem with its line and column',
    usage: 'reprotree validate [FILE...] [--data NAME]',
    flags: ['criteria', 'data', 'no-color', 'help'],
    maxPositionals: Number.POSITIVE_INFINITY,
    examples: ['reprotree validate my-criteria.yaml', 'reprotree validate a.yaml b.yaml', 'reprotree scores --format yaml | reprotree validate -'],
    notes: [
      `A criteria file names 2 or more frameworks and 1 to ${MAX_CRITERIA} criteria. Ids are lowercase letters, digits and '-'. ` +
        `A score is ${SCORE_RULE}, so that totals stay exact. ` +
        'A name is one line of visible text: no line breaks or tabs, and no invisible characters such as ' +
        'bidirectional controls (U+202A to U+202E, U+2066 to U+2069) or zero-width ones (U+200B to U+200D, U+2060, U+FEFF).',
    ],
  },
  {
    name: 'measure',
    summary: "re-run the study's experiments on today's trackers with Python probes, or --rescore raw measurements",
    usage:
      'reprotree measure [--trackers LIST] [--only EXPERIMENTS] [--reps N] [--keras] [--out DIR] [--workdir DIR] [--fresh] [--python PATH] [--python312 PATH], or reprotree measure --rescore PATH',
    flags: ['trackers', 'only', 'reps', 'keras', 'out', 'workdir', 'fresh', 'python', 'python312', 'rescore', 'no-color', 'help'],
    maxPositionals: 0,
    examples: [
      'reprotree measure',
      'reprotree measure --trackers mlflow --only auto-logging',
      'reprotree measure --only components --reps 10 --out runs/quick',
      'reprotree measure --keras --reps 30',
      'reprotree measure --rescore reprotree-measurements/ > mine.yaml',
      'reprotree measure --rescore data/study-2021.measurements.json',
    ],
  },
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof DECLARED)[number]['name'];

/** A command as the parser and help see it: its name is one of the declared ones. */
export interface Command extends CommandSpec {
  readonly name: CommandName;
}

export const COMMANDS: readonly Command[] = DECLARED;

export const COMMAND_NAMES: readonly CommandName[] = COMMANDS.map((c) => c.name);
