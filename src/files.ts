/**
 * Reading a user's file without trusting it: a bounded number of bytes, and errors in words.
 * Shared by the criteria loader and the measurement reader.
 */
import { closeSync, openSync, readSync } from 'node:fs';

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
