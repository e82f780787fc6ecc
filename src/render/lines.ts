/**
 * Text laid out in terminal lines: the width to wrap to, and blocks → lines that fit a width
 * (measured and wrapped by terminal-text.ts), for screens that count their rows (a pager must know how tall
 * its text is). Blocks render exactly as the scripted output does; only a table too wide for the
 * terminal, or any table in plain mode (where bar glyphs and rules would be read aloud), is
 * stacked: one row per criterion, each framework's score named.
 */
import type { Block, Line, Span } from './blocks.js';
import { plain, span, toText } from './blocks.js';
import type { Style } from './style.js';
import { displayWidth, wrap } from './terminal-text.js';

/** Running text wider than this is hard to read, however wide the terminal. */
export const MAX_READING_WIDTH = 100;

/** The columns text is wrapped to in a terminal `columns` wide. */
export function readingWidth(columns: number): number {
  return Math.min(columns, MAX_READING_WIDTH);
}

export interface LineOptions {
  /** No bars or rules, and no columns to line up: for screen readers. */
  readonly plain?: boolean;
}

type Table = Extract<Block, { kind: 'table' }>;

const spansOf = (line: Line): readonly Span[] => (typeof line === 'string' ? [span(line)] : line);

/** One Line styled, unwrapped (leading spaces are dropped: indent the result instead). */
export function styleLine(line: Line, style: Style): string {
  return toText([{ kind: 'para', text: line }], style, Infinity).replace(/\n+$/, '');
}

/** Wraps styled text to `width` columns, every line (the first too) starting with `indent`. */
export function wrapIndented(text: string, width: number, indent = ''): string[] {
  return wrap(indent + text, width, indent);
}

function naturalWidth(b: Block, style: Style): number {
  return Math.max(...toText([b], style, Infinity).split('\n').map(displayWidth));
}

/** A bar and the space before it, as format.ts's bar() draws it after a score. */
const BAR = / ?[█▏▎▍▌▋▊▉]+/g;

function stacked(t: Table, style: Style, width: number, options: LineOptions): string[] {
  // Leading columns up to the first named one label a row (a mark and the criterion); the rest
  // are values, each introduced by its header.
  const firstNamed = t.header.findIndex((h) => h.trim() !== '');
  const labelCount = firstNamed < 0 ? 1 : firstNamed + 1;
  const clean = (line: Line): Span[] => spansOf(line).map((s) => (options.plain ? { ...s, text: s.text.replace(BAR, '') } : s));
  const out: string[] = [];
  for (const row of t.rows) {
    const labels = row.slice(0, labelCount).filter((c) => plain(c).trim() !== '');
    const label: Span[] = labels.flatMap((c, i) => [...(i > 0 ? [span(' ')] : []), ...clean(c)]);
    const values: Span[] = row
      .slice(labelCount)
      .flatMap((c, i) => [
        ...(i > 0 ? [span(options.plain ? ', ' : '  ')] : []),
        span(`${t.header[labelCount + i] ?? ''} `, options.plain ? undefined : 'dim'),
        ...clean(c),
      ]);
    if (options.plain) {
      out.push(styleLine([...label, span(': '), ...values], style));
      continue;
    }
    const one = '  ' + styleLine([...label, span('  '), ...values], style);
    if (displayWidth(one) <= width) {
      out.push(one);
      continue;
    }
    out.push('  ' + styleLine(label, style));
    // Bars are the first thing to go: the scores alone still say who leads.
    const withBars = '    ' + styleLine(values, style);
    const bare = styleLine(
      values.map((v) => ({ ...v, text: v.text.replace(BAR, '') })),
      style,
    );
    if (displayWidth(withBars) <= width) out.push(withBars);
    else out.push(...wrapIndented(bare, width, '    '));
  }
  return out;
}

/** Renders blocks to lines no wider than `width` (bar a word longer than the width). */
export function blocksToLines(blocks: readonly Block[], style: Style, width: number, options: LineOptions = {}): string[] {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table' && (options.plain || naturalWidth(b, style) > width)) {
      lines.push(...stacked(b, style, width, options), '');
    } else {
      const text = toText([b], style, width).replace(/\n+$/, '').split('\n');
      // Headings come out unwrapped, and a long word can overrun: wrap what is still too wide.
      lines.push(...text.flatMap((l) => (displayWidth(l) > width ? wrap(l, width) : [l])), '');
    }
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A paragraph wrapped to `width`, as lines. */
export function wrapped(text: Line, style: Style, width: number, indent = ''): string[] {
  return wrapIndented(styleLine(text, style), width, indent);
}
