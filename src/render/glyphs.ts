/**
 * The characters reprotree draws with beyond ASCII — box drawing, bars and shades, marks, arrows,
 * dashes — and their ASCII stand-ins for a terminal whose locale is not UTF-8 (LANG=C, LC_ALL=C),
 * where those characters come out as mojibake. Chosen once per run from the locale and handed down
 * next to the style; whatever writes text for a person passes it through `draw`. Pictures meant
 * for other programs (SVG, DOT, Mermaid, JSON) keep their characters.
 *
 * Every stand-in is one character for one, so columns that were lined up, and lines cut to the
 * terminal's width, stay so.
 */

/** How text is drawn for this run's terminal. */
export interface Glyphs {
  /** Whether non-ASCII drawing characters are replaced. */
  readonly ascii: boolean;
  /** `text` as this terminal can show it. */
  draw(text: string): string;
}

/** One ASCII character for each drawing character reprotree writes. */
const ASCII: Readonly<Record<string, string>> = {
  // Box drawing: light lines, and the heavy ones of a marked path.
  '─': '-',
  '━': '=',
  '│': '|',
  '┃': '|',
  '├': '|',
  '┠': '|',
  '┡': '|',
  '└': '`',
  '┗': '`',
  // Bars: whole cells, the larger eighths as a whole cell, the smaller ones as nothing.
  '█': '#',
  '▉': '#',
  '▊': '#',
  '▋': '#',
  '▌': '#',
  '▍': ' ',
  '▎': ' ',
  '▏': ' ',
  // A leaf's other classes, by share.
  '▓': '=',
  '▒': '-',
  '░': '.',
  // Marks.
  '●': '*',
  '○': 'o',
  '·': '-',
  '✔': '+',
  '✓': '+',
  '✗': 'x',
  '❯': '>',
  '▶': '>',
  '›': '>',
  '↩': '<',
  '↺': '*',
  '⇄': '~',
  '…': '~',
  '→': '>',
  '←': '<',
  '↑': '^',
  '↓': 'v',
  // Punctuation, in our sentences and in criteria files.
  '—': '-',
  '–': '-',
  '×': 'x',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '\u00a0': ' ',
};

const DRAWING = new RegExp(`[${Object.keys(ASCII).join('')}]`, 'g');

export const UNICODE_GLYPHS: Glyphs = { ascii: false, draw: (text) => text };

export const ASCII_GLYPHS: Glyphs = { ascii: true, draw: (text) => text.replace(DRAWING, (c) => ASCII[c] ?? c) };

/**
 * The glyphs the locale allows. The character set comes from LC_ALL, else LC_CTYPE, else LANG,
 * as in C's setlocale; one that is set and does not name UTF-8 (C, POSIX, en_US.ISO-8859-1) gets
 * ASCII. No locale at all is taken as UTF-8: containers and CI runners often set none while the
 * terminal in front of them shows UTF-8 fine.
 */
export function localeGlyphs(env: NodeJS.ProcessEnv = process.env): Glyphs {
  const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((v) => v !== undefined && v !== '');
  if (locale === undefined) return UNICODE_GLYPHS;
  return /utf-?8/i.test(locale) ? UNICODE_GLYPHS : ASCII_GLYPHS;
}
