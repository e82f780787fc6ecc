/**
 * Reading a criteria file safely: size, type, encoding. Kept apart from the YAML parser so that
 * the common case (the bundled file, unchanged) never loads the parser at all.
 */
import { statSync } from 'node:fs';
import { printable, UserError } from '../errors.js';
import { decodeUtf8, readBounded, reason } from '../files.js';

/** Files larger than this are refused before parsing: criteria files are a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

export function readStudyFile(file: string): string {
  // The path as messages show it (a name can hold an escape sequence).
  const shown = printable(file);
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserError(`${shown} is a directory, not a criteria file; pass the path of a .yaml file.`);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`Cannot read ${shown}: ${reason(e)}. Check the path and try again.`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new UserError(`${shown} is ${size} bytes, over the 1 MiB limit for a criteria file; is it the right file?`);
  }
  let bytes: Buffer;
  try {
    bytes = readBounded(file, MAX_FILE_BYTES);
  } catch (e) {
    throw new UserError(`Cannot read ${shown}: ${reason(e)}. Check the path and its permissions.`);
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UserError(`${shown} is over the 1 MiB limit for a criteria file; is it the right file?`);
  }
  if (bytes.includes(0)) throw new UserError(`${shown} looks like a binary file, not YAML text; pass a criteria .yaml file.`);
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new UserError(`${shown} is not valid UTF-8 text; save it as UTF-8 and try again.`);
  return text;
}
