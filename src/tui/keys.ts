/**
 * Key presses as the questionnaire reads them, from Ink's input events. Two things Ink leaves to
 * the app: a run of characters that arrived together (a paste, `2` and Enter sent at once) is
 * one event, and is split into keys here; and an escape sequence whose bytes arrive apart (ESC,
 * then `[B` a few milliseconds later, over a slow link or from a loaded machine) reaches the app
 * as Esc followed by the text `[B`. So a lone Esc is held for a moment: if the rest of a sequence
 * follows, the two make the key they spell (Down); if not, it was Esc. The other way round, Esc and
 * a key read together reach Ink as Alt and that key, and are split again here.
 */

/** The parts of a key press the questionnaire reads. */
export interface KeyPress {
  readonly input: string;
  readonly ctrl?: boolean;
  readonly escape?: boolean;
  readonly return?: boolean;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
}

/** Ink's key flags, as useInput hands them over (its `meta` too, which a lone Esc sets). */
export type InkKey = Omit<KeyPress, 'input'> & { readonly meta?: boolean };

/**
 * How long a lone Esc waits for the rest of a sequence. Terminals send a key's bytes together, so
 * only a split across reads needs this; 100 ms is vim's ttimeoutlen, long enough for a slow link
 * and too short to notice on a deliberate Esc.
 */
export const ESCAPE_MS = 100;

const ESC: KeyPress = { input: '', escape: true };

/**
 * The keys in one input event. Ink passes a run of plain characters that arrived together (a
 * paste, `2` then Enter sent at once) as a single string; each of them is a key here.
 */
export function pressesOf(input: string, key: InkKey): KeyPress[] {
  const chars = [...input];
  const flagged = Object.values(key).some((v) => v === true);
  if (chars.length <= 1 || flagged) return [{ ...key, input }];
  return chars.map((ch): KeyPress => {
    if (ch === '\r' || ch === '\n') return { input: '', return: true };
    if (ch === '\u007f' || ch === '\b') return { input: '', backspace: true };
    if (ch === '\u0003') return { input: 'c', ctrl: true };
    return { input: ch };
  });
}

/** The keys CSI (`ESC [ … final`) and SS3 (`ESC O final`) sequences stand for. */
const FINALS: Readonly<Record<string, Omit<KeyPress, 'input'>>> = {
  A: { upArrow: true },
  B: { downArrow: true },
  C: { rightArrow: true },
  D: { leftArrow: true },
  H: { home: true },
  F: { end: true },
};
const TILDES: Readonly<Record<string, Omit<KeyPress, 'input'>>> = {
  '1': { home: true },
  '7': { home: true },
  '4': { end: true },
  '8': { end: true },
  '3': { delete: true },
  '5': { pageUp: true },
  '6': { pageDown: true },
};

const SEQUENCE = /^(?:\[([0-?]*)[ -/]*([@-~])|O([@-~]))/;
/** The start of a sequence that has not finished arriving. */
const PARTIAL = /^(?:\[[0-?]*[ -/]*|O)$/;

/** What `ESC` + `tail` spells: the key and how much of `tail` it took; undefined if no sequence. */
export function sequenceKey(tail: string): { press: KeyPress | undefined; length: number } | undefined {
  const m = SEQUENCE.exec(tail);
  if (!m) return undefined;
  const [whole, params = '', csiFinal, ss3Final] = m;
  const final = csiFinal ?? ss3Final!;
  const flags = final === '~' ? TILDES[params.split(';')[0] ?? ''] : FINALS[final];
  // A sequence for a key the questionnaire has no use for is swallowed whole, not typed.
  return { press: flags ? { input: '', ...flags } : undefined, length: whole.length };
}

export interface KeyReader {
  /** An input event from Ink. */
  push(input: string, key: InkKey): void;
  /** Drops a held Esc (the reader stops listening). */
  cancel(): void;
}

/** Turns Ink's input events into key presses for `emit`, holding a lone Esc for `escapeMs`. */
export function keyReader(emit: (press: KeyPress) => void, escapeMs = ESCAPE_MS): KeyReader {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** What came after a held Esc so far: the start of a sequence still arriving. */
  let tail = '';
  const hold = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const rest = tail;
      tail = '';
      emit(ESC);
      for (const p of pressesOf(rest, {})) if (rest !== '') emit(p);
    }, escapeMs);
  };
  const loneEscape = (input: string, key: InkKey) => key.escape === true && input === '';

  return {
    push(input, key) {
      if (timer !== undefined) {
        const flagged = Object.entries(key).some(([k, v]) => v === true && k !== 'shift');
        const text = tail + input;
        const seq = flagged ? undefined : sequenceKey(text);
        if (seq) {
          clearTimeout(timer);
          timer = undefined;
          tail = '';
          if (seq.press) emit(seq.press);
          const rest = text.slice(seq.length);
          if (rest !== '') for (const p of pressesOf(rest, {})) emit(p);
          return;
        }
        if (!flagged && PARTIAL.test(text)) {
          tail = text;
          hold();
          return;
        }
        // Not a sequence after all: the Esc was a key of its own, and so is what followed.
        clearTimeout(timer);
        timer = undefined;
        const before = tail;
        tail = '';
        emit(ESC);
        if (before !== '') for (const p of pressesOf(before, {})) emit(p);
      }
      if (loneEscape(input, key)) {
        hold();
        return;
      }
      // Esc and the next key read together reach Ink as one "Alt+key": the questionnaire has
      // no Alt keys, so they are the two keys typed.
      if (key.meta === true && key.escape !== true) {
        emit(ESC);
        for (const p of pressesOf(input, { ...key, meta: false })) emit(p);
        return;
      }
      for (const p of pressesOf(input, key)) emit(p);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      tail = '';
    },
  };
}
