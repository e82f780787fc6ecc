/**
 * The keys each screen lists under it (what they do is in app-state.ts's keyAction). Essential
 * ones stay when a short terminal has room for no more: the key that goes on, and the way out.
 */
import type { StartMode } from '../questionnaire/session.js';
import { DATA_KEY } from '../questionnaire/wording.js';
import type { Hint } from '../questionnaire/wording.js';

/** `d` and the data set it switches to, where one is offered. */
const dataHint = (other: string | undefined): readonly Hint[] => (other === undefined ? [] : [[DATA_KEY, other]]);

/** "← back" only where there is something to go back to. */
export const questionHints = (canGoBack: boolean, other?: string): readonly Hint[] => [
  ['Enter', 'answer', 'essential'],
  ...(canGoBack ? [['←', 'back'] as const] : []),
  ['?', 'evidence'],
  ['t', 'tree'],
  ['c', 'checklist instead'],
  ...dataHint(other),
  ['r', 'restart'],
  ['q', 'quit', 'essential'],
];

/** ← leads back to the questions only when the walk started with them. */
export const checklistHints = (start: StartMode, other?: string): readonly Hint[] => [
  ['Space', 'tick', 'essential'],
  ['Enter', 'confirm', 'essential'],
  ['?', 'evidence'],
  ['c', 'one question at a time'],
  ...dataHint(other),
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
export function resultHints(more: number | undefined, other?: string): readonly Hint[] {
  const m: readonly Hint[] = more === undefined ? [] : [['m', more === 0 ? 'exact answer' : 'ask more']];
  return [
    ['Enter', 'done', 'essential'],
    ...m,
    ['s', 'save answers'],
    ['t', 'tree'],
    ['?', 'evidence'],
    ['←', 'back', 'essential'],
    ['r', 'restart'],
    ...dataHint(other),
  ];
}

export const VIEW_HINTS: readonly Hint[] = [['Esc', 'back', 'essential']];
