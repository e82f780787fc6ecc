/**
 * The terminal's size, following resizes. Screens lay their text out to it themselves: a live
 * area as tall as the terminal would make Ink clear the screen and the scrollback.
 */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/**
 * The size `stream` reports, or 80×24 where it reports none. The screen Ink draws on gives its
 * height as `terminalRows`, out of Ink's sight (screen.ts says why).
 */
const sizeOf = (stream: { readonly columns?: number; readonly rows?: number; readonly terminalRows?: number }): Size => ({
  columns: stream.columns || 80,
  rows: stream.terminalRows || stream.rows || 24,
});

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
