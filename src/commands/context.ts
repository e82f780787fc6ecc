/** What every command receives: its parsed flags and where to write. */
import type { Parsed } from '../cli/parse.js';
import type { Style } from '../render/style.js';

export interface Timings {
  load?: number;
  label?: number;
  fit?: number;
  render?: number;
}

export interface Context {
  readonly parsed: Parsed;
  /** Styling for stdout (colour only on a terminal, unless overridden). */
  readonly style: Style;
  /** Columns available on stdout (80 when it is not a terminal). */
  readonly width: number;
  readonly timings: Timings;
  /** Writes the result to stdout (text, or bytes already encoded as UTF-8). */
  out(text: string | Uint8Array): void;
  /** Writes hints and notes to stderr. */
  err(text: string): void;
}
