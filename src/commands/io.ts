/** Where a command writes, and how: every command and front end receives this next to its options. */
import type { Glyphs } from '../render/glyphs.js';
import type { Style } from '../render/style.js';

/** Milliseconds spent in each stage, for --timings. */
export interface Timings {
  load?: number;
  label?: number;
  fit?: number;
  render?: number;
}

export interface IO {
  /** Writes the result to stdout. */
  out(text: string | Uint8Array): void;
  /** Writes hints, notes and prompts to stderr. */
  err(text: string): void;
  /** Styling for stdout (colour only on a terminal, unless overridden). */
  readonly style: Style;
  /** Styling for another stream (the questionnaire's terminal), by the same flags and environment. */
  styleFor(stream: { readonly isTTY?: boolean }): Style;
  /** The characters the terminal can show (ASCII when the locale is not UTF-8), for text meant to be read. */
  readonly glyphs: Glyphs;
  /** Columns available on stdout (80 when it is not a terminal). */
  readonly width: number;
  readonly timings: Timings;
}
