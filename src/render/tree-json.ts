/**
 * A fitted tree as JSON, node for node, in the shape of the reference fixtures: per node its
 * samples, Gini impurity, non-zero class counts (in class order) and predicted class, and for a
 * question its criterion, threshold and children ("no" = does not matter, "yes" = matters).
 *
 * A tree of 20 criteria can have hundreds of thousands of nodes (tens of megabytes of JSON, over
 * a gigabyte when every profile has a class of its own), so the text is written byte by byte into
 * a buffer and handed on a megabyte at a time — what `JSON.stringify(value, null, 2)` would print,
 * without an object or a string per node: names and fixed pieces are encoded once, integers are
 * written digit by digit, and each distinct impurity is converted to text once.
 */
import type { FittedTree } from '../advice/model.js';
import type { Tree } from '../cart/tree.js';

export interface TreeNodeJson {
  id: number;
  samples: number;
  impurity: number;
  counts: Record<string, number>;
  class: string;
  criterion?: string;
  threshold?: number;
  no?: number;
  yes?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A growing buffer of UTF-8 bytes that the node loop writes into directly. */
class Bytes {
  buf: Uint8Array;
  at = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(capacity, 1024));
  }

  /** Makes room for `n` more bytes. */
  room(n: number): Uint8Array {
    if (this.at + n > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
      grown.set(this.buf.subarray(0, this.at));
      this.buf = grown;
    }
    return this.buf;
  }

  write(s: string): void {
    const bytes = encoder.encode(s);
    this.room(bytes.length).set(bytes, this.at);
    this.at += bytes.length;
  }

  /** The bytes so far (a copy), emptying the buffer. */
  take(): Uint8Array {
    const bytes = this.buf.slice(0, this.at);
    this.at = 0;
    return bytes;
  }
}

/** A number as JSON writes it (non-finite numbers become null). */
function num(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

/** Copies `piece` into `buf` at `at`; returns the index after it. */
function put(buf: Uint8Array, at: number, piece: Uint8Array): number {
  return putRange(buf, at, piece, 0, piece.length);
}

/** Copies from[start, end) into `buf` at `at`; returns the index after it. */
function putRange(buf: Uint8Array, at: number, from: Uint8Array, start: number, end: number): number {
  const n = end - start;
  // Short pieces by hand; from a few dozen bytes a native copy wins over its call.
  if (n > 24) buf.set(from.subarray(start, end), at);
  else for (let i = 0; i < n; i++) buf[at + i] = from[start + i]!;
  return at + n;
}

/**
 * Every class name, quoted, in one array (a table can have a million classes: one array, not a
 * million): name c is bytes[at[c], at[c + 1]).
 */
function quotedNames(tree: Tree): { bytes: Uint8Array; at: Int32Array; longest: number } {
  const at = new Int32Array(tree.nClasses + 1);
  const parts: Uint8Array[] = [];
  let size = 0;
  let longest = 0;
  const batch: string[] = [];
  const flush = () => {
    const bytes = encoder.encode(batch.join(''));
    parts.push(bytes);
    size += bytes.length;
    batch.length = 0;
  };
  for (let c = 0; c < tree.nClasses; c++) {
    const quoted = JSON.stringify(tree.classes[c]!.name);
    // Ids and '+' are ASCII: one byte per character.
    at[c + 1] = at[c]! + quoted.length;
    longest = Math.max(longest, quoted.length);
    batch.push(quoted);
    if (batch.length === 4096) flush();
  }
  flush();
  const bytes = new Uint8Array(size);
  let from = 0;
  for (const part of parts) {
    bytes.set(part, from);
    from += part.length;
  }
  return { bytes, at, longest };
}

/** Writes a whole number 0 <= n < 2^31 at `at`, as JSON does; returns the index after it. */
function putInt(buf: Uint8Array, at: number, n: number): number {
  let digits = 1;
  for (let x = n; x >= 10; x = (x / 10) | 0) digits++;
  let i = at + digits;
  let x = n;
  do {
    buf[--i] = 48 + (x % 10);
    x = (x / 10) | 0;
  } while (x > 0);
  return at + digits;
}

/** Text is handed on in pieces of about this many bytes: a tree's JSON can pass a gigabyte. */
const PIECE_BYTES = 1 << 20;

/** A node's class counts are written this many at a time, so the buffer never holds a whole root's. */
const COUNTS_BATCH = 4096;

/**
 * Writes the `nodes` array, its lines indented by `indent` spaces, handing over the text so far
 * each time the buffer passes PIECE_BYTES.
 */
function* writeNodes(out: Bytes, tree: Tree, indent: number): Generator<Uint8Array> {
  if (tree.nodeCount === 0) {
    out.write('[]');
    return;
  }
  const names = quotedNames(tree);
  const criteria = tree.features.map((f) => encoder.encode(JSON.stringify(f)));
  let longest = names.longest;
  for (const name of criteria) longest = Math.max(longest, name.length);
  // Impurities repeat (a node's is fixed by its counts): each distinct one is converted once.
  const impurities = new Map<number, Uint8Array>();
  const pad = (n: number) => ' '.repeat(n);
  const [i0, i1, i2, i3] = [pad(indent), pad(indent + 2), pad(indent + 4), pad(indent + 6)];
  const piece = (s: string) => encoder.encode(s);
  const open = piece(`\n${i1}{\n${i2}"id": `);
  const samples = piece(`,\n${i2}"samples": `);
  const impurity = piece(`,\n${i2}"impurity": `);
  const counts = piece(`,\n${i2}"counts": {`);
  const countKey = piece(`\n${i3}`);
  const colon = piece(': ');
  const countsEnd = piece(`\n${i2}}`);
  const cls = piece(`,\n${i2}"class": `);
  const criterion = piece(`,\n${i2}"criterion": `);
  const threshold = piece(`,\n${i2}"threshold": `);
  const no = piece(`,\n${i2}"no": `);
  const yes = piece(`,\n${i2}"yes": `);
  const close = piece(`\n${i1}}`);
  const half = piece('0.5');
  const comma = 44;
  out.write('[');
  for (let id = 0; id < tree.nodeCount; id++) {
    const held = tree.classesIn(id);
    const value = tree.impurity[id]!;
    let impurityText = impurities.get(value);
    if (impurityText === undefined) {
      impurityText = piece(num(value));
      impurities.set(value, impurityText);
    }
    // Every piece of a node is at most 40 bytes, plus its names: room for all of them at once, or
    // for the first batch of counts of a node that holds many classes (the root can hold a million).
    let buf = out.room(12 * 40 + (Math.min(held, COUNTS_BATCH) + 2) * (longest + 40));
    let at = out.at;
    if (id > 0) buf[at++] = comma;
    at = put(buf, at, open);
    at = putInt(buf, at, id);
    at = put(buf, at, samples);
    at = putInt(buf, at, tree.nSamples[id]!);
    at = put(buf, at, impurity);
    at = put(buf, at, impurityText);
    at = put(buf, at, counts);
    for (let i = 0; i < held; i++) {
      if (i > 0 && i % COUNTS_BATCH === 0) {
        out.at = at;
        if (at > PIECE_BYTES) yield out.take();
        buf = out.room((Math.min(held - i, COUNTS_BATCH) + 2) * (longest + 40));
        at = out.at;
      }
      if (i > 0) buf[at++] = comma;
      at = put(buf, at, countKey);
      const c = tree.classAt(id, i);
      at = putRange(buf, at, names.bytes, names.at[c]!, names.at[c + 1]!);
      at = put(buf, at, colon);
      at = putInt(buf, at, tree.countAt(id, i));
    }
    if (held > 0) at = put(buf, at, countsEnd);
    else buf[at++] = 125;
    at = put(buf, at, cls);
    const predicted = tree.predictedClass(id);
    at = putRange(buf, at, names.bytes, names.at[predicted]!, names.at[predicted + 1]!);
    if (!tree.isLeaf(id)) {
      at = put(buf, at, criterion);
      at = put(buf, at, criteria[tree.feature[id]!]!);
      at = put(buf, at, threshold);
      // A 0/1 feature's threshold is 0.5, one value: converted once.
      at = put(buf, at, tree.threshold[id] === 0.5 ? half : piece(num(tree.threshold[id]!)));
      at = put(buf, at, no);
      at = putInt(buf, at, tree.left[id]!);
      at = put(buf, at, yes);
      at = putInt(buf, at, tree.right[id]!);
    }
    at = put(buf, at, close);
    out.at = at;
    if (at > PIECE_BYTES) yield out.take();
  }
  out.write(`\n${i0}]`);
}

/** The nodes as values (for tests and for callers that want objects), read back from the text. */
export function treeNodesJson(tree: Tree): TreeNodeJson[] {
  const out = new Bytes(PIECE_BYTES);
  const text = [...writeNodes(out, tree, 0), out.take()].map((bytes) => decoder.decode(bytes)).join('');
  return JSON.parse(text) as TreeNodeJson[];
}

/** A list of strings as JSON.stringify lays it out two spaces in. */
function list(items: readonly string[]): string {
  if (items.length === 0) return '[]';
  return `[\n    ${items.map((s) => JSON.stringify(s)).join(',\n    ')}\n  ]`;
}

/**
 * `reprotree tree --format json`: the whole document as UTF-8, ending in a newline, in pieces of
 * about a megabyte to be written one after the other (one string could not hold the largest
 * trees', and bytes spare a decoding and an encoding of tens of megabytes).
 */
export function* treeJsonPieces(fitted: FittedTree): Generator<Uint8Array> {
  const { tree, spec } = fitted;
  const head = [
    `"tree": ${JSON.stringify(spec.name)}`,
    `"criteria": ${list(tree.features)}`,
    `"frameworks": ${list(tree.frameworks)}`,
    `"max_depth": ${Number.isFinite(fitted.maxDepth) ? fitted.maxDepth : 'null'}`,
    `"random_state": ${fitted.randomState}`,
    `"classes": `,
  ];
  const tail = [`"depth": ${tree.maxDepth()}`, `"leaves": ${tree.leafCount()}`, `"training_accuracy": ${num(tree.accuracy())}`, `"nodes": `];
  const out = new Bytes(Math.min(tree.nodeCount * 240, 2 * PIECE_BYTES));
  out.write(`{\n  ${head.join(',\n  ')}`);
  // A million class names make tens of megabytes: written as the nodes are, a piece at a time.
  if (tree.nClasses === 0) out.write('[]');
  for (let c = 0; c < tree.nClasses; c++) {
    out.write(`${c === 0 ? '[\n    ' : ',\n    '}${JSON.stringify(tree.classes[c]!.name)}`);
    if (out.at > PIECE_BYTES) yield out.take();
  }
  if (tree.nClasses > 0) out.write('\n  ]');
  out.write(`,\n  ${tail.join(',\n  ')}`);
  yield* writeNodes(out, tree, 2);
  out.write('\n}\n');
  yield out.take();
}
