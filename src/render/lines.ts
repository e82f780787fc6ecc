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
import { displayWidth, padEnd, padStart, wrap } from './terminal-text.js';

/** Running text wider than this is hard to read, however wide the terminal. */
export const MAX_READING_WIDTH = 100;

/** The columns text is wrapped to in a terminal `columns` wide. */
export function readingWidth(columns: number): number {
  return Math.min(columns, MAX_READING_WIDTH);
}

export interface LineOptions {
  /** No bars or rules, and no columns to line up: for screen readers. */
  readonly plain?: boolean;
  /** How wide a table may be, when wider than prose's reading width (the terminal's whole width). */
  readonly tableWidth?: number;
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

/** A bar and the space before it, as format.ts's bar() draws it after a score. */
const BAR = / ?[█▏▎▍▌▋▊▉]+/g;

/**
 * A table too wide for `width`, one row after another. Its leading columns name a row (a mark
 * and the criterion); the rest are values, each named by its header. The first of these layouts
 * in which every line of every row fits is taken, so the rows read alike: each row on one line;
 * the row's name on a line and its values on the next; the same without bars (the scores alone
 * still say who leads); one value per line, names padded to a column; and, as a last resort,
 * one value per line with the score first and the name wrapped beside it, or, where values are
 * sentences rather than scores, each value wrapped under its name.
 */
function stacked(t: Table, style: Style, width: number, options: LineOptions): string[] {
  const labelCount = t.labels ?? 1;
  const noBars = (spans: readonly Span[]): Span[] => spans.map((s) => ({ ...s, text: s.text.replace(BAR, '') }));
  const clean = (line: Line): Span[] => (options.plain ? noBars(spansOf(line)) : [...spansOf(line)]);
  const headers = t.header.slice(labelCount);
  const rows = t.rows.map((row) => {
    const labels = row.slice(0, labelCount).filter((c) => plain(c).trim() !== '');
    const cells = row.slice(labelCount).map(clean);
    const label: Span[] = labels.flatMap((c, i) => [...(i > 0 ? [span(' ')] : []), ...clean(c)]);
    const named = (i: number, name = headers[i] ?? ''): Span[] => [span(`${name} `, options.plain ? undefined : 'dim'), ...cells[i]!];
    const values: Span[] = cells.flatMap((_, i) => [...(i > 0 ? [span(options.plain ? ', ' : '  ')] : []), ...named(i)]);
    return { label, cells, named, values };
  });
  const one = (spans: readonly Span[], indent: string) => indent + styleLine(spans, style);
  const wrapSpans = (spans: readonly Span[], indent: string, more = '  ') => wrap(one(spans, indent), width, indent + more);
  if (options.plain) return rows.flatMap((r) => wrapSpans([...r.label, span(': '), ...r.values], ''));

  const column = Math.max(...headers.map(displayWidth));
  const scoreColumn = Math.max(...rows.flatMap((r) => r.cells.map((c) => displayWidth(plain(noBars(c))))));
  const layouts: ((r: (typeof rows)[number]) => string[])[] = [
    (r) => [one([...r.label, span('  '), ...r.values], '  ')],
    (r) => [...wrapSpans(r.label, '  '), one(r.values, '    ')],
    (r) => [...wrapSpans(r.label, '  '), one(noBars(r.values), '    ')],
    (r) => [...wrapSpans(r.label, '  '), ...r.cells.map((_, i) => one(r.named(i, padEnd(headers[i] ?? '', column)), '    '))],
    (r) => [
      ...wrapSpans(r.label, '  '),
      ...r.cells.flatMap((c, i) => {
        const score = styleLine(noBars(c), style);
        return wrap(`    ${padStart(score, scoreColumn)}  ${styleLine([span(headers[i] ?? '', 'dim')], style)}`, width, ' '.repeat(6 + scoreColumn));
      }),
    ],
  ];
  // Cells of text rather than scores (compare's table): each value under its name, wrapped.
  const prose = (r: (typeof rows)[number]) => [
    ...wrapSpans(r.label, '  '),
    ...r.cells.flatMap((c, i) => [...wrapSpans([span(headers[i] ?? '', 'dim')], '    '), ...wrapSpans(c, '      ', '')]),
  ];
  // The score-first layout pads every value to the widest; past a third of the width it is prose.
  const chosen = scoreColumn <= width / 3 ? layouts : [...layouts.slice(0, -1), prose];
  for (const layout of chosen) {
    const lines = rows.flatMap(layout);
    if (layout === chosen[chosen.length - 1] || lines.every((l) => displayWidth(l) <= width)) return lines;
  }
  return [];
}

/** Renders blocks to lines no wider than `width` (at least 2 columns, or a wide character overruns). */
export function blocksToLines(blocks: readonly Block[], style: Style, width: number, options: LineOptions = {}): string[] {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table' && options.plain) {
      lines.push(...stacked(b, style, width, options), '');
      continue;
    }
    // A table is never wrapped, so its text at `width` is its natural layout.
    const text = toText([b], style, width).replace(/\n+$/, '').split('\n');
    const widths = text.map(displayWidth);
    if (b.kind === 'table' && Math.max(...widths) > Math.max(width, options.tableWidth ?? 0)) {
      lines.push(...stacked(b, style, width, options), '');
      continue;
    }
    if (b.kind === 'table') {
      lines.push(...text, '');
      continue;
    }
    // Headings come out unwrapped, and a long word can overrun: wrap what is still too wide.
    lines.push(...text.flatMap((l, i) => (widths[i]! > width ? wrap(l, width) : [l])), '');
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A paragraph wrapped to `width`, as lines. */
export function wrapped(text: Line, style: Style, width: number, indent = ''): string[] {
  return wrapIndented(styleLine(text, style), width, indent);
}
