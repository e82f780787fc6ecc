/**
 * A criteria file that cannot be used, with every problem at its line and column. Apart from the
 * parser so that the CLI can recognise the error without loading the YAML parser.
 */
import { brand, branded, printable, UserError } from '../errors.js';

export interface Problem {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Most problems listed; past this the rest are counted, so a hostile file cannot flood stderr. */
const MAX_LISTED = 20;

function formatProblems(file: string, problems: readonly Problem[]): string {
  const ordered = [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
  const shown = printable(file);
  const lines = [...new Set(ordered.map((p) => `${shown}:${p.line}:${p.col}: ${p.message}`))];
  if (lines.length <= MAX_LISTED) return lines.join('\n');
  return [...lines.slice(0, MAX_LISTED), `${shown}: and ${lines.length - MAX_LISTED} more problems; fix these first.`].join('\n');
}

/** The message lists every problem as FILE:LINE:COL: text, and nothing else. */
export class StudyError extends UserError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, 'StudyError');
  }

  constructor(
    readonly file: string,
    readonly problems: readonly Problem[],
  ) {
    super(formatProblems(file, problems));
    this.name = 'StudyError';
    brand(this, 'StudyError');
  }
}
