/**
 * The terminal's size, following resizes. Screens lay their text out to it themselves: a live
 * area as tall as the terminal makes Ink clear the screen on every redraw.
 */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** The size `stream` reports, or 80×24 where it reports none. */
const sizeOf = (stream: { readonly columns?: number; readonly rows?: number }): Size => ({ columns: stream.columns || 80, rows: stream.rows || 24 });

export interface Size {
  readonly columns: number;
  readonly rows: number;
}

/** `fixed` wins when given (tests, or a caller that knows better). */
export function useTerminalSize(fixed?: Size): Size {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed]);
  return fixed ?? size;
}
