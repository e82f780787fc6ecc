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

class Bytes {
  private buf: Uint8Array;
  private length = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(capacity, 1024));
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** Text that is ASCII (JSON syntax, numbers). */
  ascii(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
  }

  /** A whole number, as JSON writes it. */
  int(n: number): void {
    if (n < 0 || n > 0x7fffffff || n !== Math.floor(n)) {
      this.ascii(num(n));
      return;
    }
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    this.room(digits);
    let at = this.length + digits;
    this.length = at;
    let x = n;
    do {
      this.buf[--at] = 48 + (x % 10);
      x = Math.floor(x / 10);
    } while (x > 0);
  }

  text(): string {
    return decoder.decode(this.buf.subarray(0, this.length));
  }
}

/** A number as JSON writes it (non-finite numbers become null). */
function num(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

const quoted = (s: string) => encoder.encode(JSON.stringify(s));

/** Writes the `nodes` array; its lines are indented by `indent` spaces. */
function writeNodes(out: Bytes, tree: Tree, indent: number): void {
  if (tree.nodeCount === 0) {
    out.ascii('[]');
    return;
  }
  const names = tree.classes.map((c) => quoted(c.name));
  const criteria = tree.features.map(quoted);
  const pad = (n: number) => ' '.repeat(n);
  const [i0, i1, i2, i3] = [pad(indent), pad(indent + 2), pad(indent + 4), pad(indent + 6)];
  const open = encoder.encode(`\n${i1}{\n${i2}"id": `);
  const samples = encoder.encode(`,\n${i2}"samples": `);
  const impurity = encoder.encode(`,\n${i2}"impurity": `);
  const counts = encoder.encode(`,\n${i2}"counts": {`);
  const countAt = encoder.encode(`\n${i3}`);
  const countSep = encoder.encode(`,\n${i3}`);
  const colon = encoder.encode(': ');
  const countsEnd = encoder.encode(`\n${i2}}`);
  const cls = encoder.encode(`,\n${i2}"class": `);
  const criterion = encoder.encode(`,\n${i2}"criterion": `);
  const threshold = encoder.encode(`,\n${i2}"threshold": `);
  const no = encoder.encode(`,\n${i2}"no": `);
  const yes = encoder.encode(`,\n${i2}"yes": `);
  const close = encoder.encode(`\n${i1}}`);
  out.ascii('[');
  for (let id = 0; id < tree.nodeCount; id++) {
    if (id > 0) out.ascii(',');
    out.bytes(open);
    out.int(id);
    out.bytes(samples);
    out.int(tree.nSamples[id]!);
    out.bytes(impurity);
    out.ascii(num(tree.impurity[id]!));
    out.bytes(counts);
    const held = tree.classesIn(id);
    for (let i = 0; i < held; i++) {
      out.bytes(i === 0 ? countAt : countSep);
      out.bytes(names[tree.classAt(id, i)]!);
      out.bytes(colon);
      out.int(tree.countAt(id, i));
    }
    if (held > 0) out.bytes(countsEnd);
    else out.ascii('}');
    out.bytes(cls);
    out.bytes(names[tree.predictedClass(id)]!);
    if (!tree.isLeaf(id)) {
      out.bytes(criterion);
      out.bytes(criteria[tree.feature[id]!]!);
      out.bytes(threshold);
      out.ascii(num(tree.threshold[id]!));
      out.bytes(no);
      out.int(tree.left[id]!);
      out.bytes(yes);
      out.int(tree.right[id]!);
    }
    out.bytes(close);
  }
  out.ascii(`\n${i0}]`);
}

/** The nodes as values (for tests and for callers that want objects), read back from the text. */
export function treeNodesJson(tree: Tree): TreeNodeJson[] {
  const out = new Bytes(tree.nodeCount * 200);
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
  const out = new Bytes(tree.nodeCount * 200);
  out.bytes(encoder.encode(`{\n  ${head.join(',\n  ')}`));
  writeNodes(out, tree, 2);
  out.ascii('\n}\n');
  return out.text();
}
