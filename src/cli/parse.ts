/** argv → which command, with which flags. Built on node:util's parseArgs (no dependency). */
import { parseArgs } from 'node:util';
import { didYouMean, printable, UserError } from '../errors.js';
import { andList } from '../render/format.js';
import { COMMAND_NAMES, COMMANDS, FLAGS, isStringFlag } from './spec.js';
import type { BooleanFlag, Command, FlagName, FlagValues, StringFlag } from './spec.js';

export interface Parsed {
  /** The command named, or the one the flags imply (see `implied` in spec.ts). */
  readonly command: Command;
  /** Whether the command was named on the command line (else inferred). */
  readonly explicit: boolean;
  readonly values: FlagValues;
  readonly positionals: readonly string[];
}

const ALL_FLAGS = Object.values(FLAGS);
const isFlagName = (k: string): k is FlagName => k in FLAGS;

/** The command to run when none is named: the first implied by a flag given, else the fallback. */
function impliedCommand(values: FlagValues): Command {
  const byFlag = COMMANDS.find((c) => c.implied?.by?.some((f) => values[f] !== undefined));
  const fallback = COMMANDS.find((c) => c.implied !== undefined && c.implied.by === undefined);
  const command = byFlag ?? fallback;
  if (!command) throw new Error('spec.ts declares no command to run when none is named');
  return command;
}

/**
 * parseArgs's values, typed by the flag table: a string flag (declared `multiple`, so that a
 * repeated flag can be reported) must be given at most once.
 */
function flagValues(raw: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>): FlagValues {
  const strings: { [K in StringFlag]?: string } = {};
  const booleans: { [K in BooleanFlag]?: boolean } = {};
  for (const name of Object.keys(raw).filter(isFlagName)) {
    const v = raw[name];
    if (v === undefined) continue;
    if (isStringFlag(name)) {
      const given = (Array.isArray(v) ? v : [v]).map(String);
      if (given.length > 1) {
        const lists = name === 'important' || name === 'not-important' ? ' (list several ids with commas)' : '';
        throw new UserError(`--${name} was given ${given.length} times; give it once${lists}.`);
      }
      strings[name] = given[0];
    } else booleans[name] = v === true;
  }
  return { ...strings, ...booleans };
}

/**
 * parseArgs refuses `--max-depth -1` as ambiguous (the value looks like a flag); joining such a
 * value to its flag lets the value check explain what is wrong with it instead.
 */
function joinDashValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const spec = ALL_FLAGS.find((f) => `--${f.name}` === a || ('short' in f && `-${f.short}` === a));
    const next = argv[i + 1];
    if (spec?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`--${spec.name}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export function parse(argv: readonly string[]): Parsed {
  // First pass with every flag known, to find the command and to give precise messages.
  const options = Object.fromEntries(
    ALL_FLAGS.map((f) => [f.name, { type: f.type, ...('short' in f ? { short: f.short } : {}), multiple: f.type === 'string' }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: joinDashValues(argv), options, allowPositionals: true, strict: true });
  } catch (e) {
    throw translate(e as Error & { code?: string });
  }
  const values = flagValues(parsed.values);

  let positionals = parsed.positionals;
  let command: Command | undefined;
  let explicit = false;
  const first = positionals[0];
  if (first !== undefined) {
    command = COMMANDS.find((c) => c.name === first);
    const list = values.important ?? values['not-important'];
    if (!command && list !== undefined && (list.endsWith(',') || /^[a-z0-9-]+(,[a-z0-9-]+)*$/i.test(first))) {
      // `--important runtime, keras`: the shell split the list at the space.
      throw new UserError(
        `Unexpected argument '${printable(first)}'. To name several criteria, join them with commas and no spaces: --important ${printable(list.replace(/,$/, ''))},${printable(first)}.`,
      );
    }
    if (first === 'help') {
      const topic = COMMANDS.find((c) => c.name === positionals[1]);
      if (positionals[1] !== undefined && !topic) {
        throw new UserError(
          `There is no command '${printable(positionals[1])}'.${didYouMean(positionals[1], COMMAND_NAMES)} The commands are ${COMMAND_NAMES.join(', ')}.`,
        );
      }
      return { command: topic ?? impliedCommand({}), explicit: topic !== undefined, values: { ...values, help: true }, positionals: [] };
    }
    if (!command) {
      throw new UserError(
        `Unknown command '${printable(first)}'.${didYouMean(first, COMMAND_NAMES)} The commands are ${COMMAND_NAMES.join(', ')}; see reprotree --help.`,
      );
    }
    explicit = true;
    positionals = positionals.slice(1);
  } else command = impliedCommand(values);

  if (values.help || values.version) return { command, explicit, values, positionals };

  // In the order given, so the first misplaced flag is the one reported.
  for (const name of Object.keys(parsed.values).filter(isFlagName)) {
    if (!command.flags.includes(name)) {
      const where = explicit ? `the ${command.name} command` : command.name === 'ask' ? 'the questionnaire' : 'scripted advice';
      const users = COMMANDS.filter((c) => c.flags.includes(name)).map((c) => c.name);
      throw new UserError(`--${name} does not apply to ${where}; it is for ${andList(users)}. See reprotree ${command.name} --help.`);
    }
  }
  if (positionals.length > command.maxPositionals) {
    const extra = positionals[command.maxPositionals]!;
    const hint = command.flags.includes('important') && !extra.startsWith('-') ? ` To name criteria, use --important ${printable(extra)}.` : '';
    throw new UserError(`Unexpected argument '${printable(extra)}' for ${command.name}.${hint} See reprotree ${command.name} --help.`);
  }
  const f = values.format;
  if (values.json && f !== undefined && f !== 'json') {
    throw new UserError(`--json and --format ${printable(f)} contradict each other; give one of them.`);
  }
  if (f !== undefined && command.formats && !command.formats.includes(f)) {
    throw new UserError(
      `'${printable(f)}' is not a format of ${command.name}; use one of ${command.formats.join(', ')}.${didYouMean(f, command.formats)}`,
    );
  }
  for (const f of [
    'criteria',
    'tree',
    'important',
    'not-important',
    'answers',
    'save-answers',
    'format',
    'max-depth',
    'random-state',
    'alternatives',
  ] as const) {
    if (values[f] === '') throw new UserError(`--${f} needs a value; see reprotree ${command.name} --help.`);
  }
  return { command, explicit, values, positionals };
}

function translate(e: Error & { code?: string }): UserError {
  const msg = e.message;
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(msg)?.[1] ?? msg;
    const bare = flag.replace(/^-+/, '').split('=')[0]!;
    // Many tools print their version with -v; this one keeps -v free and says where it is.
    if (flag === '-v' || bare === 'v') return new UserError(`Unknown option '${flag}'. For the version, use -V or --version.`);
    const names = ALL_FLAGS.map((f) => f.name);
    const suggestion = closestFlag(bare, names);
    return new UserError(`Unknown option '${printable(flag)}'.${suggestion} See reprotree --help.`);
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--?([a-zA-Z-]+)/.exec(msg)?.[1];
    const spec = ALL_FLAGS.find((f) => f.name === flag || ('short' in f && f.short === flag));
    if (spec?.type === 'string') return new UserError(`--${spec.name} needs a value (${spec.value}); see reprotree --help.`);
    if (spec) return new UserError(`--${spec.name} takes no value; remove the '=...' after it.`);
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new UserError(`Unexpected argument in the command line; see reprotree --help.`);
  }
  return new UserError(`Could not read the command line: ${printable(msg.split('\n')[0]!)}. See reprotree --help.`);
}

function closestFlag(bare: string, names: readonly string[]): string {
  const s = didYouMean(bare, names);
  return s ? s.replace(/'([^']+)'/, "'--$1'") : '';
}
