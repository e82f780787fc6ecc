/**
 * The terminal the questionnaire runs on, and giving it back. Keys come from stdin (in raw mode,
 * set by Ink); the screens are drawn on `fd` — stderr, or /dev/tty when stderr is redirected —
 * so that stdout stays free for the result (`reprotree | tee advice.txt`).
 *
 * Whatever ends the program, the terminal is restored at once and in the same tick: raw mode off,
 * cursor shown, the live area erased. SIGINT, SIGTERM and SIGHUP do that synchronously in their
 * handler and exit 128 + the signal's number, so a second signal arriving a few milliseconds later
 * finds a cooked terminal and nothing left to do. Ctrl-Z (a key in raw mode) and SIGTSTP give the
 * terminal back before stopping; SIGCONT (`fg`) takes it again and redraws.
 */
import { writeSync } from 'node:fs';
import { WriteStream } from 'node:tty';
import type { Glyphs } from '../render/glyphs.js';
import { Screen } from './screen.js';

const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';

const CODES: Readonly<Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
type Ending = keyof typeof CODES;

/** What the terminal needs from the app on screen: a way to erase its live area. */
export interface LiveArea {
  clear(): void;
}

export interface Terminal {
  /** The stream to give Ink as its stdout. */
  readonly screen: Screen;
  /** The app drawing on the screen, once mounted: what a signal or a suspend erases. */
  attach(area: LiveArea): void;
  /** Ctrl-Z: erase the live area, give the terminal back and stop until `fg`. */
  suspend(): void;
  /** Leaves the terminal as it was found; the handlers go. */
  close(): void;
}

/** Node keeps a tty stream's size up to date on SIGWINCH only for stdout and stderr. */
interface Resizable {
  _refreshSize?: () => void;
}

export function openTerminal(fd: number, glyphs: Glyphs): Terminal {
  const out = fd === 2 ? process.stderr : new WriteStream(fd);
  const screen = new Screen(out, glyphs);
  const input = process.stdin;
  let area: LiveArea | undefined;
  let ending = false;

  /** Writes to the terminal now, whatever state the event loop is in. */
  const now = (text: string) => {
    try {
      writeSync(fd, text);
    } catch {
      // A terminal that has gone (SIGHUP) cannot be restored; there is nothing else to do.
    }
  };
  /** Raw mode off and the cursor back; safe to call any number of times. */
  const restore = () => {
    try {
      if (input.isTTY && input.isRaw) input.setRawMode(false);
    } catch {
      // As above: no terminal, no mode to restore.
    }
    now(SHOW_CURSOR);
  };
  const erase = () => {
    try {
      area?.clear();
    } catch {
      // Ink may be half unmounted; restoring matters more than erasing.
    }
  };

  const onSignal = (signal: Ending) => {
    if (ending) return;
    ending = true;
    erase();
    restore();
    if (signal !== 'SIGHUP') {
      try {
        writeSync(2, glyphs.draw('Cancelled.\n'));
      } catch {
        // stderr closed: the exit code says it.
      }
    }
    process.exit(CODES[signal]);
  };
  const handlers = new Map((Object.keys(CODES) as Ending[]).map((signal) => [signal, () => onSignal(signal)]));
  const onResize = () => {
    (out as Resizable)._refreshSize?.();
    screen.resized();
  };
  const onStop = () => suspend();
  const onContinue = () => {
    process.on('SIGTSTP', onStop);
    if (input.isTTY) input.setRawMode(true);
    now(HIDE_CURSOR);
    screen.redraw();
  };
  function suspend(): void {
    erase();
    restore();
    // With our handler gone, SIGTSTP's default action stops the process, as the shell expects.
    process.off('SIGTSTP', onStop);
    process.once('SIGCONT', onContinue);
    process.kill(process.pid, 'SIGTSTP');
  }

  for (const [signal, handler] of handlers) process.on(signal, handler);
  process.on('SIGWINCH', onResize);
  process.on('SIGTSTP', onStop);
  now(HIDE_CURSOR);

  return {
    screen,
    attach(a) {
      area = a;
    },
    suspend,
    close() {
      for (const [signal, handler] of handlers) process.off(signal, handler);
      process.off('SIGWINCH', onResize);
      process.off('SIGTSTP', onStop);
      process.off('SIGCONT', onContinue);
      restore();
      area = undefined;
      // Closes /dev/tty; stderr stays open for what is left to say.
      if (out !== process.stderr) out.destroy();
    },
  };
}
