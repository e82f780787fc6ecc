/**
 * Every command and flag, declared once. Parsing, validation, `--help` text and suggestions for
 * typos are all derived from these tables, so help cannot drift from behaviour.
 */

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: 'boolean' | 'string';
  /** Placeholder shown in help, e.g. FILE. */
  readonly value?: string;
  readonly description: string;
}

export const FLAGS = {
  criteria: { name: 'criteria', type: 'string', value: 'FILE', description: 'criteria file to read (default: the bundled criteria.yaml); 2 to 30 frameworks, 1 to 20 criteria' },
  tree: { name: 'tree', type: 'string', value: 'NAME', description: "which of the file's trees to use (default: its default_tree)" },
  important: {
    name: 'important',
    short: 'i',
    type: 'string',
    value: 'IDS',
    description: 'comma-separated criteria that matter to you; all others do not',
  },
  'not-important': {
    name: 'not-important',
    short: 'n',
    type: 'string',
    value: 'IDS',
    description: 'criteria that do not matter (optional: unnamed criteria do not matter anyway)',
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
  checklist: { name: 'checklist', type: 'boolean', description: 'tick every criterion at once instead of one question at a time' },
  accessible: { name: 'accessible', type: 'boolean', description: 'plain numbered questions, no redraws (also ACCESSIBLE=1); works with piped input' },
  'no-color': { name: 'no-color', type: 'boolean', description: 'no colours (also NO_COLOR=1)' },
  timings: { name: 'timings', type: 'boolean', description: 'end stderr with a JSON line of in-process timings' },
  help: { name: 'help', short: 'h', type: 'boolean', description: 'show help' },
  version: { name: 'version', short: 'V', type: 'boolean', description: 'show the version' },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

export interface CommandSpec {
  readonly name: CommandName;
  readonly summary: string;
  readonly usage: string;
  readonly flags: readonly FlagName[];
  /** Allowed --format values; the first is the default. */
  readonly formats?: readonly string[];
  /** Most positional arguments accepted (after the command name). */
  readonly maxPositionals: number;
  readonly examples: readonly string[];
}

export type CommandName = 'ask' | 'recommend' | 'tree' | 'scores' | 'validate';

const COMMON: readonly FlagName[] = ['criteria', 'no-color', 'timings', 'help'];

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'ask',
    summary: 'the interactive questionnaire (the default when no answers are given)',
    usage: 'reprotree [ask] [--tree NAME] [--checklist] [--accessible] [--criteria FILE]',
    flags: ['tree', 'checklist', 'accessible', ...COMMON],
    maxPositionals: 0,
    examples: ['reprotree', 'reprotree --tree figure-1', 'reprotree --checklist', "printf '1\\n2\\n1\\n' | reprotree --accessible"],
  },
  {
    name: 'recommend',
    summary: 'scripted advice: every answer as a flag (the default when --important and co. are given)',
    usage: 'reprotree [recommend] --important IDS [--not-important IDS] [--tree NAME] [--format text|json|markdown]',
    flags: ['important', 'not-important', 'tree', 'format', 'json', ...COMMON],
    formats: ['text', 'json', 'markdown'],
    maxPositionals: 0,
    examples: [
      'reprotree --important auto-logging,keras',
      'reprotree --important runtime --tree figure-1',
      'reprotree --important collaboration,sklearn --json',
      'reprotree recommend --format markdown --important lines',
    ],
  },
  {
    name: 'tree',
    summary: 'draw a fitted tree (text, Mermaid, DOT, SVG) with your path marked; or export_text, JSON',
    usage: 'reprotree tree [--tree NAME] [--format FORMAT] [--important IDS] [--not-important IDS] [--max-depth N] [--random-state S]',
    flags: ['tree', 'format', 'json', 'important', 'not-important', 'max-depth', 'random-state', ...COMMON],
    formats: ['text', 'mermaid', 'dot', 'svg', 'export-text', 'json'],
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
  },
  {
    name: 'scores',
    summary: "the study's score table with the evidence behind every score",
    usage: 'reprotree scores [--format text|json|markdown] [--criteria FILE]',
    flags: ['format', 'json', ...COMMON],
    formats: ['text', 'json', 'markdown'],
    maxPositionals: 0,
    examples: ['reprotree scores', 'reprotree scores --format markdown > SCORES.md'],
  },
  {
    name: 'validate',
    summary: 'check a criteria file and list every problem with its line and column',
    usage: 'reprotree validate [FILE]',
    flags: ['criteria', 'no-color', 'help'],
    maxPositionals: 1,
    examples: ['reprotree validate my-criteria.yaml'],
  },
];

export const COMMAND_NAMES = COMMANDS.map((c) => c.name);

