/**
 * criteria YAML → Study. Reads the YAML syntax tree rather than plain JS values so that every
 * problem can be reported at its line and column, and reports all problems at once, so a user
 * fixes a file in one round rather than one error per run.
 *
 * Only the expected structure is ever walked, keys are collected into Maps and arrays (never
 * used as object keys), and aliases are counted: `__proto__` keys and alias bombs are just data.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { MAX_CRITERIA, MAX_FRAMEWORKS } from '../cart/profiles.js';
import { MAX_SEED } from '../cart/rng.js';
import { didYouMean, UserError } from '../errors.js';
import type { Criterion, Framework, Study, TreeSpec } from './types.js';

/** More alias uses than this in one file is not a criteria file but an attack. */
const MAX_ALIASES = 100;
const ID = /^[a-z0-9][a-z0-9-]*$/;
/** C0 and C1 control characters other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const MAX_ID_LENGTH = 40;

export interface Problem {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** A criteria file that cannot be used; the message lists every problem as FILE:LINE:COL: text. */
export class StudyError extends UserError {
  constructor(
    readonly file: string,
    readonly problems: readonly Problem[],
  ) {
    super(formatProblems(file, problems));
    this.name = 'StudyError';
  }
}

/** Most problems listed; past this the rest are counted, so a hostile file cannot flood stderr. */
const MAX_LISTED = 20;

function formatProblems(file: string, problems: readonly Problem[]): string {
  const ordered = [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
  const lines = [...new Set(ordered.map((p) => `${file}:${p.line}:${p.col}: ${p.message}`))];
  if (lines.length <= MAX_LISTED) return lines.join('\n');
  return [...lines.slice(0, MAX_LISTED), `${file}: and ${lines.length - MAX_LISTED} more problems; fix these first.`].join('\n');
}

/** yaml's messages for the mistakes people make by hand, in words that say what to do. */
function syntaxMessage(code: string, message: string): string {
  switch (code) {
    case 'MULTIPLE_DOCS':
      return "the file holds more than one YAML document (a '---' line starts another); keep just one.";
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML needs spaces.';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return "this line does not fit the lines above it: check its indentation, and that its key is followed by ': '.";
    case 'BAD_INDENT':
      return 'the indentation here does not line up with the lines around it, or a bracket is left open.';
    default:
      if (/keys need to be followed by map values/.test(message)) return "this line has no ': ' after its key, or is indented differently from the lines above it.";
      if (/without - indicator/.test(message)) return "a list item here lacks its '- ', or is indented differently from the item before it.";
      if (/call stack/i.test(message)) return 'the YAML is nested too deeply to read; a criteria file is a few levels deep.';
      return `YAML syntax error: ${message.split('\n')[0]!.replace(/\.$/, '')}.`;
  }
}

/** The validation walk: collects problems with positions while building the Study. */
class Reader {
  readonly problems: Problem[] = [];
  private aliases = 0;

  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  problem(at: Node | Pair | null | undefined, message: string): void {
    const node = (at && 'key' in at && !('range' in at) ? (at.key as Node | null) : (at as Node | null)) ?? null;
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = this.lines.linePos(offset);
    this.problems.push({ line, col, message });
  }

  /** Follows an alias (counting it) so that `*anchor` reads like the anchored node. */
  resolve(node: unknown): Node | null {
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIASES) {
        if (this.aliases === MAX_ALIASES + 1) this.problem(node, `more than ${MAX_ALIASES} aliases; expand them or simplify the file.`);
        return null;
      }
      const target = node.resolve(this.doc);
      return (target as Node | undefined) ?? null;
    }
    return (node as Node | null) ?? null;
  }

  /** A mapping's entries by key; reports non-string and unknown keys. */
  map(node: Node | null, what: string, known?: readonly string[]): Map<string, { key: Node; value: Node | null }> | null {
    const n = this.resolve(node);
    if (!isMap(n)) {
      this.problem(n ?? node, `${what} must be a mapping (key: value lines)${describe(n)}.`);
      return null;
    }
    const out = new Map<string, { key: Node; value: Node | null }>();
    for (const pair of n.items) {
      const key = this.resolve(pair.key);
      if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
        this.problem(key ?? n, `${what} has a key that is not a plain name.`);
        continue;
      }
      const name = String(key.value);
      if (known && !known.includes(name)) {
        this.problem(key, `unknown key '${name}' in ${what}.${didYouMean(name, known)}`);
        continue;
      }
      const earlier = out.get(name);
      if (earlier) {
        const { line } = this.lines.linePos(earlier.key.range?.[0] ?? 0);
        this.problem(key, `'${name}' appears twice in ${what} (first on line ${line}); keep one.`);
        continue;
      }
      out.set(name, { key, value: (pair.value as Node | null) ?? null });
    }
    return out;
  }

  list(node: Node | null, what: string): Node[] | null {
    const n = this.resolve(node);
    if (!isSeq(n)) {
      this.problem(n ?? node, `${what} must be a list (lines starting with '- ')${describe(n)}.`);
      return null;
    }
    return n.items.map((i) => (i as Node | null) ?? n);
  }

  string(node: Node | null, what: string): string | undefined {
    const n = this.resolve(node);
    if (!isScalar(n) || typeof n.value !== 'string') {
      this.problem(n ?? node, `${what} must be text${describe(n)}.`);
      return undefined;
    }
    // Text goes to terminals: an escape sequence in a name could recolour or move the cursor.
    if (CONTROL.test(n.value)) {
      this.problem(n, `${what} contains a control character; use plain text.`);
      return undefined;
    }
    // Every text is shown as running text, so line breaks (from `|` or `>` blocks) become spaces.
    return n.value.replace(/\s+/g, ' ').trim();
  }

  /** A present-but-null optional value (`question:` with nothing after it) reads as absent. */
  optionalString(node: Node | null | undefined, what: string): string | undefined {
    const n = this.resolve(node);
    if (n === null || (isScalar(n) && n.value === null)) return undefined;
    const s = this.string(n, what);
    return s?.trim() === '' ? undefined : s;
  }

  id(node: Node | null, what: string): string | undefined {
    const n = this.resolve(node);
    const value = isScalar(n) ? n.value : undefined;
    if (typeof value !== 'string') {
      this.problem(n ?? node, `${what} must be an id made of lowercase letters, digits and '-'${describe(n)}.`);
      return undefined;
    }
    if (!ID.test(value) || value.length > MAX_ID_LENGTH) {
      this.problem(
        n,
        `${what} '${value}' is not a valid id: use lowercase letters, digits and '-' (not first), at most ${MAX_ID_LENGTH} characters.`,
      );
      return undefined;
    }
    return value;
  }

  /** The `id` of a framework or criterion, reported when missing, malformed or already taken. */
  itemId(entries: Map<string, { key: Node; value: Node | null }>, item: Node, kind: string, taken: readonly { id: string }[]): string | undefined {
    const entry = entries.get('id');
    if (!entry) {
      this.problem(item, `this ${kind} has no \`id\`.`);
      return undefined;
    }
    const id = this.id(entry.value, `${kind} id`);
    if (id !== undefined && taken.some((t) => t.id === id)) {
      this.problem(entry.value, `${kind} id '${id}' is used twice; ids must be unique.`);
      return undefined;
    }
    return id;
  }

  number(node: Node | null, what: string): number | undefined {
    const n = this.resolve(node);
    if (!isScalar(n) || typeof n.value !== 'number') {
      this.problem(n ?? node, `${what} must be a number${describe(n)}.`);
      return undefined;
    }
    return n.value;
  }

  integer(node: Node | null, what: string, min: number, max: number): number | undefined {
    const v = this.number(node, what);
    if (v === undefined) return undefined;
    if (!Number.isInteger(v) || v < min || v > max) {
      this.problem(this.resolve(node), `${what} must be a whole number from ${min} to ${max}, not ${v}.`);
      return undefined;
    }
    return v;
  }
}

/** A key with nothing after it (`trees:`) or no key at all. */
function absent(r: Reader, node: Node | null | undefined): boolean {
  const n = r.resolve(node);
  return n === null || (isScalar(n) && n.value === null);
}

/** " (found: a list)" — what the user wrote instead, for type errors. */
function describe(n: Node | null): string {
  if (n === null) return ', but it is empty';
  if (isMap(n)) return ', not a mapping';
  if (isSeq(n)) return ', not a list';
  if (isScalar(n)) {
    const v = n.value;
    if (v === null) return ', but it is empty';
    if (typeof v === 'string') return `, not the text '${v.length > 30 ? v.slice(0, 30) + '…' : v}'`;
    return `, not ${String(v)}`;
  }
  return '';
}

const TOP_KEYS = ['title', 'source', 'frameworks', 'criteria', 'trees', 'default_tree', 'random_state'] as const;
const FRAMEWORK_KEYS = ['id', 'name', 'full_name', 'url', 'summary'] as const;
const CRITERION_KEYS = ['id', 'name', 'question', 'help', 'scores', 'evidence'] as const;
const TREE_KEYS = ['criteria', 'max_depth', 'description'] as const;

/** Deeper nesting than this is refused before parsing; a criteria file needs about 3 levels. */
const MAX_FLOW_DEPTH = 100;
/** Indentation wider than this means nesting no criteria file needs (block-style depth). */
const MAX_INDENT = 200;

/**
 * The offset of the first `[` or `{` nested deeper than MAX_FLOW_DEPTH, or of a line indented
 * more than MAX_INDENT, or -1. The YAML parser would get there too, but only after seconds of work
 * on a megabyte of nesting; this scan is linear and cheap. Quoted strings and comments are
 * skipped, so brackets in text do not count.
 */
function tooDeep(text: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n' && !quote) {
      let j = i + 1;
      while (text[j] === ' ') j++;
      if (j - i - 1 > MAX_INDENT) return j;
    }
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (ch === '[' || ch === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return -1;
}

/** Parses and validates criteria YAML text. `file` names it in messages. */
export function parseStudy(text: string, file: string): Study {
  const lines = new LineCounter();
  const deep = tooDeep(text);
  if (deep >= 0) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < deep; i++) {
      if (text[i] === '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    throw new StudyError(file, [{ line, col: deep - lineStart + 1, message: 'the YAML is nested too deeply to read; a criteria file is a few levels deep.' }]);
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false });
  } catch {
    // The parser recurses on nesting; a pathological document can exhaust the stack.
    throw new StudyError(file, [{ line: 1, col: 1, message: 'the YAML is nested too deeply to read; a criteria file is a few levels deep.' }]);
  }
  // Only the first syntax error: after one slip the parser's later complaints are mostly echoes.
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw new StudyError(file, [{ line, col, message: syntaxMessage(syntax.code, syntax.message) }]);
  }
  const r = new Reader(doc, lines);
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    throw new StudyError(file, [{ line: 1, col: 1, message: 'the file is empty; it needs at least `frameworks:` and `criteria:` (see the bundled criteria.yaml).' }]);
  }
  const top = r.map(root, 'the file', TOP_KEYS);
  if (!top) throw new StudyError(file, r.problems);

  const title = r.optionalString(top.get('title')?.value, 'title');
  const source = r.optionalString(top.get('source')?.value, 'source');

  // Frameworks.
  const frameworks: Framework[] = [];
  const fwEntry = top.get('frameworks');
  if (!fwEntry) r.problem(root, 'the file has no `frameworks:` list; add one with an `id` and `name` per framework.');
  const fwNodes = fwEntry ? r.list(fwEntry.value, 'frameworks') : null;
  for (const node of fwNodes ?? []) {
    const m = r.map(node, 'a framework', FRAMEWORK_KEYS);
    if (!m) continue;
    const id = r.itemId(m, node, 'framework', frameworks);
    if (id === undefined) continue;
    const name = m.has('name') ? r.string(m.get('name')!.value, `the name of framework '${id}'`) : id;
    frameworks.push({
      id,
      name: name ?? id,
      fullName: r.optionalString(m.get('full_name')?.value, `full_name of '${id}'`),
      url: r.optionalString(m.get('url')?.value, `url of '${id}'`),
      summary: r.optionalString(m.get('summary')?.value, `summary of '${id}'`),
    });
  }
  if (fwNodes && fwNodes.length < 2) {
    r.problem(fwEntry!.value, `there must be at least 2 frameworks to choose between; found ${fwNodes.length}.`);
  }
  // Counted as listed, so that one that does not parse still counts towards the limit.
  if (fwNodes && fwNodes.length > MAX_FRAMEWORKS) {
    r.problem(
      fwEntry!.value,
      `there are ${fwNodes.length} frameworks, but at most ${MAX_FRAMEWORKS} are allowed: leave out those that cannot come first, or split them across two files.`,
    );
  }
  const fwIds = frameworks.map((f) => f.id);
  // With a framework that did not parse, a name that matches none may be that one: saying it is
  // unknown would only repeat the first problem.
  const fwComplete = frameworks.length === (fwNodes?.length ?? 0);

  // Criteria.
  const criteria: Criterion[] = [];
  const crEntry = top.get('criteria');
  if (!crEntry) r.problem(root, 'the file has no `criteria:` list; add one with an `id`, `name` and `scores` per criterion.');
  const crNodes = crEntry ? r.list(crEntry.value, 'criteria') : null;
  if (crNodes && crNodes.length === 0) r.problem(crEntry!.value, 'there must be at least 1 criterion; the list is empty.');
  if (crNodes && crNodes.length > MAX_CRITERIA) {
    r.problem(
      crEntry!.value,
      `there are ${crNodes.length} criteria, but at most ${MAX_CRITERIA} are allowed: the tree is fitted on every combination, and 2^${MAX_CRITERIA} profiles is the ceiling.`,
    );
  }
  for (const node of crNodes ?? []) {
    const m = r.map(node, 'a criterion', CRITERION_KEYS);
    if (!m) continue;
    const id = r.itemId(m, node, 'criterion', criteria);
    if (id === undefined) continue;
    const idNode = m.get('id')!;
    const nameEntry = m.get('name');
    const name = nameEntry ? r.string(nameEntry.value, `the name of criterion '${id}'`) : undefined;
    if (!nameEntry) r.problem(idNode.key, `criterion '${id}' has no \`name\`.`);
    const question = r.optionalString(m.get('question')?.value, `the question of '${id}'`);
    const help = r.optionalString(m.get('help')?.value, `the help of '${id}'`);

    const scores: number[] = new Array<number>(frameworks.length).fill(NaN);
    const scoresEntry = m.get('scores');
    if (!scoresEntry) r.problem(idNode.key, `criterion '${id}' has no \`scores\`; give one per framework (${fwIds.join(', ')}).`);
    const sm = scoresEntry ? r.map(scoresEntry.value, `the scores of '${id}'`) : null;
    if (sm) {
      for (const [fw, { key, value }] of sm) {
        const f = fwIds.indexOf(fw);
        if (f < 0) {
          if (/^\d+$/.test(fw) && absent(r, value)) {
            // `{guild: 2,5}` reads as guild: 2 and a key "5" with no value.
            r.problem(key, `'${fw}' in the scores of '${id}' looks like the end of a number written with a decimal comma; write decimals with a point, e.g. 2.5.`);
          } else if (fwComplete) r.problem(key, `the scores of '${id}' name '${fw}', which is not a framework.${didYouMean(fw, fwIds)}`);
          continue;
        }
        const v = r.number(value ?? key, `the score of '${fw}' on '${id}'`);
        if (v === undefined) continue;
        if (!Number.isFinite(v) || v < 0) {
          r.problem(r.resolve(value), `the score of '${fw}' on '${id}' must be a finite number of at least 0, not ${v}.`);
          continue;
        }
        scores[f] = v;
      }
      const missing = fwIds.filter((fw) => !sm.has(fw));
      if (missing.length > 0) {
        r.problem(scoresEntry!.value ?? scoresEntry!.key, `criterion '${id}' has no score for ${missing.map((x) => `'${x}'`).join(', ')}.`);
      }
    }

    const evidence: (string | undefined)[] = new Array<string | undefined>(frameworks.length).fill(undefined);
    const evEntry = m.get('evidence');
    const em = evEntry && !absent(r, evEntry.value) ? r.map(evEntry.value, `the evidence of '${id}'`) : null;
    for (const [fw, { key, value }] of em ?? []) {
      const f = fwIds.indexOf(fw);
      if (f < 0) {
        if (fwComplete) r.problem(key, `the evidence of '${id}' names '${fw}', which is not a framework.${didYouMean(fw, fwIds)}`);
        continue;
      }
      evidence[f] = r.optionalString(value ?? key, `the evidence for '${fw}' on '${id}'`);
    }
    criteria.push({
      id,
      name: name ?? id,
      question: question ?? `Does ${name ?? id} matter for your project?`,
      help,
      scores,
      evidence,
    });
  }
  const crIds = criteria.map((c) => c.id);
  const crComplete = criteria.length === (crNodes?.length ?? 0);

  // Trees.
  const trees: TreeSpec[] = [];
  const treesEntry = top.get('trees');
  const tm = treesEntry && !absent(r, treesEntry.value) ? r.map(treesEntry.value, 'trees') : null;
  for (const [name, { key, value }] of tm ?? []) {
    if (!ID.test(name)) {
      r.problem(key, `tree name '${name}' is not a valid id: use lowercase letters, digits and '-'.`);
      continue;
    }
    const resolved = r.resolve(value);
    const spec = resolved === null || (isScalar(resolved) && resolved.value === null) ? new Map() : r.map(value, `tree '${name}'`, TREE_KEYS);
    if (!spec) continue;
    let indices = criteria.map((_, i) => i);
    const listEntry = spec.get('criteria');
    if (listEntry) {
      const items = r.list(listEntry.value, `the criteria of tree '${name}'`);
      if (items) {
        indices = [];
        for (const item of items) {
          const cid = r.id(item, `a criterion of tree '${name}'`);
          if (cid === undefined) continue;
          const i = crIds.indexOf(cid);
          if (i < 0) {
            if (crComplete) r.problem(item, `tree '${name}' names criterion '${cid}', which is not in \`criteria\`.${didYouMean(cid, crIds)}`);
          }
          else if (indices.includes(i)) r.problem(item, `tree '${name}' names criterion '${cid}' twice.`);
          else indices.push(i);
        }
        if (items.length === 0) r.problem(listEntry.value, `tree '${name}' must name at least 1 criterion.`);
      }
    }
    let maxDepth = Infinity;
    const depthEntry = spec.get('max_depth');
    const depthNode = depthEntry ? r.resolve(depthEntry.value) : null;
    if (depthEntry && !(depthNode === null || (isScalar(depthNode) && depthNode.value === null))) {
      maxDepth = r.integer(depthEntry.value, `max_depth of tree '${name}'`, 1, 1000) ?? Infinity;
    }
    const description = r.optionalString(spec.get('description')?.value, `the description of tree '${name}'`);
    trees.push({ name, criteria: indices, maxDepth, description });
  }
  if (trees.length === 0) trees.push({ name: 'full', criteria: criteria.map((_, i) => i), maxDepth: Infinity });

  let defaultTree = trees[0]!.name;
  const dtEntry = top.get('default_tree');
  if (dtEntry) {
    const dt = r.string(dtEntry.value, 'default_tree');
    if (dt !== undefined) {
      if (trees.some((t) => t.name === dt)) defaultTree = dt;
      else r.problem(r.resolve(dtEntry.value), `default_tree '${dt}' is not one of the trees (${trees.map((t) => t.name).join(', ')}).${didYouMean(dt, trees.map((t) => t.name))}`);
    }
  }

  let randomState = 0;
  const rsEntry = top.get('random_state');
  if (rsEntry) randomState = r.integer(rsEntry.value, 'random_state', 0, MAX_SEED) ?? 0;

  if (r.problems.length > 0) throw new StudyError(file, r.problems);
  return { file, title, source, frameworks, criteria, trees, defaultTree, randomState };
}
