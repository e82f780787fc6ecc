/**
 * The command line: flags → command → output. The one place that prints errors and picks exit
 * codes: 0 done, 2 the user's input or usage, 130 cancelled, 1 a bug.
 */
import { commandHelp, mainHelp } from './cli/help.js';
import { resolve } from './cli/options.js';
import type { Invocation } from './cli/options.js';
import { parse } from './cli/parse.js';
import type { Parsed } from './cli/parse.js';
import { ask } from './commands/ask.js';
import { init } from './commands/init.js';
import { measure } from './commands/measure.js';
import type { IO, Timings } from './commands/io.js';
import { recommend } from './commands/recommend.js';
import { scores } from './commands/scores.js';
import { tree } from './commands/tree.js';
import { validate } from './commands/validate.js';
import { Cancelled, UserError } from './errors.js';
import { localeGlyphs } from './render/glyphs.js';
import type { Glyphs } from './render/glyphs.js';
import { colorWanted, createStyle } from './render/style.js';
import { StudyError } from './study/problems.js';

declare const __REPROTREE_VERSION__: string | undefined;
export const VERSION = typeof __REPROTREE_VERSION__ === 'string' ? __REPROTREE_VERSION__ : 'dev';

/** Output into a closed pipe (`reprotree ... | head -1`) ends the program quietly. */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      // Any other failure to write (a full disk, a closed descriptor): say so once, where possible.
      if (stream !== process.stderr) process.stderr.write(`reprotree: cannot write the output: ${e.code ?? e.message}.\n`);
      process.exit(1);
    });
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
    case 'init':
      return init(invocation.options, io);
    case 'validate':
      return validate(invocation.options, io);
    case 'measure':
      return measure(invocation.options, io);
  }
}

/** Columns to lay text out in: the terminal's, else COLUMNS, else 80. */
function outputWidth(): number {
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  const env = Number(process.env.COLUMNS);
  return Number.isInteger(env) && env >= 20 ? env : 80;
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
    `reprotree: internal error: ${message}\nThis is a bug in reprotree, not in your input. Please report it with the command you ran and this message` +
      (process.env.REPROTREE_DEBUG ? `:\n${stack}\n` : ' (run again with REPROTREE_DEBUG=1 for the stack trace).\n'),
  );
  return 1;
}

export async function main(argv: readonly string[]): Promise<number> {
  quietOnClosedPipe();
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
      err: (text) => void process.stderr.write(text),
      style: styleFor(process.stdout),
      styleFor,
      glyphs,
      width: outputWidth(),
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
