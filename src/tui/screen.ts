/**
 * The stream Ink draws on: the terminal, with Ink's redrawing made safe for the scrollback.
 *
 * Ink redraws its live area by erasing as many lines as its last frame had, counted as it wrote
 * them. After a resize the terminal has reflowed those lines (tmux, VS Code, GNOME Terminal and
 * iTerm2 rewrap lines wider than the new width), so the old frame takes more rows than Ink counts
 * and its top stays behind as a stale copy. This stream keeps the text of the lines it wrote and
 * turns each of Ink's "erase n lines" into "move up over the rows those lines take at the current
 * width, and erase below", so the whole of the old frame goes, however the terminal rewrapped it.
 *
 * It also hides two things from Ink. Its height: Ink clears the screen *and the scrollback*
 * (ESC[3J) whenever a frame is as tall as the terminal; the screens keep themselves shorter, and
 * without a height Ink cannot take that path at all. And that it is a terminal: Ink then leaves
 * the cursor to us, where it would hide it through cli-cursor, whose exit hook writes the code to
 * show it into process.stderr, be that a log file (`reprotree 2>log`).
 */
import { EventEmitter } from 'node:events';
import type { Glyphs } from '../render/glyphs.js';
import { displayWidth } from '../render/terminal-text.js';

/** The terminal the screen writes to. */
export interface TerminalOutput {
  write(text: string): unknown;
  readonly columns: number;
  readonly rows: number;
}

/**
 * The erase Ink's log-update writes before a frame: `n` times "erase the line", moving up between
 * them, then "to column 1" (ansi-escapes' eraseLines(n)).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: escape codes start with ESC.
const INK_ERASE = /^(?:\u001b\[2K(?:\u001b\[1A)?)+\u001b\[G/;
const ERASE_LINE = '\u001b[2K';

/** Lines kept for erasing: far more than any frame, which is shorter than the terminal. */
const KEPT = 2000;

export class Screen extends EventEmitter {
  /** Not a TTY to Ink (see above); the terminal's own size is read through `columns`. */
  readonly isTTY = false;
  /** Lines written so far, newest last, each ended by a newline. */
  private lines: string[] = [];
  /** Text after the last newline: the row the cursor is on. */
  private partial = '';
  /** The lines the last erase took away: the frame to draw again after a suspend. */
  private erased: string[] = [];

  constructor(
    private readonly out: TerminalOutput,
    private readonly glyphs: Glyphs,
  ) {
    super();
  }

  get columns(): number {
    return this.out.columns || 80;
  }

  /** The terminal's height, for the screens' layout; named so that Ink does not find it. */
  get terminalRows(): number {
    return this.out.rows || 24;
  }

  /** Ink's writes: frames, the transcript above them, and erases. */
  write(data: string | Uint8Array, encoding?: BufferEncoding | (() => void), callback?: () => void): boolean {
    const done = typeof encoding === 'function' ? encoding : callback;
    let text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    let codes = '';
    const erase = INK_ERASE.exec(text);
    if (erase) {
      codes = this.eraseLines(erase[0].split(ERASE_LINE).length - 1);
      text = text.slice(erase[0].length);
    }
    const drawn = this.glyphs.draw(text);
    this.track(drawn);
    if (codes + drawn !== '') this.out.write(codes + drawn);
    done?.();
    return true;
  }

  /** Text above the live area that Ink knows nothing of (the introduction). */
  print(text: string): void {
    this.write(text);
  }

  /** The terminal changed size: Ink and the screens lay out again. */
  resized(): void {
    this.emit('resize');
  }

  /** Draws again what the last erase took away (the frame, after a suspend). */
  redraw(): void {
    if (this.erased.length > 0) this.write(this.erased.map((l) => `${l}\n`).join(''));
  }

  /**
   * The codes that erase the cursor's row and the `n - 1` lines above it, as they lie on the
   * terminal now: each line takes as many rows as the current width makes of it. Row by row, as
   * Ink does, rather than "erase below" from the top: tmux keeps what a whole-screen erase from
   * the top left removes, so a frame as tall as the screen would end up in the scrollback.
   */
  private eraseLines(n: number): string {
    const above = Math.min(n - 1, this.lines.length);
    const gone = this.lines.splice(this.lines.length - above, above);
    const rows = gone.reduce((sum, line) => sum + this.rowsOf(line), 0) + this.rowsOf(this.partial) - 1;
    this.erased = gone;
    this.partial = '';
    return `${ERASE_LINE}${`\u001b[1A${ERASE_LINE}`.repeat(rows)}\u001b[G`;
  }

  private rowsOf(line: string): number {
    return Math.max(1, Math.ceil(displayWidth(line) / this.columns));
  }

  private track(text: string): void {
    if (text === '') return;
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    if (this.lines.length > KEPT) this.lines.splice(0, this.lines.length - KEPT);
  }
}
