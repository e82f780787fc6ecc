/**
 * The errors the CLI reports without a stack trace. The questionnaire and the YAML parser are
 * bundles of their own, each with its own copy of these classes, so `instanceof` is answered by a
 * brand that is the same in every bundle (Symbol.for), not by the prototype chain.
 */

/**
 * Marks `error` as an instance of the class branded `name`; each constructor in a chain marks its
 * own. Brands are written out, not taken from class names, which the minifier renames.
 */
export function brand(error: Error, name: string): void {
  Object.defineProperty(error, Symbol.for(`reprotree.${name}`), { value: true });
}

/** Whether `value` was made by the class branded `name`, in whichever bundle. */
export function branded(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && Symbol.for(`reprotree.${name}`) in value;
}

/**
 * An error the user caused and can fix: bad flags, a broken criteria file, a missing file.
 * Its message is complete sentences saying what is wrong and what to do; the CLI prints it
 * without a stack trace and exits with `exitCode`.
 */
export class UserError extends Error {
  /** `x instanceof UserError`: whether x carries the brand (each subclass checks its own). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, 'UserError');
  }

  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
    brand(this, 'UserError');
  }
}

/**
 * Thrown when the user cancels (Ctrl-C, q, Esc): exit 130, saying "Cancelled." or, where there is
 * something to know (how to go on), `note` instead.
 */
export class Cancelled extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, 'Cancelled');
  }

  constructor(
    readonly exitCode = 130,
    readonly note?: string,
  ) {
    super('cancelled');
    this.name = 'Cancelled';
    brand(this, 'Cancelled');
  }
}

/**
 * Characters that must not reach a terminal as they are: C0 and C1 controls (ESC starts the
 * sequences that move the cursor, clear the screen or set the window title), DEL, the line and
 * paragraph separators, and format characters (bidirectional controls, zero-width ones), which
 * are invisible yet change how the rest of a line reads.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\p{Cf}]/gu;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/**
 * User-supplied text (an argument, a file name, a key or value from a criteria file) as every
 * message shows it: each unprintable character written as an escape, as bash's $'...' reads them
 * (\e, \n, \x07, \u202E), and everything else as it is.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => {
    const named = NAMED[ch];
    if (named) return named;
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) return `\\x${cp.toString(16).padStart(2, '0')}`;
    const hex = cp.toString(16).toUpperCase();
    return cp > 0xffff ? `\\U${hex.padStart(8, '0')}` : `\\u${hex.padStart(4, '0')}`;
  });
}

/** The closest candidate to a mistyped word, if any is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  // About one typo per three characters, at least one; a one- or two-letter word must also start
  // like the candidate, or every short word would look like a typo of every other. Prefixes count
  // as close too.
  const limit = Math.max(1, Math.floor(word.length / 3));
  if (best === undefined) return undefined;
  if (word.length <= 2 && best[0]?.toLowerCase() !== word[0]?.toLowerCase()) return undefined;
  if (bestDistance <= limit || (word.length >= 3 && best.startsWith(word))) return best;
  // `random_seed` for `random_state`: the same first word of four letters or more.
  const head = (s: string) => s.toLowerCase().split(/[-_]/)[0]!;
  const sameHead = candidates.find((c) => head(word).length >= 4 && head(c) === head(word) && c.length > head(c).length);
  if (sameHead !== undefined) return sameHead;
  return undefined;
}

/** " Did you mean X?" or "" — for appending to an error sentence. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : ` Did you mean '${c}'?`;
}

/** Levenshtein distance with transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}
