/**
 * Text as a terminal shows it: how many columns a string takes, and wrapping, cutting and padding
 * by those columns rather than by code units or code points. Every layout in reprotree measures
 * through here, so a name in Chinese, with an emoji or with an accent written as a combining mark
 * lines up like one in ASCII.
 *
 * Strings may carry ANSI escape sequences (our own styling); they take no columns, are never cut
 * in half, and survive a cut so that a style opened before it is still closed.
 *
 * Columns per user-perceived character (grapheme cluster):
 * - combining and enclosing marks, format characters (zero-width space and joiners, bidi
 *   controls), variation selectors and the Hangul vowel and final-consonant jamo take 0;
 * - East Asian Wide and Fullwidth characters take 2 (from `get-east-asian-width`; Ambiguous ones
 *   count as narrow, as terminals outside East Asian locales draw them), everything else 1;
 * - an emoji sequence (a pictograph with a skin tone, a presentation selector or joined by ZWJ to
 *   others, a flag's pair of regional indicators, a keycap) takes 2, drawn as one picture.
 *
 * Clusters come from Intl.Segmenter, but only for text that can hold a cluster of several code
 * points (marks, joiners, selectors, modifiers, regional indicators, jamo): creating a segmenter
 * loads ICU's break rules, about 10 ms, which the scripted path should not pay for ASCII and the
 * box-drawing glyphs it prints. Elsewhere one code point is one cluster.
 */
import { eastAsianWidth } from 'get-east-asian-width';

/**
 * An escape sequence: CSI (ESC [ … final byte, or the 8-bit CSI), OSC (ESC ] … ended by BEL or
 * ESC \), or ESC and one more character. Stripped for measuring; our own output only uses SGR.
 */
const ANSI_SOURCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point.
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/.source;
const ANSI_ALL = new RegExp(ANSI_SOURCE, 'g');
const ANSI_AT = new RegExp(ANSI_SOURCE, 'y');
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC and CSI start every escape sequence.
const ANSI_START = /[\u001b\u009b]/;

/** Printable ASCII only: one column per character, nothing to segment or look up. */
const ASCII = /^[\u0020-\u007e]*$/;
/** Anything that can join the character before it into one cluster (see the header). */
const JOINS = /[\p{M}\p{Cf}\u1160-\u11ff\ud7b0-\ud7ff\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\r]/u;
/** No columns of their own: marks, format characters, controls, medial and final jamo. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\u1160-\u11ff\ud7b0-\ud7ff]$/u;
const PICTOGRAPH = /^[\p{Extended_Pictographic}\u{1f1e6}-\u{1f1ff}]/u;
const TEXT_PRESENTATION = '\ufe0e';
const KEYCAP = '\u20e3';

/** The text without its escape sequences. */
export function stripAnsi(s: string): string {
  return ANSI_START.test(s) ? s.replace(ANSI_ALL, '') : s;
}

/** The escape sequence that starts at `index` of `s`, if one does. */
export function ansiAt(s: string, index: number): string | undefined {
  ANSI_AT.lastIndex = index;
  return ANSI_AT.exec(s)?.[0];
}

let segmenter: Intl.Segmenter | undefined;

/** The grapheme clusters of unstyled text, in order. */
export function graphemes(text: string): string[] {
  if (!mayJoin(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter();
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * Code units of characters that are always a cluster of their own with a known width class:
 * Latin (up to the combining marks at U+0300), general punctuation (dashes, quotes, …) and the
 * symbols, arrows, box drawing and block elements from U+2100 to U+2BFF. Our own output is made
 * of these, so measuring it needs neither the segmenter nor the Unicode property tables.
 */
function plainCode(code: number): boolean {
  return (code < 0x300 && code !== 0x0d) || (code >= 0x2010 && code < 0x2028) || (code >= 0x2100 && code < 0x2c00);
}

/** Whether `text` holds anything that could join a cluster (else each code point is one). */
function mayJoin(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!plainCode(text.charCodeAt(i))) return JOINS.test(text);
  }
  return false;
}

function codePointWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  // Controls and the soft hyphen take no column; the rest of these ranges has no marks.
  if (cp < 0x300) return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xad ? 0 : 1;
  if (plainCode(cp)) return eastAsianWidth(cp);
  return ZERO_WIDTH.test(ch) ? 0 : eastAsianWidth(cp);
}

/** Columns one grapheme cluster takes: 0, 1 or 2. */
export function clusterWidth(cluster: string): number {
  if (cluster.length === 1) {
    const code = cluster.charCodeAt(0);
    if (code >= 0x20 && code < 0x7f) return 1;
  }
  const points = Array.from(cluster);
  if (points.length > 1 && !cluster.includes(TEXT_PRESENTATION) && (PICTOGRAPH.test(cluster) || cluster.includes(KEYCAP))) return 2;
  let width = 0;
  for (const ch of points) width += codePointWidth(ch);
  // A base with marks stacked on it is still one cell or two, never more.
  return Math.min(width, 2);
}

/**
 * How wide one grapheme cluster is: clusterWidth counts terminal columns; a picture can measure
 * in pixels instead and still wrap and cut with the functions here.
 */
export type ClusterMeasure = (cluster: string) => number;

/** Columns `s` takes in a terminal, escape sequences ignored. */
export function displayWidth(s: string): number {
  const text = stripAnsi(s);
  return ASCII.test(text) ? text.length : measuredWidth(text, clusterWidth);
}

/** The width of `s` by `measure`, escape sequences ignored. */
export function measuredWidth(s: string, measure: ClusterMeasure): number {
  let width = 0;
  for (const g of graphemes(stripAnsi(s))) width += measure(g);
  return width;
}

const widthBy = (s: string, measure: ClusterMeasure) => (measure === clusterWidth ? displayWidth(s) : measuredWidth(s, measure));

/** A piece of styled text: an escape sequence (no columns) or one grapheme cluster. */
interface Piece {
  readonly text: string;
  readonly width: number;
  readonly escape: boolean;
}

/** Styled text as escape sequences and clusters, in order. */
function pieces(s: string, measure: ClusterMeasure): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < s.length) {
    const code = ansiAt(s, i);
    if (code) {
      out.push({ text: code, width: 0, escape: true });
      i += code.length;
      continue;
    }
    // The plain run up to the next escape character (or a lone one, which is just text).
    const next = s.slice(i + 1).search(ANSI_START);
    const end = next < 0 ? s.length : i + 1 + next;
    for (const g of graphemes(s.slice(i, end))) out.push({ text: g, width: measure(g), escape: false });
    i = end;
  }
  return out;
}

/**
 * `s` cut to at most `width` columns (or the unit of `measure`), ending in `ellipsis` when
 * anything was cut. Escape sequences after the cut are kept, so a style opened earlier is closed.
 */
export function truncate(s: string, width: number, ellipsis = '…', measure: ClusterMeasure = clusterWidth): string {
  if (widthBy(s, measure) <= width) return s;
  const room = Math.max(0, width - widthBy(ellipsis, measure));
  let out = '';
  let shown = 0;
  let cut = false;
  for (const p of pieces(s, measure)) {
    if (p.escape) out += p.text;
    else if (!cut && shown + p.width <= room) {
      out += p.text;
      shown += p.width;
    } else if (!cut) {
      cut = true;
      if (width >= widthBy(ellipsis, measure)) out += ellipsis;
    }
  }
  return out;
}

/** Splits styled text after at most `width` (at least one cluster): [head, rest]. */
function splitAt(s: string, width: number, measure: ClusterMeasure): [string, string] {
  let head = '';
  let shown = 0;
  const all = pieces(s, measure);
  let i = 0;
  for (; i < all.length; i++) {
    const p = all[i]!;
    if (!p.escape && shown > 0 && shown + p.width > width) break;
    head += p.text;
    shown += p.width;
  }
  return [
    head,
    all
      .slice(i)
      .map((p) => p.text)
      .join(''),
  ];
}

/**
 * Word-wraps styled text to lines of at most `width` columns (or the unit of `measure`),
 * continuing with `indent`. Breaks at spaces; the text's own leading spaces stay on its first
 * line. A word wider than a line is broken between clusters, so nothing runs past the width
 * (unless a single cluster is wider).
 */
export function wrap(text: string, width: number, indent = '', measure: ClusterMeasure = clusterWidth): string[] {
  const lead = /^ */.exec(text)![0];
  const space = measure(' ');
  const indentWidth = widthBy(indent, measure);
  const lines: string[] = [];
  let current = lead;
  let currentWidth = lead.length * space;
  let fresh = true;
  for (const word of text.slice(lead.length).split(' ')) {
    const w = widthBy(word, measure);
    if (!fresh && currentWidth + space + w > width) {
      lines.push(current);
      current = indent;
      currentWidth = indentWidth;
      fresh = true;
    }
    current += fresh ? word : ` ${word}`;
    currentWidth += fresh ? w : space + w;
    fresh = false;
    // Here the word starts a line (it would have fitted otherwise) and is wider than one.
    while (currentWidth > width && indentWidth < width) {
      const [head, rest] = splitAt(current, width, measure);
      const restWidth = widthBy(rest, measure);
      if (restWidth === 0) break;
      lines.push(head);
      current = indent + rest;
      currentWidth = indentWidth + restWidth;
    }
  }
  lines.push(current);
  return lines;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}
