/**
 * The command line: flags → command → output. The one place that prints errors and picks exit
 * codes: 0 done, 2 the user's input or usage (or output that cannot be written), 130 cancelled,
 * 1 a bug.
 */
import { commandHelp, mainHelp } from './cli/help.js';
import { resolve } from './cli/options.js';
import type { Invocation } from './cli/options.js';
import { parse } from './cli/parse.js';
import type { Parsed } from './cli/parse.js';
import { ask } from './commands/ask.js';
import { compare } from './commands/compare.js';
import { init } from './commands/init.js';
import { measure } from './commands/measure.js';
import type { IO, Timings } from './commands/io.js';
import { recommend } from './commands/recommend.js';
import { scores } from './commands/scores.js';
import { tree } from './commands/tree.js';
import { validate } from './commands/validate.js';
import { Cancelled, printable, UserError } from './errors.js';
import { localeGlyphs } from './render/glyphs.js';
import type { Glyphs } from './render/glyphs.js';
import { colorWanted, createStyle } from './render/style.js';
import { StudyError } from './study/problems.js';

declare const __REPROTREE_VERSION__: string | undefined;
export const VERSION = typeof __REPROTREE_VERSION__ === 'string' ? __REPROTREE_VERSION__ : 'dev';

/** Why a write failed, for the codes a user can do something about. */
const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'over the disk quota',
  EFBIG: 'the file is too large',
  EIO: 'an input/output error',
  EBADF: 'the output is closed',
};

/**
 * Output into a closed pipe (`reprotree ... | head -1`) ends the program quietly. Any other
 * failure to write (a full disk, `> /dev/full`) is the user's environment, not a bug: one
 * sentence where possible and exit 2, or the code the run had already earned (a usage error whose
 * message cannot be written is still a usage error).
 */
function handleWriteErrors(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (stream !== process.stderr) {
        const why = e.code ? `${e.code}${WRITE_FAILURES[e.code] ? ` (${WRITE_FAILURES[e.code]})` : ''}` : printable(e.message);
        process.stderr.write(`reprotree: the output cannot be written: ${why}.\n`);
      }
      const earned = Number(process.exitCode ?? 0);
      process.exit(earned !== 0 ? earned : 2);
    });
  }
}

/**
 * Writes pieces one after another, waiting for the stream to drain whenever it holds more than its
 * buffer: a pipe takes what its reader has read, and the rest would otherwise pile up in memory.
 * A failed write ends the program through handleWriteErrors.
 */
async function pour(stream: NodeJS.WriteStream, pieces: Iterable<string | Uint8Array>): Promise<void> {
  for (const piece of pieces) {
    if (!stream.write(piece)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }
}

async function run(invocation: Invocation, io: IO): Promise<void> {
  switch (invocation.command) {
    case 'ask':
      return ask(invocation.options, io);
    case 'recommend':
      return recommend(invocation.options, io);
    case 'tree':
      return tree(invocation.options, io);
    case 'scores':
      return scores(invocation.options, io);
    case 'report': {
      // The report's rendering and the measurement reader are a bundle of their own: no other
      // command loads them.
      const { report } = await import('./commands/report.js');
      return report(invocation.options, io);
    }
    case 'compare':
      return compare(invocation.options, io);
    case 'init':
      return init(invocation.options, io);
    case 'validate':
      return validate(invocation.options, io);
    case 'measure':
      return measure(invocation.options, io);
  }
}

/** Narrower than this, text is laid out as if this wide: a line of a few columns says nothing. */
const MIN_WIDTH = 20;

/** Columns to lay text out in: COLUMNS when it is a number, else the terminal's, else 80. */
export function outputWidth(env: NodeJS.ProcessEnv, stdout: { isTTY?: boolean; columns?: number }): number {
  const columns = env.COLUMNS?.trim() ?? '';
  if (/^\d{1,6}$/.test(columns) && Number(columns) > 0) return Math.max(MIN_WIDTH, Number(columns));
  if (stdout.isTTY && stdout.columns) return Math.max(MIN_WIDTH, stdout.columns);
  return 80;
}

/** Prints an error the way its kind deserves and returns the exit code. */
function report(e: unknown, glyphs: Glyphs): number {
  if (e instanceof Cancelled) {
    process.stderr.write(glyphs.draw(`${e.note ?? 'Cancelled.'}\n`));
    return e.exitCode;
  }
  // A criteria file's problems start with FILE:LINE:COL, as compilers print them; no prefix.
  if (e instanceof StudyError) {
    process.stderr.write(glyphs.draw(`${e.message}\n`));
    return e.exitCode;
  }
  if (e instanceof UserError) {
    process.stderr.write(glyphs.draw(`reprotree: ${e.message}\n`));
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  const stack = e instanceof Error ? e.stack : message;
  process.stderr.write(
    `reprotree: internal error: ${printable(message)}\nThis is a bug in reprotree, not in your input. Please report it with the command you ran and this message` +
      (process.env.REPROTREE_DEBUG ? `:\n${stack}\n` : ' (run again with REPROTREE_DEBUG=1 for the stack trace).\n'),
  );
  return 1;
}

export async function main(argv: readonly string[]): Promise<number> {
  handleWriteErrors();
  const timings: Timings = {};
  // Chosen once for the run: what the terminal's locale can show.
  const glyphs = localeGlyphs();
  let parsed: Parsed | undefined;
  let code = 0;
  try {
    parsed = parse(argv);
    const p = parsed;
    const styleFor = (stream: { readonly isTTY?: boolean }) => createStyle(colorWanted(stream, p.values['no-color'] === true));
    const io: IO = {
      out: (text) => void process.stdout.write(text),
      outPieces: (pieces) => pour(process.stdout, pieces),
      err: (text) => void process.stderr.write(text),
      style: styleFor(process.stdout),
      styleFor,
      glyphs,
      width: outputWidth(process.env, process.stdout),
      timings,
    };
    if (p.values.version) io.out(`${VERSION}\n`);
    else if (p.values.help) io.out(glyphs.draw(p.explicit ? commandHelp(p.command) : mainHelp(VERSION)));
    else await run(resolve(p), io);
  } catch (e) {
    code = report(e, glyphs);
  }
  if (parsed?.values.timings) {
    const ms = (v: number | undefined) => Math.round((v ?? 0) * 1000) / 1000;
    process.stderr.write(
      JSON.stringify({ timings_ms: { load: ms(timings.load), label: ms(timings.label), fit: ms(timings.fit), render: ms(timings.render) } }) + '\n',
    );
  }
  process.exitCode = code;
  return code;
}
