/**
 * Fitting a screen into a short terminal. Every screen keeps its live area shorter than the
 * terminal (Ink clears the scrollback when a frame is as tall as it, and a taller one scrolls out
 * of reach of the redraw). What must show comes first and the rest gives way; when even what
 * must show has no room, the screen says to make the terminal taller instead.
 */
import { wrapped } from '../render/lines.js';
import { truncate } from '../render/terminal-text.js';
import type { Style } from '../render/style.js';
import { hintLines, notices } from '../questionnaire/wording.js';
import type { Hint } from '../questionnaire/wording.js';

/** Rows a screen may fill: one short of the terminal, for the cursor's row under the frame. */
export const usableRows = (rows: number): number => rows - 1;

/** The key hints in at most `room` rows: all of them, else the essential ones, else undefined. */
export function fitHints(hints: readonly Hint[], style: Style, width: number, room: number): string[] | undefined {
  const all = hintLines(hints, style, width);
  if (all.length <= room) return all;
  const essential = hintLines(
    hints.filter((h) => h[2] === 'essential'),
    style,
    width,
  );
  return essential.length <= room ? essential : undefined;
}

/**
 * What shows instead of a screen there is no room for: one sentence, in as many rows as it takes
 * and the terminal has (at least one, cut short if it must be).
 */
export function tooSmallLines(what: string, out: string, style: Style, width: number, rows: number): string[] {
  const lines = wrapped(notices.tooSmall(what, out), style, width).map((l) => style.yellow(l));
  const room = Math.max(1, usableRows(rows));
  if (lines.length <= room) return lines;
  const kept = lines.slice(0, room);
  kept[room - 1] = truncate(`${kept[room - 1]!} …`, width);
  return kept;
}
