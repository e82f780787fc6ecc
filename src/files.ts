/**
 * A user's files, read without trusting them and written without surprising anyone: a bounded
 * number of bytes in, never an existing file replaced unasked, and errors in words. Shared by the
 * criteria loader, the measurement reader and the commands that write (init, saved answers).
 */
import { accessSync, closeSync, constants, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { printable, UserError } from './errors.js';

/**
 * At most `max` + 1 bytes of the file, so that a caller can tell "over the limit" from "exactly
 * at it". The size from stat is not enough: devices and pipes (`/dev/zero`, `<(...)`) report 0
 * and could stream forever.
 */
export function readBounded(file: string, max: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(max + 1);
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

/** Why a file operation failed, in a few words ("no such file", "permission denied"). */
export function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return code ?? String((e as Error).message ?? e);
}

/** UTF-8 text, or undefined when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Writes `text` to `file`. Without `replace`, an existing file is left as it is and `ifExists`
 * (what to do instead) is the message: the check and the creation are one system call, so no
 * file that appears in between is overwritten either.
 */
export function writeUserFile(file: string, text: string, options: { readonly replace: boolean; readonly ifExists?: string }): void {
  const shown = printable(file);
  try {
    writeFileSync(file, text, { flag: options.replace ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EISDIR' || (code === 'EEXIST' && isFolder(file))) throw new UserError(`${shown} is a folder; name a file in it instead.`);
    if (code === 'EEXIST') throw new UserError(`${shown} already exists; ${options.ifExists ?? 'name another file'}.`);
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new UserError(`Cannot write ${shown}: its folder does not exist; create it first or name another file.`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new UserError(`Cannot write ${shown}: permission denied; name a file in a folder you can write to.`);
    }
    throw new UserError(`Cannot write ${shown}: ${code ?? String(e)}.`);
  }
}

/**
 * Refuses, before any work is done, a file that could not be written later: in a folder that does
 * not exist or cannot be written to, or itself a folder. The write itself still reports the rest.
 */
export function checkWritable(file: string, flag: string): void {
  const folder = dirname(file);
  const shown = printable(file);
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UserError(`${flag} ${shown}: cannot write in ${printable(folder)}; name a file in a folder that exists and that you can write to.`);
  }
  if (isFolder(file)) throw new UserError(`${flag} ${shown}: that is a folder; name a file.`);
}

/** Whether `path` is an existing folder. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
