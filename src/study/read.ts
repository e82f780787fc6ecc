/**
 * Reading a criteria file safely: size, type, encoding. Kept apart from the YAML parser so that
 * the common case (the bundled file, unchanged) never loads the parser at all.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { printable, UserError } from '../errors.js';

/** Files larger than this are refused before parsing: criteria files are a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * At most MAX_FILE_BYTES + 1 bytes of the file. The size from stat is not enough: devices and
 * pipes (`/dev/zero`, `<(...)`) report 0 and could stream forever.
 */
function readBounded(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let filled = 0;
    for (;;) {
      const n = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (n === 0) break;
      filled += n;
      if (filled === buffer.length) break;
    }
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

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
    bytes = readBounded(file);
  } catch (e) {
    throw new UserError(`Cannot read ${shown}: ${reason(e)}. Check the path and its permissions.`);
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UserError(`${shown} is over the 1 MiB limit for a criteria file; is it the right file?`);
  }
  if (bytes.includes(0)) throw new UserError(`${shown} looks like a binary file, not YAML text; pass a criteria .yaml file.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${shown} is not valid UTF-8 text; save it as UTF-8 and try again.`);
  }
}

function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return code ?? String((e as Error).message ?? e);
}
