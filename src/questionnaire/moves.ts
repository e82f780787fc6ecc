/**
 * The moves a user can make in a walk, whatever key or typed word they came from, and what each
 * did. Both front ends map their input to a Move, apply it here and word the outcome with
 * wording.ts, so answering, going back, starting over and "ask more" behave the same in both.
 */
import type { FittedTree } from '../advice/model.js';
import { answer, back, extend, locate, startSession } from './session.js';
import type { Answer, Position, Session } from './session.js';
import type { Trees } from './trees.js';
import { notices } from './wording.js';

export type Move =
  | { readonly kind: 'answer'; readonly important: boolean }
  | { readonly kind: 'back' }
  | { readonly kind: 'restart' }
  /** On a majority leaf: go on, on the tree grown without its depth limit. */
  | { readonly kind: 'more' };

/** The session a move led to and what happened, for the transcript; or why nothing happened. */
export type Moved =
  | { readonly kind: 'answered'; readonly session: Session; readonly answer: Answer }
  | { readonly kind: 'went-back'; readonly session: Session; readonly to: Position }
  | { readonly kind: 'restarted'; readonly session: Session }
  | { readonly kind: 'extended'; readonly session: Session; readonly tree: FittedTree }
  | { readonly kind: 'refused'; readonly notice?: string };

export function applyMove(trees: Trees, session: Session, move: Move): Moved {
  const at = locate(session);
  switch (move.kind) {
    case 'answer': {
      if (at.kind !== 'question') return { kind: 'refused' };
      return { kind: 'answered', session: answer(session, move.important), answer: { criterion: at.criterion, important: move.important } };
    }
    case 'back': {
      const previous = back(session);
      if (!previous) return { kind: 'refused', notice: notices.firstQuestion };
      return { kind: 'went-back', session: previous, to: locate(previous) };
    }
    case 'restart':
      // Answers given before the walk stay: they came from the command line, not from this walk.
      return { kind: 'restarted', session: startSession(trees.base, session.preset) };
    case 'more': {
      if (at.kind !== 'result' || !at.exactable) return { kind: 'refused' };
      const unlimited = trees.unlimited();
      return { kind: 'extended', session: extend(session, unlimited), tree: unlimited };
    }
  }
}
