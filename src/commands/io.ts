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
  /**
   * Writes a long result to stdout piece by piece, each once the reader has taken in the ones
   * before, so that output of a gigabyte into a slow pipe is never held in memory.
   */
  outPieces(pieces: Iterable<string | Uint8Array>): Promise<void>;
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
