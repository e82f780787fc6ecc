/**
 * The interactive app's state and every move the keys can make, as a reducer: which screen shows,
 * the session behind it, the checklist's ticks, and the transcript that goes to the scrollback.
 * Kept apart from the components so each transition reads (and can be tested) on its own.
 */
import type { Style } from '../render/style.js';
import { answer, back, extend, fromTicks, knownAnswers, locate, startSession } from './session.js';
import type { Position, Session } from './session.js';
import { transcript } from './texts.js';
import type { Trees } from './trees.js';

export type Mode = 'questions' | 'checklist';
export type Overlay = 'evidence' | 'tree';
export type Screen = 'question' | 'checklist' | 'walk' | 'result' | Overlay | 'none';

/** One entry of the transcript printed above the live area (Ink's <Static>). */
export interface LogEntry {
  readonly id: number;
  readonly text: string;
}

export interface AppState {
  readonly session: Session;
  /** How the user chose to answer at the start; a restart returns to it. */
  readonly start: Mode;
  readonly mode: Mode;
  /** The checklist's progress: ticking, watching the walk, then the result. */
  readonly stage: 'ticking' | 'walking' | 'answered';
  readonly ticked: ReadonlySet<number>;
  /** Highlighted row of the checklist. */
  readonly cursor: number;
  readonly overlay?: Overlay;
  readonly log: readonly LogEntry[];
  /** Counts restarts, so screens that keep their own state (a highlighted choice) start afresh. */
  readonly epoch: number;
  /** A one-off remark for the last key (e.g. nothing to go back to). */
  readonly notice?: string;
  readonly finished?: 'done' | 'cancelled';
}

export type Action =
  | { readonly type: 'answer'; readonly important: boolean }
  | { readonly type: 'back' }
  | { readonly type: 'restart' }
  | { readonly type: 'more' }
  | { readonly type: 'overlay'; readonly overlay?: Overlay }
  | { readonly type: 'mode'; readonly mode: Mode }
  | { readonly type: 'move'; readonly by: number }
  /** Ticks or unticks the checklist row `at` (default: the highlighted one) and highlights it. */
  | { readonly type: 'toggle'; readonly at?: number }
  | { readonly type: 'confirm' }
  | { readonly type: 'walked' }
  | { readonly type: 'finish' }
  /** Any other key: only clears a remark. */
  | { readonly type: 'dismiss' }
  | { readonly type: 'cancel' };

export function initialState(trees: Trees, start: Mode): AppState {
  return {
    session: startSession(trees.base),
    start,
    mode: start,
    stage: 'ticking',
    ticked: new Set(),
    cursor: 0,
    epoch: 0,
    log: [],
  };
}

/** The screen under any overlay. */
export function baseScreen(state: AppState): Exclude<Screen, Overlay | 'none'> {
  if (state.mode === 'checklist' && state.stage === 'ticking') return 'checklist';
  if (state.mode === 'checklist' && state.stage === 'walking') return 'walk';
  return locate(state.session).kind;
}

export function screenOf(state: AppState): Screen {
  if (state.finished) return 'none';
  return state.overlay ?? baseScreen(state);
}

export function resultOf(state: AppState): Extract<Position, { kind: 'result' }> | undefined {
  const at = locate(state.session);
  return at.kind === 'result' ? at : undefined;
}

export function makeReducer(trees: Trees, style: Style) {
  const { study } = trees.base;

  const logged = (state: AppState, text: string): AppState => ({
    ...state,
    log: [...state.log, { id: (state.log[state.log.length - 1]?.id ?? -1) + 1, text }],
  });

  function goBack(state: AppState): AppState {
    const screen = baseScreen(state);
    if (screen === 'walk') return { ...state, stage: 'ticking' };
    if (screen === 'checklist') {
      if (state.start === 'questions') return { ...state, mode: 'questions' };
      return { ...state, notice: 'The checklist is where this walk starts; there is nothing before it.' };
    }
    if (screen === 'result' && state.mode === 'checklist' && state.session.extendedAt === undefined) {
      return { ...state, stage: 'ticking' };
    }
    const previous = back(state.session);
    if (!previous) return { ...state, notice: 'This is the first question; there is nothing to go back to.' };
    const at = locate(previous);
    const text = at.kind === 'question' ? transcript.back(study, at.criterion, style) : transcript.backToResult(previous.fitted, style);
    return logged({ ...state, session: previous }, text);
  }

  return function reduce(prior: AppState, action: Action): AppState {
    const { notice: _, ...state } = prior;
    switch (action.type) {
      case 'answer': {
        const at = locate(state.session);
        if (at.kind !== 'question') return state;
        const session = answer(state.session, action.important);
        return logged({ ...state, session }, transcript.answered(study, { criterion: at.criterion, important: action.important }, style));
      }
      case 'back':
        return goBack(state);
      case 'restart':
        return logged(
          { ...initialState(trees, state.start), log: state.log, epoch: state.epoch + 1 },
          transcript.restart(style),
        );
      case 'more': {
        const at = locate(state.session);
        if (at.kind !== 'result' || !at.exactable) return state;
        const unlimited = trees.unlimited();
        return logged({ ...state, session: extend(state.session, unlimited) }, transcript.more(unlimited, style));
      }
      case 'overlay':
        return { ...state, overlay: action.overlay };
      case 'mode': {
        if (action.mode === 'questions') return { ...state, mode: 'questions' };
        const known = knownAnswers(state.session);
        const ticked = new Set([...known].filter(([, important]) => important).map(([c]) => c));
        return { ...state, mode: 'checklist', stage: 'ticking', ticked, cursor: 0 };
      }
      case 'move': {
        const n = trees.base.featureCriteria.length;
        return { ...state, cursor: (((state.cursor + action.by) % n) + n) % n };
      }
      case 'toggle': {
        const cursor = action.at ?? state.cursor;
        const criterion = trees.base.featureCriteria[cursor];
        if (criterion === undefined) return state;
        const ticked = new Set(state.ticked);
        if (!ticked.delete(criterion)) ticked.add(criterion);
        return { ...state, ticked, cursor };
      }
      case 'confirm': {
        const order = trees.base.featureCriteria.filter((c) => state.ticked.has(c));
        return logged({ ...state, session: fromTicks(state.session, state.ticked), stage: 'walking' }, transcript.ticked(study, order, style));
      }
      case 'walked':
        return { ...state, stage: 'answered' };
      case 'finish':
        return resultOf(state) ? { ...state, finished: 'done' } : state;
      case 'cancel':
        return { ...state, finished: 'cancelled' };
      case 'dismiss':
        return state;
    }
  };
}
