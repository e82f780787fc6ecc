/** Text already wrapped to the terminal's width, one row per line, so a screen knows its height. */
import { Text } from 'ink';
import { truncate } from '../render/terminal-text.js';

export interface LinesProps {
  /** One string per row (ANSI styling allowed). */
  readonly lines: readonly string[];
  /** Columns available: a longer row is cut short with …, never wrapped onto a second row. */
  readonly width: number;
}

export function Lines({ lines, width }: LinesProps) {
  if (lines.length === 0) return null;
  // One text node for all rows: layout cost grows with nodes, and the rows are wrapped already.
  return <Text>{lines.map((l) => truncate(l, width)).join('\n')}</Text>;
}
