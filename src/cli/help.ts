/** --help text, generated from the declarations in spec.ts. */
import { displayWidth, padEnd, wrap } from '../render/terminal-text.js';
import { COMMANDS, COMMON_FLAGS, FLAGS, TOP_FLAGS } from './spec.js';
import type { CommandSpec, FlagSpec } from './spec.js';

function flagLine(f: FlagSpec, formats?: readonly string[]): [string, string] {
  const short = 'short' in f && f.short ? `-${f.short}, ` : '    ';
  const value = 'value' in f && f.value ? ` ${f.value}` : '';
  let description = f.description;
  if (f.name === 'format' && formats) description = `output format: ${formats.join(', ')} (default ${formats[0]})`;
  return [`  ${short}--${f.name}${value}`, description];
}

/** Help is read in 80-column terminals: descriptions wrap under themselves. */
const HELP_WIDTH = 80;

/** Two columns: the second wraps under itself. */
function table(rows: readonly [string, string][]): string {
  const width = Math.max(...rows.map(([a]) => displayWidth(a))) + 2;
  return rows.map(([a, b]) => padEnd(a, width) + wrap(b, HELP_WIDTH - width).join('\n' + ' '.repeat(width))).join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  const rows = spec.flags.map((n) => flagLine(FLAGS[n], spec.formats));
  return [
    ...wrap(`reprotree ${spec.name}: ${spec.summary}`, HELP_WIDTH, '  '),
    '',
    ...wrap(`Usage: ${spec.usage}`, HELP_WIDTH, '         '),
    '',
    'Options:',
    table(rows),
    '',
    ...(spec.notes ?? []).flatMap((n) => [...wrap(n, HELP_WIDTH), '']),
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

/** The usage lines: each command that runs without being named, then the general form. */
function usage(): string[] {
  const implied = COMMANDS.flatMap((c) => (c.implied ? [[`  ${c.implied.usage}`, c.implied.summary] as const] : []));
  const width = Math.max(...implied.map(([u]) => u.length)) + 4;
  return [...implied.map(([u, what]) => u.padEnd(width) + what), '  reprotree <command> [options]'];
}

export function mainHelp(version: string): string {
  const commands = table(COMMANDS.map((c) => [`  ${c.name}`, c.summary]));
  return [
    `reprotree ${version}: which experiment tracker suits your project, decided by the`,
    'decision trees of a reproducibility study (W&B, Guild AI and MLflow, 2021) or of',
    "today's trackers measured again (--data trackers-2026), explained criterion by",
    'criterion.',
    '',
    'Usage:',
    ...usage(),
    '',
    'Commands:',
    commands,
    '',
    'Common options:',
    table([...COMMON_FLAGS, ...TOP_FLAGS].map((n) => flagLine(FLAGS[n]))),
    '',
    '`reprotree scores` lists the criteria ids with what they mean;',
    "`reprotree <command> --help` shows a command's options.",
    '',
    'Examples:',
    '  reprotree --important auto-logging,keras',
    '  reprotree --important runtime --tree figure-1 --json',
    '  reprotree tree --tree figure-1',
    '',
    'Exit codes: 0 done, 2 bad input or usage, or output that cannot be written,',
    '130 cancelled, 1 a bug in reprotree.',
    '',
  ].join('\n');
}
