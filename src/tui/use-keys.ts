/**
 * Ink's useInput, read through keys.ts: one call of `onKey` per key, in order, with an Esc held
 * briefly in case it starts an escape sequence whose bytes arrive apart.
 */
import { useInput } from 'ink';
import { useEffect, useMemo, useRef } from 'react';
import { ESCAPE_MS, keyReader } from './keys.js';
import type { KeyPress } from './keys.js';

export function useKeys(onKey: (press: KeyPress) => void, options: { readonly isActive?: boolean; readonly escapeMs?: number } = {}): void {
  const { isActive = true, escapeMs = ESCAPE_MS } = options;
  // The latest handler, without a new reader (and a lost held Esc) on every render.
  const handler = useRef(onKey);
  handler.current = onKey;
  const reader = useMemo(() => keyReader((press) => handler.current(press), escapeMs), [escapeMs]);
  // An Esc held when the keys are switched off belongs to no one.
  useEffect(() => {
    if (!isActive) reader.cancel();
    return () => reader.cancel();
  }, [reader, isActive]);
  useInput((input, key) => reader.push(input, key), { isActive });
}
