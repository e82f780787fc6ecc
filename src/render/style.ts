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

/** Whether to colour output going to `stream`, given the --no-color flag and the environment. */
export function colorWanted(stream: { isTTY?: boolean }, noColorFlag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (noColorFlag) return false;
  // As in Node itself: FORCE_COLOR, when set, wins over NO_COLOR.
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** The escape code that sets a style (SGR), as `wrap` writes them; matching it is the point. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: an escape code starts with ESC.
const STYLE_CODE = /\u001b\[[0-9;]*m/;
const STYLE_CODES = new RegExp(STYLE_CODE.source, 'g');
const STYLE_CODE_AT = new RegExp(STYLE_CODE.source, 'y');

/** The text without its style codes. */
export function unstyled(s: string): string {
  return s.replace(STYLE_CODES, '');
}

/** The style code that starts at `index` of `s`, if one does. */
export function styleCodeAt(s: string, index: number): string | undefined {
  STYLE_CODE_AT.lastIndex = index;
  return STYLE_CODE_AT.exec(s)?.[0];
}

/** Visible width of a string, ignoring ANSI colour codes (text here is ASCII plus box/bar glyphs). */
export function visibleWidth(s: string): number {
  return [...unstyled(s)].length;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - visibleWidth(s))) + s;
}
