/**
 * Progress on stderr. In a terminal: one status line (tracker, experiment, repetition i/N,
 * elapsed time) redrawn in place with a carriage return and erase-to-end-of-line, kept shorter
 * than the terminal so it never wraps, and with the cursor hidden while it is there; nothing
 * scrolls, clears the screen or touches the scrollback, and `close` (on every way out) erases the
 * line and shows the cursor again. Off a terminal (a log, a pipe, CI): plain lines, one per step.
 */
import { writeSync } from 'node:fs';

const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
const ERASE_LINE = '\r\u001b[K';

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly fd?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** What is going on now: redrawn in place, or written as a line when it changes (off a terminal). */
  status(text: string): void;
  /** A line that stays: a finding, a note. */
  line(text: string): void;
  /** Erases the status line and shows the cursor; safe to call more than once. */
  close(): void;
}

/** "1h02m", "3m07s", "12s". */
export function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m${String(sec).padStart(2, '0')}s`;
  return `${sec}s`;
}

/**
 * `draw` turns text for people into what the terminal can show (ASCII where the locale is not
 * UTF-8); `now` is the clock, for tests.
 */
export function createProgress(
  stream: ProgressStream,
  draw: (s: string) => string,
  now: () => number = Date.now,
  env: NodeJS.ProcessEnv = process.env,
): Progress {
  const start = now();
  // A terminal that cannot move the cursor (TERM=dumb) gets the plain lines a log gets.
  if (!stream.isTTY || env.TERM === 'dumb') {
    let last = '';
    return {
      status(text) {
        if (text === last) return;
        last = text;
        stream.write(draw(`reprotree measure: ${text} (${elapsed(now() - start)})\n`));
      },
      line(text) {
        stream.write(draw(`${text}\n`));
      },
      close() {},
    };
  }

  let current = '';
  let shown = false;
  let closed = false;
  // Synchronous writes: a status line must be erased even when the process is about to exit.
  const write = (text: string) => {
    try {
      if (stream.fd !== undefined) writeSync(stream.fd, text);
      else stream.write(text);
    } catch {
      // The terminal has gone; there is nothing left to draw on.
    }
  };
  const render = () => {
    if (closed || current === '') return;
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    let text = draw(`${current} · ${elapsed(now() - start)}`);
    // Code points, not UTF-16 units, so that a cut never splits a character; the ellipsis may be
    // '...' where the terminal has no '…'.
    const chars = [...text];
    const more = draw('…');
    if (chars.length > width) text = chars.slice(0, width - [...more].length).join('') + more;
    write((shown ? '' : HIDE_CURSOR) + ERASE_LINE + text);
    shown = true;
  };
  // The elapsed time ticks on while a long sample runs; unref: the timer never keeps the process up.
  const timer = setInterval(render, 1000);
  timer.unref();
  const restore = () => {
    if (shown) write(ERASE_LINE + SHOW_CURSOR);
    shown = false;
  };
  process.once('exit', restore);
  return {
    status(text) {
      current = text;
      render();
    },
    line(text) {
      // Erase the status line, write the line where it was, and draw the status under it.
      write((shown ? ERASE_LINE : '') + draw(`${text}\n`));
      render();
    },
    close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      restore();
      process.removeListener('exit', restore);
    },
  };
}
