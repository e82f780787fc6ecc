/** The keys each screen lists under it (what they do is in app-state.ts's keyAction). */
import type { StartMode } from '../questionnaire/session.js';
import type { Hint } from '../questionnaire/wording.js';

export const QUESTION_HINTS: readonly Hint[] = [
  ['Enter', 'answer'],
  ['←', 'back'],
  ['?', 'evidence'],
  ['t', 'tree'],
  ['c', 'checklist instead'],
  ['r', 'restart'],
  ['q', 'quit'],
];

/** ← leads back to the questions only when the walk started with them. */
export const checklistHints = (start: StartMode): readonly Hint[] => [
  ['Space', 'tick'],
  ['Enter', 'confirm'],
  ['?', 'evidence'],
  ['c', 'one question at a time'],
  ...(start === 'questions' ? [['←', 'back'] as const] : []),
  ['q', 'quit'],
];

export const WALK_HINTS: readonly Hint[] = [
  ['Enter', 'see why'],
  ['←', 'change the ticks'],
  ['r', 'restart'],
  ['q', 'quit'],
];

/** On a majority leaf `m` takes the offer of the exact answer: `more` questions, or none. */
export function resultHints(more: number | undefined): readonly Hint[] {
  const m: readonly Hint[] = more === undefined ? [] : [['m', more === 0 ? 'exact answer' : 'ask more']];
  return [['Enter', 'done'], ...m, ['s', 'save answers'], ['t', 'tree'], ['?', 'evidence'], ['←', 'back'], ['r', 'restart']];
}

export const VIEW_HINTS: readonly Hint[] = [['Esc', 'back']];
