/**
 * The keys each screen lists under it (what they do is in app-state.ts's keyAction). Essential
 * ones stay when a short terminal has room for no more: the key that goes on, and the way out.
 */
import type { StartMode } from '../questionnaire/session.js';
import type { Hint } from '../questionnaire/wording.js';

/** "← back" only where there is something to go back to. */
export const questionHints = (canGoBack: boolean): readonly Hint[] => [
  ['Enter', 'answer', 'essential'],
  ...(canGoBack ? [['←', 'back'] as const] : []),
  ['?', 'evidence'],
  ['t', 'tree'],
  ['c', 'checklist instead'],
  ['r', 'restart'],
  ['q', 'quit', 'essential'],
];

/** ← leads back to the questions only when the walk started with them. */
export const checklistHints = (start: StartMode): readonly Hint[] => [
  ['Space', 'tick', 'essential'],
  ['Enter', 'confirm', 'essential'],
  ['?', 'evidence'],
  ['c', 'one question at a time'],
  ...(start === 'questions' ? [['←', 'back'] as const] : []),
  ['q', 'quit', 'essential'],
];

export const WALK_HINTS: readonly Hint[] = [
  ['Enter', 'see why', 'essential'],
  ['←', 'change the ticks'],
  ['r', 'restart'],
  ['q', 'quit', 'essential'],
];

/** On a majority leaf `m` takes the offer of the exact answer: `more` questions, or none. */
export function resultHints(more: number | undefined): readonly Hint[] {
  const m: readonly Hint[] = more === undefined ? [] : [['m', more === 0 ? 'exact answer' : 'ask more']];
  return [
    ['Enter', 'done', 'essential'],
    ...m,
    ['s', 'save answers'],
    ['t', 'tree'],
    ['?', 'evidence'],
    ['←', 'back', 'essential'],
    ['r', 'restart'],
  ];
}

export const VIEW_HINTS: readonly Hint[] = [['Esc', 'back', 'essential']];
