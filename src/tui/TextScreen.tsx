/**
 * A screen of text that may be taller than the terminal — the result, the evidence, the tree —
 * paged, with a few fixed lines under it (an offer, the keys) that never scroll away.
 */
import { Box } from 'ink';
import type { Hint } from '../questionnaire/wording.js';
import { readingWidth } from '../render/lines.js';
import { truncate } from '../render/terminal-text.js';
import type { Style } from '../render/style.js';
import { fitHints, usableRows } from './fit.js';
import { Lines } from './Lines.js';
import { Pager } from './Pager.js';
import { useStyle } from './style-context.js';
import type { Size } from './use-terminal-size.js';

export interface TextScreenProps {
  /** The text, one string per row, already fitted to the width. */
  readonly lines: readonly string[];
  /** Rows kept under the text before the keys, already wrapped (an offer to take). */
  readonly offer?: readonly string[];
  /** The keys to list at the bottom. */
  readonly hints: readonly Hint[];
  /** The terminal's size: the text pages within it. */
  readonly size: Size;
  /** Whether the text scrolls with the keys. */
  readonly isActive?: boolean;
  /** A line to have in view at first. */
  readonly focus?: number;
}

/** The pager's rows (a line of text and its status at least) and the rows fixed under it. */
export interface TextLayout {
  readonly height: number;
  readonly footer: readonly string[];
}

/** Pager rows a screen needs at the least: one line of text and the line saying where it is. */
const MIN_PAGE = 2;
/** Pager rows worth giving up the blank row, the lesser keys and the offer's length for. */
const GOOD_PAGE = 5;

/**
 * The footer and the pager's height in the terminal's rows, or undefined when there is no room.
 * As rows run short, the blank row above the footer goes first, then the offer shrinks to one
 * row, then the keys that are not essential go, until the text has a few rows to show.
 */
export function textLayout(offer: readonly string[], hints: readonly Hint[], style: Style, size: Size): TextLayout | undefined {
  const width = readingWidth(size.columns);
  const rows = usableRows(size.rows);
  const offerRows = Math.min(offer.length, 1);
  const keys = fitHints(hints, style, width, rows - MIN_PAGE - offerRows);
  if (!keys) return undefined;
  const essential = fitHints(
    hints.filter((h) => h[2] === 'essential'),
    style,
    width,
    rows - MIN_PAGE - offerRows,
  );
  const shortOffer = offer.length > 0 ? [truncate(offer.join(' '), width)] : [];
  const footers = [
    ['', ...offer, ...keys],
    [...offer, ...keys],
    [...shortOffer, ...keys],
    [...shortOffer, ...(essential ?? keys)],
  ];
  const fitting = footers.filter((footer) => rows - footer.length >= MIN_PAGE);
  const footer = fitting.find((f) => rows - f.length >= GOOD_PAGE) ?? fitting[fitting.length - 1];
  return footer ? { height: rows - footer.length, footer } : undefined;
}

export function TextScreen({ lines, offer = [], hints, size, isActive = true, focus }: TextScreenProps) {
  const style = useStyle();
  const layout = textLayout(offer, hints, style, size);
  if (!layout) return null;
  return (
    <Box flexDirection="column">
      <Pager lines={lines} height={layout.height} width={size.columns} isActive={isActive} focus={focus} />
      <Lines lines={layout.footer} width={size.columns} />
    </Box>
  );
}
