/**
 * A window onto text taller than the terminal: ↑/↓ (or j/k) a line, PgUp/PgDn or Space a page,
 * Home/End (or g/G) the ends. It never draws more rows than it is given.
 */
import { useState } from 'react';
import { Lines } from './Lines.js';
import { useStyle } from './style-context.js';
import { useKeys } from './use-keys.js';

export interface PagerProps {
  /** The whole text, one string per row. */
  readonly lines: readonly string[];
  /** Rows the pager may use, its status line included. */
  readonly height: number;
  /** Columns: longer rows are cut short. */
  readonly width: number;
  /** Whether keys scroll it (off while another view has the keyboard). */
  readonly isActive?: boolean;
  /** A line to have in view at first (it starts mid-window). */
  readonly focus?: number;
}

export function Pager({ lines, height, width, isActive = true, focus }: PagerProps) {
  const style = useStyle();
  const scrolls = lines.length > height;
  const visible = scrolls ? Math.max(1, height - 1) : lines.length;
  const [offset, setOffset] = useState(() => (focus === undefined ? 0 : Math.max(0, focus - Math.floor(visible / 2))));
  const last = Math.max(0, lines.length - visible);
  const top = Math.min(offset, last);

  useKeys(
    (key) => {
      const { input } = key;
      const page = Math.max(1, visible - 1);
      // From the offset the previous key left, not the one drawn: keys can arrive together.
      let move: (top: number) => number;
      if (key.upArrow || input === 'k') move = (t) => t - 1;
      else if (key.downArrow || input === 'j') move = (t) => t + 1;
      else if (key.pageUp) move = (t) => t - page;
      else if (key.pageDown || input === ' ') move = (t) => t + page;
      else if (key.home || input === 'g') move = () => 0;
      else if (key.end || input === 'G') move = () => last;
      else return;
      setOffset((o) => Math.max(0, Math.min(last, move(Math.min(o, last)))));
    },
    { isActive: isActive && scrolls },
  );

  if (!scrolls) return <Lines lines={lines} width={width} />;
  const end = top + visible;
  const where = top === 0 ? '↓ for more' : end >= lines.length ? '↑ for earlier' : '↑↓ for more';
  const status = style.dim(`${top + 1}–${Math.min(end, lines.length)} of ${lines.length} · ${where} · PgUp PgDn`);
  return <Lines lines={[...lines.slice(top, end), status]} width={width} />;
}
