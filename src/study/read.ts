/**
 * Reading a criteria or answers file safely, from its path or from standard input: size, type,
 * encoding. Kept apart from the YAML parser so that the common case (the bundled file,
 * unchanged) never loads the parser at all.
 */
import { statSync } from 'node:fs';
import { printable, UserError } from '../errors.js';
import { decodeUtf8, readBounded, reason } from '../files.js';

/** Files larger than this are refused before parsing: criteria files are a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** `-` on the command line: read standard input instead of a file. */
export const STDIN = '-';
/** How messages name standard input, as compilers do. */
export const STDIN_NAME = '<stdin>';

/**
 * The name a file goes by in messages: its path, with any control characters escaped (a name can
 * hold an escape sequence), or <stdin> for `-`.
 */
export function displayName(file: string): string {
  return file === STDIN ? STDIN_NAME : printable(file);
}

/**
 * The text of a criteria file (or, with `what`, another kind of input file), refused when it is
 * not a plain file, too large, binary or not UTF-8. Each refusal is a UserError saying so.
 */
export function readStudyFile(file: string, what = 'criteria file'): string {
  const shown = displayName(file);
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserError(`${shown} is a directory, not a ${what}; pass the path of a .yaml file.`);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`Cannot read ${shown}: ${reason(e)}. Check the path and try again.`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new UserError(`${shown} is ${size} bytes, over the 1 MiB limit for a ${what}; is it the right file?`);
  }
  let bytes: Buffer;
  try {
    bytes = readBounded(file, MAX_FILE_BYTES);
  } catch (e) {
    throw new UserError(`Cannot read ${shown}: ${reason(e)}. Check the path and its permissions.`);
  }
  return decode(bytes, shown, what);
}

/** Standard input as text, with the same limits as a file; reading stops past the limit. */
export async function readStandardInput(what = 'criteria file'): Promise<string> {
  const chunks: Buffer[] = [];
  let filled = 0;
  for await (const chunk of process.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(b);
    filled += b.length;
    if (filled > MAX_FILE_BYTES) break;
  }
  return decode(Buffer.concat(chunks), STDIN_NAME, what);
}

/** Reads `file`, or standard input for `-`. */
export async function readInput(file: string, what = 'criteria file'): Promise<string> {
  return file === STDIN ? readStandardInput(what) : readStudyFile(file, what);
}

function decode(bytes: Buffer, name: string, what: string): string {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UserError(`${name} is over the 1 MiB limit for a ${what}; is it the right file?`);
  }
  if (bytes.includes(0)) throw new UserError(`${name} looks like a binary file, not YAML text; pass a ${what} in YAML.`);
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new UserError(`${name} is not valid UTF-8 text; save it as UTF-8 and try again.`);
  return text;
}
