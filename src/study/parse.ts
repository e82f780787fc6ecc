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
import { didYouMean, printable } from '../errors.js';
import { isScore, SCORE_RULE } from './limits.js';
import { StudyError } from './problems.js';
import type { Problem } from './problems.js';
import type { Criterion, DataProvenance, Framework, Study, TreeSpec } from './types.js';

/** More alias uses than this in one file is not a criteria file but an attack. */
const MAX_ALIASES = 100;
const ID = /^[a-z0-9][a-z0-9-]*$/;
/** C0 and C1 control characters other than tab, line feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Line breaks and tabs, which a one-line name may not hold (other text folds them to spaces). */
const BREAK = /[\n\r\t\u2028\u2029]/;
/**
 * Format characters (Unicode category Cf): invisible, yet they change what text shows. The
 * bidirectional controls (U+202A–U+202E, U+2066–U+2069) can make a name read backwards on
 * screen (the "Trojan Source" trick), and zero-width ones make two names look the same.
 */
const FORMAT = /\p{Cf}/u;
const FORMAT_NAMES: Readonly<Record<string, string>> = {
  '\u00ad': 'soft hyphen',
  '\u061c': 'Arabic letter mark',
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\u200e': 'left-to-right mark',
  '\u200f': 'right-to-left mark',
  '\u202a': 'left-to-right embedding',
  '\u202b': 'right-to-left embedding',
  '\u202c': 'pop directional formatting',
  '\u202d': 'left-to-right override',
  '\u202e': 'right-to-left override',
  '\u2060': 'word joiner',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\ufeff': 'zero-width no-break space',
};
const MAX_ID_LENGTH = 40;

/** "U+202E (right-to-left override)": a character no one can see, named. */
function codePoint(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const name = FORMAT_NAMES[ch];
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
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
      if (/keys need to be followed by map values/.test(message))
        return "this line has no ': ' after its key, or is indented differently from the lines above it.";
      if (/without - indicator/.test(message)) return "a list item here lacks its '- ', or is indented differently from the item before it.";
      if (/call stack/i.test(message)) return 'the YAML is nested too deeply to read; a criteria file is a few levels deep.';
      // JSON is YAML too, so a JSON file with a brace or bracket left open ends up here.
      if (/Flow (map|sequence) must end with/.test(message))
        return "a '{' or '[' is not closed, or a ',' is followed by nothing (in JSON or YAML): close it, or remove the trailing ','.";
      return `YAML syntax error: ${message.split('\n')[0]!.replace(/\.$/, '')}.`;
  }
}

/** A mapping's entry: its key node (for positions) and its value. */
interface Entry {
  readonly key: Node;
  readonly value: Node | null;
}

/** A mapping's entries by key. */
type Entries = Map<string, Entry>;

/** Display names taken so far, lowercased, with the item that has each and where. */
type Names = Map<string, { id: string; at: Node }>;

/** The validation walk: collects problems with positions while building the Study. */
export class Reader {
  readonly problems: Problem[] = [];
  private aliases = 0;

  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly text: string,
  ) {}

  problem(at: Node | Pair | null | undefined, message: string): void {
    const node = (at && 'key' in at && !('range' in at) ? (at.key as Node | null) : (at as Node | null)) ?? null;
    this.problemAt(node?.range?.[0] ?? 0, message);
  }

  problemAt(offset: number, message: string): void {
    const { line, col } = this.lines.linePos(offset);
    this.problems.push({ line, col, message });
  }

  /**
   * A problem with one character of a scalar: at that character where the file has it as it is,
   * else (written as an escape such as "\u202e") at the scalar.
   */
  characterProblem(node: Node, ch: string, message: string): void {
    const [start = 0, end = start] = node.range ?? [];
    const at = this.text.slice(start, end).indexOf(ch);
    this.problemAt(at < 0 ? start : start + at, message);
  }

  /** The node as the file writes it (a number's digits as typed). */
  written(node: Node): string {
    const [start = 0, end = start] = node.range ?? [];
    return this.text.slice(start, end).trim();
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
  map(node: Node | null, what: string, known?: readonly string[]): Entries | null {
    const n = this.resolve(node);
    if (!isMap(n)) {
      this.problem(n ?? node, `${what} must be a mapping (key: value lines)${describe(n)}.`);
      return null;
    }
    const out: Entries = new Map();
    for (const pair of n.items) {
      const key = this.resolve(pair.key);
      if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
        this.problem(key ?? n, `${what} has a key that is not a plain name.`);
        continue;
      }
      const name = String(key.value);
      if (known && !known.includes(name)) {
        this.problem(key, `unknown key '${printable(name)}' in ${what}.${didYouMean(name, known)}`);
        continue;
      }
      const earlier = out.get(name);
      if (earlier) {
        const { line } = this.lines.linePos(earlier.key.range?.[0] ?? 0);
        this.problem(key, `'${printable(name)}' appears twice in ${what} (first on line ${line}); keep one.`);
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
    const control = CONTROL.exec(n.value)?.[0];
    if (control !== undefined) {
      this.characterProblem(n, control, `${what} contains a control character (${codePoint(control)}); use plain text.`);
      return undefined;
    }
    // Every text is shown as running text, so line breaks (from `|` or `>` blocks) become spaces.
    return n.value.replace(/\s+/g, ' ').trim();
  }

  /** A key with nothing after it (`trees:`, `question:`), or no key at all. */
  absent(node: Node | null | undefined): boolean {
    const n = this.resolve(node);
    return n === null || (isScalar(n) && n.value === null);
  }

  /**
   * A name: text on one line, with nothing invisible in it. `longer` says where longer text goes.
   * Line breaks are refused rather than folded: a name is a label, and a break in one is a slip.
   */
  name(node: Node | null, what: string, longer: string): string | undefined {
    const n = this.resolve(node);
    const raw = isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
    const brk = raw === undefined ? undefined : BREAK.exec(raw)?.[0];
    if (n && brk === '\t') {
      this.characterProblem(n, brk, `${what} contains a tab; use spaces.`);
      return undefined;
    }
    // At the name itself: a break written in the file is the end of a line, not the slip.
    if (n && brk !== undefined) {
      this.problem(n, `${what} contains a line break; a name is one line (longer text goes in ${longer}).`);
      return undefined;
    }
    const format = raw === undefined ? undefined : FORMAT.exec(raw)?.[0];
    if (n && format !== undefined) {
      this.characterProblem(n, format, `${what} contains ${codePoint(format)}, an invisible character that changes how text shows; remove it.`);
      return undefined;
    }
    return this.string(n, what);
  }

  /** A name that may be left out (`full_name:` with nothing after it reads as absent). */
  optionalName(node: Node | null | undefined, what: string, longer: string): string | undefined {
    const n = this.resolve(node);
    if (this.absent(n)) return undefined;
    const s = this.name(n, what, longer);
    return s?.trim() === '' ? undefined : s;
  }

  /** A present-but-null optional value (`question:` with nothing after it) reads as absent. */
  optionalString(node: Node | null | undefined, what: string): string | undefined {
    const n = this.resolve(node);
    if (this.absent(n)) return undefined;
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
        `${what} '${printable(value)}' is not a valid id: use lowercase letters, digits and '-' (not first), at most ${MAX_ID_LENGTH} characters.`,
      );
      return undefined;
    }
    return value;
  }

  /**
   * Reports `name` when an earlier item of the same kind is shown under the same name, ignoring
   * case: two trackers both called "Same" would make advice read "a tie between Same and Same".
   */
  uniqueName(seen: Names, kind: string, id: string, name: string, at: Node): void {
    const key = name.toLowerCase();
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, { id, at });
      return;
    }
    const { line } = this.lines.linePos(earlier.at.range?.[0] ?? 0);
    this.problem(
      at,
      `${kind} '${id}' has the name '${printable(name)}', which ${kind} '${earlier.id}' already has (line ${line}, case aside); give each ${kind} a name of its own.`,
    );
  }

  /** The `id` of a framework or criterion, reported when missing, malformed or already taken. */
  itemId(entries: Entries, item: Node, kind: string, taken: readonly { id: string }[]): string | undefined {
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

/** " (found: a list)" — what the user wrote instead, for type errors. */
function describe(n: Node | null): string {
  if (n === null) return ', but it is empty';
  if (isMap(n)) return ', not a mapping';
  if (isSeq(n)) return ', not a list';
  if (isScalar(n)) {
    const v = n.value;
    if (v === null) return ', but it is empty';
    if (typeof v === 'string') return `, not the text '${printable(Array.from(v).length > 30 ? Array.from(v).slice(0, 30).join('') + '…' : v)}'`;
    return `, not ${String(v)}`;
  }
  return '';
}

const TOP_KEYS = ['title', 'source', 'data', 'frameworks', 'criteria', 'trees', 'default_tree', 'random_state'] as const;
const FRAMEWORK_KEYS = ['id', 'name', 'full_name', 'url', 'summary'] as const;
const CRITERION_KEYS = ['id', 'name', 'question', 'help', 'scores', 'evidence'] as const;
const TREE_KEYS = ['criteria', 'max_depth', 'description'] as const;
const DATA_KEYS = ['name', 'title', 'source', 'measured_on', 'machine', 'python', 'versions', 'repetitions', 'raw'] as const;
/** A calendar day, as ISO 8601 writes it. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Repetitions beyond this are a slip (a sample count, a byte count), not a measurement plan. */
const MAX_REPETITIONS = 1_000_000;

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

const TOO_DEEP = 'the YAML is nested too deeply to read; a criteria file is a few levels deep.';

/** The YAML document, or a StudyError at the first thing that stops it being read at all. */
export function readDocument(text: string, file: string): { doc: Document; lines: LineCounter } {
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
    throw new StudyError(file, [{ line, col: deep - lineStart + 1, message: TOO_DEEP }]);
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false });
  } catch {
    // The parser recurses on nesting; a pathological document can exhaust the stack.
    throw new StudyError(file, [{ line: 1, col: 1, message: TOO_DEEP }]);
  }
  // Only the first syntax error: after one slip the parser's later complaints are mostly echoes.
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw new StudyError(file, [{ line, col, message: syntaxMessage(syntax.code, syntax.message) }]);
  }
  return { doc, lines };
}

/**
 * The items read from a list, and whether every item was: when one did not parse, a name that
 * matches none may be that one, and calling it unknown would only repeat the first problem.
 */
interface Items<T> {
  readonly items: T[];
  readonly complete: boolean;
}

function readFrameworks(r: Reader, root: Node, entry: Entry | undefined): Items<Framework> {
  const frameworks: Framework[] = [];
  if (!entry) r.problem(root, 'the file has no `frameworks:` list; add one with an `id` and `name` per framework.');
  const nodes = entry ? r.list(entry.value, 'frameworks') : null;
  const names: Names = new Map();
  for (const node of nodes ?? []) {
    const m = r.map(node, 'a framework', FRAMEWORK_KEYS);
    if (!m) continue;
    const id = r.itemId(m, node, 'framework', frameworks);
    if (id === undefined) continue;
    const nameEntry = m.get('name');
    const name = nameEntry ? r.name(nameEntry.value, `the name of framework '${id}'`, '`full_name` or `summary`') : id;
    // Without a name the id is shown, so it must not look like another framework's name either.
    if (name !== undefined) r.uniqueName(names, 'framework', id, name, nameEntry?.value ?? m.get('id')!.value ?? node);
    frameworks.push({
      id,
      name: name ?? id,
      fullName: r.optionalName(m.get('full_name')?.value, `full_name of '${id}'`, '`summary`'),
      url: r.optionalString(m.get('url')?.value, `url of '${id}'`),
      summary: r.optionalString(m.get('summary')?.value, `summary of '${id}'`),
    });
  }
  if (nodes && nodes.length < 2) {
    r.problem(entry!.value, `there must be at least 2 frameworks to choose between; found ${nodes.length}.`);
  }
  // Counted as listed, so that one that does not parse still counts towards the limit.
  if (nodes && nodes.length > MAX_FRAMEWORKS) {
    r.problem(
      entry!.value,
      `there are ${nodes.length} frameworks, but at most ${MAX_FRAMEWORKS} are allowed: leave out those that cannot come first, or split them across two files.`,
    );
  }
  return { items: frameworks, complete: frameworks.length === (nodes?.length ?? 0) };
}

/** A criterion's score per framework, in the frameworks' order (NaN where none is given). */
function readScores(r: Reader, m: Entries, id: string, idKey: Node, frameworks: Items<Framework>): number[] {
  const fwIds = frameworks.items.map((f) => f.id);
  const scores: number[] = new Array<number>(fwIds.length).fill(NaN);
  const entry = m.get('scores');
  if (!entry) r.problem(idKey, `criterion '${id}' has no \`scores\`; give one per framework (${fwIds.join(', ')}).`);
  const sm = entry ? r.map(entry.value, `the scores of '${id}'`) : null;
  if (!sm) return scores;
  for (const [fw, { key, value }] of sm) {
    const f = fwIds.indexOf(fw);
    if (f < 0) {
      if (/^\d+$/.test(fw) && r.absent(value)) {
        // `{guild: 2,5}` reads as guild: 2 and a key "5" with no value.
        r.problem(
          key,
          `'${printable(fw)}' in the scores of '${id}' looks like the end of a number written with a decimal comma; write decimals with a point, e.g. 2.5.`,
        );
      } else if (frameworks.complete)
        r.problem(key, `the scores of '${id}' name '${printable(fw)}', which is not a framework.${didYouMean(fw, fwIds)}`);
      continue;
    }
    const v = r.number(value ?? key, `the score of '${fw}' on '${id}'`);
    if (v === undefined) continue;
    if (!isScore(v)) {
      r.problem(r.resolve(value), `the score of '${fw}' on '${id}' must be ${SCORE_RULE}, not ${v}.`);
      continue;
    }
    scores[f] = v;
  }
  const missing = fwIds.filter((fw) => !sm.has(fw));
  if (missing.length > 0) {
    r.problem(entry!.value ?? entry!.key, `criterion '${id}' has no score for ${missing.map((x) => `'${x}'`).join(', ')}.`);
  }
  return scores;
}

/** Why each framework scored what it did, where the criterion says. */
function readEvidence(r: Reader, m: Entries, id: string, frameworks: Items<Framework>): (string | undefined)[] {
  const fwIds = frameworks.items.map((f) => f.id);
  const evidence: (string | undefined)[] = new Array<string | undefined>(fwIds.length).fill(undefined);
  const entry = m.get('evidence');
  const em = entry && !r.absent(entry.value) ? r.map(entry.value, `the evidence of '${id}'`) : null;
  for (const [fw, { key, value }] of em ?? []) {
    const f = fwIds.indexOf(fw);
    if (f < 0) {
      if (frameworks.complete) r.problem(key, `the evidence of '${id}' names '${printable(fw)}', which is not a framework.${didYouMean(fw, fwIds)}`);
      continue;
    }
    evidence[f] = r.optionalString(value ?? key, `the evidence for '${fw}' on '${id}'`);
  }
  return evidence;
}

function readCriterion(r: Reader, node: Node, taken: readonly Criterion[], frameworks: Items<Framework>, names: Names): Criterion | undefined {
  const m = r.map(node, 'a criterion', CRITERION_KEYS);
  if (!m) return undefined;
  const id = r.itemId(m, node, 'criterion', taken);
  if (id === undefined) return undefined;
  const idKey = m.get('id')!.key;
  const nameEntry = m.get('name');
  const name = nameEntry ? r.name(nameEntry.value, `the name of criterion '${id}'`, '`question` or `help`') : undefined;
  if (!nameEntry) r.problem(idKey, `criterion '${id}' has no \`name\`.`);
  else if (name !== undefined) r.uniqueName(names, 'criterion', id, name, nameEntry.value ?? idKey);
  const question = r.optionalString(m.get('question')?.value, `the question of '${id}'`);
  const help = r.optionalString(m.get('help')?.value, `the help of '${id}'`);
  const scores = readScores(r, m, id, idKey, frameworks);
  const evidence = readEvidence(r, m, id, frameworks);
  return { id, name: name ?? id, question: question ?? `Does ${name ?? id} matter for your project?`, help, scores, evidence };
}

function readCriteria(r: Reader, root: Node, entry: Entry | undefined, frameworks: Items<Framework>): Items<Criterion> {
  const criteria: Criterion[] = [];
  if (!entry) r.problem(root, 'the file has no `criteria:` list; add one with an `id`, `name` and `scores` per criterion.');
  const nodes = entry ? r.list(entry.value, 'criteria') : null;
  if (nodes && nodes.length === 0) r.problem(entry!.value, 'there must be at least 1 criterion; the list is empty.');
  if (nodes && nodes.length > MAX_CRITERIA) {
    r.problem(
      entry!.value,
      `there are ${nodes.length} criteria, but at most ${MAX_CRITERIA} are allowed: the tree is fitted on every combination, and 2^${MAX_CRITERIA} profiles is the ceiling.`,
    );
  }
  const names: Names = new Map();
  for (const node of nodes ?? []) {
    const criterion = readCriterion(r, node, criteria, frameworks, names);
    if (criterion) criteria.push(criterion);
  }
  return { items: criteria, complete: criteria.length === (nodes?.length ?? 0) };
}

/** A tree's `criteria:` list as indices into the criteria; all of them when it has none. */
function readTreeCriteria(r: Reader, name: string, entry: Entry | undefined, criteria: Items<Criterion>): number[] {
  const all = criteria.items.map((_, i) => i);
  const items = entry ? r.list(entry.value, `the criteria of tree '${name}'`) : null;
  if (!entry || !items) return all;
  const ids = criteria.items.map((c) => c.id);
  const indices: number[] = [];
  for (const item of items) {
    const cid = r.id(item, `a criterion of tree '${name}'`);
    if (cid === undefined) continue;
    const i = ids.indexOf(cid);
    if (i < 0) {
      if (criteria.complete) r.problem(item, `tree '${name}' names criterion '${cid}', which is not in \`criteria\`.${didYouMean(cid, ids)}`);
    } else if (indices.includes(i)) r.problem(item, `tree '${name}' names criterion '${cid}' twice.`);
    else indices.push(i);
  }
  if (items.length === 0) r.problem(entry.value, `tree '${name}' must name at least 1 criterion.`);
  return indices;
}

/** The named trees; without any, one tree "full" on every criterion with no depth limit. */
function readTrees(r: Reader, entry: Entry | undefined, criteria: Items<Criterion>): TreeSpec[] {
  const trees: TreeSpec[] = [];
  const tm = entry && !r.absent(entry.value) ? r.map(entry.value, 'trees') : null;
  for (const [name, { key, value }] of tm ?? []) {
    if (!ID.test(name)) {
      r.problem(key, `tree name '${printable(name)}' is not a valid id: use lowercase letters, digits and '-'.`);
      continue;
    }
    const spec: Entries | null = r.absent(value) ? new Map() : r.map(value, `tree '${name}'`, TREE_KEYS);
    if (!spec) continue;
    const indices = readTreeCriteria(r, name, spec.get('criteria'), criteria);
    const depth = spec.get('max_depth');
    const maxDepth = depth && !r.absent(depth.value) ? (r.integer(depth.value, `max_depth of tree '${name}'`, 1, 1000) ?? Infinity) : Infinity;
    const description = r.optionalString(spec.get('description')?.value, `the description of tree '${name}'`);
    trees.push({ name, criteria: indices, maxDepth, description });
  }
  if (trees.length === 0) trees.push({ name: 'full', criteria: criteria.items.map((_, i) => i), maxDepth: Infinity });
  return trees;
}

/** `default_tree`, which must name one of the trees; else the first tree. */
function readDefaultTree(r: Reader, entry: Entry | undefined, trees: readonly TreeSpec[]): string {
  const first = trees[0]!.name;
  const dt = entry ? r.string(entry.value, 'default_tree') : undefined;
  if (dt === undefined) return first;
  const names = trees.map((t) => t.name);
  if (names.includes(dt)) return dt;
  r.problem(r.resolve(entry!.value), `default_tree '${printable(dt)}' is not one of the trees (${names.join(', ')}).${didYouMean(dt, names)}`);
  return first;
}

/** Whether `text` is a day that exists, written YYYY-MM-DD. */
function isDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `versions:` — a version per framework id, as text; frameworks it leaves out have none recorded. */
function readVersions(r: Reader, entry: Entry | undefined, frameworks: Items<Framework>): (string | null)[] {
  const fwIds = frameworks.items.map((f) => f.id);
  const versions: (string | null)[] = fwIds.map(() => null);
  const vm = entry && !r.absent(entry.value) ? r.map(entry.value, 'data.versions') : null;
  for (const [fw, { key, value }] of vm ?? []) {
    const f = fwIds.indexOf(fw);
    if (f < 0) {
      if (frameworks.complete) r.problem(key, `data.versions names '${printable(fw)}', which is not a framework.${didYouMean(fw, fwIds)}`);
      continue;
    }
    const n = r.resolve(value);
    if (r.absent(n)) continue;
    if (isScalar(n) && typeof n.value === 'number') {
      // 3.10 would be read as the number 3.1: a version is text.
      r.problem(
        n,
        `the version of '${fw}' is read as the number ${n.value}; put it in quotes ('${printable(r.written(n))}') so it stays as written.`,
      );
      continue;
    }
    versions[f] = r.optionalName(n, `the version of '${fw}'`, 'data.source') ?? null;
  }
  return versions;
}

/** `repetitions:` — how many times each experiment was repeated, e.g. {runtime: 30, memory: 30}. */
function readRepetitions(r: Reader, entry: Entry | undefined): { experiment: string; count: number }[] {
  const out: { experiment: string; count: number }[] = [];
  const rm = entry && !r.absent(entry.value) ? r.map(entry.value, 'data.repetitions') : null;
  for (const [experiment, { key, value }] of rm ?? []) {
    if (!ID.test(experiment)) {
      r.problem(key, `'${printable(experiment)}' in data.repetitions is not an experiment id: use lowercase letters, digits and '-'.`);
      continue;
    }
    const count = r.integer(value ?? key, `the repetitions of '${experiment}'`, 1, MAX_REPETITIONS);
    if (count !== undefined) out.push({ experiment, count });
  }
  return out;
}

/** The optional `data:` section: where the scores come from. */
function readData(r: Reader, entry: Entry | undefined, frameworks: Items<Framework>): DataProvenance | undefined {
  if (!entry || r.absent(entry.value)) return undefined;
  const m = r.map(entry.value, 'data', DATA_KEYS);
  if (!m) return undefined;
  const nameEntry = m.get('name');
  if (!nameEntry) r.problem(entry.key, 'data has no `name`; give the data set a short id, e.g. `name: my-measurements`.');
  const name = nameEntry ? r.id(nameEntry.value, 'data.name') : undefined;
  const text = (key: string) => r.optionalString(m.get(key)?.value, `data.${key}`);
  let measuredOn: string | undefined;
  const day = m.get('measured_on');
  if (day && !r.absent(day.value)) {
    const n = r.resolve(day.value);
    const value = isScalar(n) ? n.value : undefined;
    if (typeof value === 'string' && isDay(value.trim())) measuredOn = value.trim();
    else r.problem(n ?? day.key, `data.measured_on must be a day written YYYY-MM-DD, e.g. 2026-11-27${describe(n)}.`);
  }
  const provenance: DataProvenance = {
    name: name ?? 'data',
    title: text('title'),
    source: text('source'),
    measuredOn,
    machine: text('machine'),
    python: text('python'),
    versions: readVersions(r, m.get('versions'), frameworks),
    repetitions: readRepetitions(r, m.get('repetitions')),
    raw: text('raw'),
  };
  // Only what the file gives: absent optional fields stay absent, so a round trip compares equal.
  return Object.fromEntries(Object.entries(provenance).filter(([, v]) => v !== undefined)) as unknown as DataProvenance;
}

/** Parses and validates criteria YAML text. `file` names it in messages. */
export function parseStudy(text: string, file: string): Study {
  const { doc, lines } = readDocument(text, file);
  const r = new Reader(doc, lines, text);
  const root = doc.contents as Node | null;
  if (root === null || r.absent(root) || (isScalar(root) && root.value === '')) {
    throw new StudyError(file, [
      { line: 1, col: 1, message: 'the file is empty; it needs at least `frameworks:` and `criteria:` (see the bundled criteria.yaml).' },
    ]);
  }
  const top = r.map(root, 'the file', TOP_KEYS);
  if (!top) throw new StudyError(file, r.problems);

  const title = r.optionalString(top.get('title')?.value, 'title');
  const source = r.optionalString(top.get('source')?.value, 'source');
  const frameworks = readFrameworks(r, root, top.get('frameworks'));
  const data = readData(r, top.get('data'), frameworks);
  const criteria = readCriteria(r, root, top.get('criteria'), frameworks);
  const trees = readTrees(r, top.get('trees'), criteria);
  const defaultTree = readDefaultTree(r, top.get('default_tree'), trees);
  const rsEntry = top.get('random_state');
  const randomState = rsEntry ? (r.integer(rsEntry.value, 'random_state', 0, MAX_SEED) ?? 0) : 0;

  if (r.problems.length > 0) throw new StudyError(file, r.problems);
  return {
    file,
    title,
    source,
    ...(data === undefined ? {} : { data }),
    frameworks: frameworks.items,
    criteria: criteria.items,
    trees,
    defaultTree,
    randomState,
  };
}
