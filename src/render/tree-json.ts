/**
 * A fitted tree as JSON, node for node, in the shape of the reference fixtures: per node its
 * samples, Gini impurity, non-zero class counts (in class order) and predicted class, and for a
 * question its criterion, threshold and children ("no" = does not matter, "yes" = matters).
 *
 * A tree of 20 criteria can have hundreds of thousands of nodes (tens of megabytes of JSON), so
 * the text is written byte by byte into one growing buffer — what `JSON.stringify(value, null, 2)`
 * would print, without an object or a string per node: each name is encoded once, integers are
 * written digit by digit, and only the impurity goes through a number-to-text conversion.
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

  text(): string {
    return decoder.decode(this.buf.subarray(0, this.at));
  }
}

/** A number as JSON writes it (non-finite numbers become null). */
function num(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

/** Copies `piece` into `buf` at `at`; returns the index after it. */
function put(buf: Uint8Array, at: number, piece: Uint8Array): number {
  const n = piece.length;
  // Short pieces by hand; from a few dozen bytes a native copy wins over its call.
  if (n > 24) buf.set(piece, at);
  else for (let i = 0; i < n; i++) buf[at + i] = piece[i]!;
  return at + n;
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

/** Writes the `nodes` array; its lines are indented by `indent` spaces. */
function writeNodes(out: Bytes, tree: Tree, indent: number): void {
  if (tree.nodeCount === 0) {
    out.write('[]');
    return;
  }
  const quoted = (s: string) => encoder.encode(JSON.stringify(s));
  const names = tree.classes.map((c) => quoted(c.name));
  const criteria = tree.features.map(quoted);
  let longest = 0;
  for (const name of [...names, ...criteria]) longest = Math.max(longest, name.length);
  // Impurities repeat (a node's is fixed by its counts): each distinct one is converted once.
  const impurities = new Map<number, Uint8Array>();
  const pad = (n: number) => ' '.repeat(n);
  const [i0, i1, i2, i3] = [pad(indent), pad(indent + 2), pad(indent + 4), pad(indent + 6)];
  const piece = (s: string) => encoder.encode(s);
  const open = piece(`\n${i1}{\n${i2}"id": `);
  const samples = piece(`,\n${i2}"samples": `);
  const impurity = piece(`,\n${i2}"impurity": `);
  const counts = piece(`,\n${i2}"counts": {`);
  // A class's line in `counts` up to its number, one piece per class.
  const countKeys = tree.classes.map((c) => piece(`\n${i3}${JSON.stringify(c.name)}: `));
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
    if (impurityText === undefined) impurities.set(value, (impurityText = piece(num(value))));
    // Every piece of a node is at most 40 bytes, plus its names: room for all of them at once.
    const buf = out.room(12 * 40 + (held + 2) * (longest + 40));
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
      if (i > 0) buf[at++] = comma;
      at = put(buf, at, countKeys[tree.classAt(id, i)]!);
      at = putInt(buf, at, tree.countAt(id, i));
    }
    if (held > 0) at = put(buf, at, countsEnd);
    else buf[at++] = 125;
    at = put(buf, at, cls);
    at = put(buf, at, names[tree.predictedClass(id)]!);
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
  }
  out.write(`\n${i0}]`);
}

/** The nodes as values (for tests and for callers that want objects), read back from the text. */
export function treeNodesJson(tree: Tree): TreeNodeJson[] {
  const out = new Bytes(tree.nodeCount * 240);
  writeNodes(out, tree, 0);
  return JSON.parse(out.text()) as TreeNodeJson[];
}

/** A list of strings as JSON.stringify lays it out two spaces in. */
function list(items: readonly string[]): string {
  if (items.length === 0) return '[]';
  return `[\n    ${items.map((s) => JSON.stringify(s)).join(',\n    ')}\n  ]`;
}

/** `reprotree tree --format json`: the whole document, ending in a newline. */
export function treeJsonText(fitted: FittedTree): string {
  const { tree, spec } = fitted;
  const head = [
    `"tree": ${JSON.stringify(spec.name)}`,
    `"criteria": ${list(tree.features)}`,
    `"frameworks": ${list(tree.frameworks)}`,
    `"max_depth": ${Number.isFinite(fitted.maxDepth) ? fitted.maxDepth : 'null'}`,
    `"random_state": ${fitted.randomState}`,
    `"classes": ${list(tree.classes.map((c) => c.name))}`,
    `"depth": ${tree.maxDepth()}`,
    `"leaves": ${tree.leafCount()}`,
    `"training_accuracy": ${num(tree.accuracy())}`,
    `"nodes": `,
  ];
  const out = new Bytes(tree.nodeCount * 240);
  out.write(`{\n  ${head.join(',\n  ')}`);
  writeNodes(out, tree, 2);
  out.write('\n}\n');
  return out.text();
}
