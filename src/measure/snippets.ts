/**
 * The workaround snippets that marked records name (`snippets`: item → path), read from
 * reprotree's own `measure/` folder so that a report can show the code behind every "(+)". Only
 * paths inside `measure/` are read, and each at most MAX_SNIPPET_BYTES: a measurement file from
 * elsewhere cannot make the report embed an arbitrary file.
 */
import { join } from 'node:path';
import { decodeUtf8, readBounded, reason } from '../files.js';
import type { MeasurementSet } from './format.js';

export const MAX_SNIPPET_BYTES = 64 * 1024;

/** A snippet's text, or why it is not shown. */
export type Snippet = { readonly text: string; readonly missing?: undefined } | { readonly text?: undefined; readonly missing: string };

/** A relative path under measure/, without `..`, of printable ASCII: the only paths followed. */
const SAFE = /^measure\/(?:[A-Za-z0-9_][A-Za-z0-9_.-]*\/)*[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** Every snippet path the set's records name, with its text read from under `root`. */
export function readSnippets(set: MeasurementSet, root: string): Map<string, Snippet> {
  const out = new Map<string, Snippet>();
  for (const r of set.records) {
    if (!('snippets' in r)) continue;
    for (const path of r.snippets.values()) {
      if (!out.has(path)) out.set(path, readOne(root, path));
    }
  }
  return out;
}

function readOne(root: string, path: string): Snippet {
  if (!SAFE.test(path) || path.split('/').includes('..'))
    return { missing: 'Not shown: reprotree shows only snippet files inside its own measure/ folder.' };
  let bytes: Buffer;
  try {
    bytes = readBounded(join(root, path), MAX_SNIPPET_BYTES);
  } catch (e) {
    return { missing: `Not shown: ${reason(e)} at ${path} in this copy of reprotree (the snippets are in its source repository).` };
  }
  if (bytes.length > MAX_SNIPPET_BYTES) return { missing: `Not shown: the file is over ${MAX_SNIPPET_BYTES / 1024} KiB.` };
  const text = decodeUtf8(bytes);
  return text === undefined ? { missing: 'Not shown: the file is not UTF-8 text.' } : { text };
}
