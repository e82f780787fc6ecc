/**
 * Terminal styling that can be switched off. Colour is on for a terminal, off for pipes and files,
 * and the user overrides it: `--no-color` or NO_COLOR (any value) turn it off, FORCE_COLOR
 * (other than 0) turns it on and wins over NO_COLOR, as in Node.
 */

export interface Style {
  readonly enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  magenta(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function createStyle(enabled: boolean): Style {
  if (!enabled) {
    const id = (s: string) => s;
    return { enabled, bold: id, dim: id, green: id, yellow: id, cyan: id, magenta: id };
  }
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    magenta: wrap(35, 39),
  };
}

/** No colour at all: for screen readers, logs and the default of a component tree. */
export const PLAIN_STYLE: Style = createStyle(false);

/** Whether to colour output going to `stream`, given the --no-color flag and the environment. */
export function colorWanted(stream: { isTTY?: boolean }, noColorFlag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (noColorFlag) return false;
  // As in Node itself: FORCE_COLOR, when set, wins over NO_COLOR.
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}
