/**
 * A screen of text that may be taller than the terminal — the result, the evidence, the tree —
 * with a few fixed lines under it (offers and keys) that never scroll away.
 */
import { Box } from 'ink';
import { Lines } from './Lines.js';
import { Pager } from './Pager.js';
import type { Size } from './use-terminal-size.js';

export interface TextScreenProps {
  /** The text, one string per row, already fitted to the width. */
  readonly lines: readonly string[];
  /** Rows kept under the text, already wrapped. */
  readonly footer: readonly string[];
  /** The terminal's size: the text pages within it. */
  readonly size: Size;
  /** Whether the text scrolls with the keys. */
  readonly isActive?: boolean;
  /** A line to have in view at first. */
  readonly focus?: number;
}

export function TextScreen({ lines, footer, size, isActive = true, focus }: TextScreenProps) {
  // One row short of the terminal: at full height Ink clears the whole screen on each redraw.
  const height = Math.max(3, size.rows - 1 - footer.length - 1);
  return (
    <Box flexDirection="column">
      <Pager lines={lines} height={height} width={size.columns} isActive={isActive} focus={focus} />
      <Lines lines={['', ...footer]} width={size.columns} />
    </Box>
  );
}
