/**
 * The interactive app's state and every move the keys can make, as a reducer: which screen shows,
 * the session behind it, the checklist's ticks, and the transcript that goes to the scrollback.
 * Kept apart from the components so each transition reads (and can be tested) on its own.
 */
import type { Style } from '../render/style.js';
import { answer, back, extend, fromTicks, knownAnswers, locate, startSession, withTicks } from './session.js';
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
  /** How many steps of the checklist's walk show (its path, then the leaf). */
  readonly shown: number;
  /**
   * The highlighted choice of the question on screen, once the user has moved it (0 "it matters",
   * 1 "it does not"); otherwise the earlier answer's, or the first. Kept here, not in the
   * component, so an Enter that arrives with the arrow before it answers what the arrow chose.
   */
  readonly choice?: number;
  /** The walk one question at a time as it was when the checklist opened over it, for ←. */
  readonly asked?: Session;
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
  /** The walk's next step appears (its timer). */
  | { readonly type: 'step' }
  /** Enter on the walk: every step at once, or on to the result once all show. */
  | { readonly type: 'walked' }
  | { readonly type: 'finish' }
  /** Moves the question's highlight by `by` choices (wrapping). */
  | { readonly type: 'choose'; readonly by: number }
  /** Answers the question with the highlighted choice. */
  | { readonly type: 'select' }
  /** A key, mapped to one of the moves above by the state it finds (see keyAction). */
  | { readonly type: 'key'; readonly press: KeyPress }
  /** Any other key: only clears a remark. */
  | { readonly type: 'dismiss' }
  | { readonly type: 'cancel' };

/** The parts of Ink's key event the questionnaire reads. */
export interface KeyPress {
  readonly input: string;
  readonly ctrl?: boolean;
  readonly escape?: boolean;
  readonly return?: boolean;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
}

/**
 * The keys in one input event. Ink passes a run of plain characters that arrived together (a
 * paste, `2` then Enter sent at once) as a single string; each of them is a key here.
 */
export function pressesOf(input: string, key: Omit<KeyPress, 'input'> & { readonly meta?: boolean }): KeyPress[] {
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

const isBack = (k: KeyPress) => k.leftArrow === true || k.backspace === true || k.delete === true || k.input === 'b';

/** The question's highlighted choice: 0 "it matters", 1 "it does not". */
export function choiceOf(state: AppState): number {
  if (state.choice !== undefined) return state.choice;
  const at = locate(state.session);
  return at.kind === 'question' && at.previous === false ? 1 : 0;
}

/**
 * What a key does, decided from the state it arrives in. Ink hands over every key of a chunk (a
 * paste, `tmux send-keys Down Enter`, a slow link) before React re-renders, so a handler that
 * read the rendered state would see each key's predecessors undone; the reducer sees them done.
 * Keys the pager or the checklist's walk handle themselves map to nothing here.
 */
export function keyAction(state: AppState, k: KeyPress): Action | undefined {
  const screen = screenOf(state);
  const { input } = k;
  if (k.ctrl && input === 'c') return { type: 'cancel' };
  if (screen === 'none') return undefined;
  if (screen === 'evidence' || screen === 'tree') {
    return k.escape || k.return || isBack(k) || ['q', '?', 't'].includes(input) ? { type: 'overlay' } : undefined;
  }
  if (k.escape || input === 'q') return { type: screen === 'result' ? 'finish' : 'cancel' };
  if (screen === 'result' && k.return) return { type: 'finish' };
  if (isBack(k)) return { type: 'back' };
  if (input === 'r') return { type: 'restart' };
  if (input === '?') return { type: 'overlay', overlay: 'evidence' };
  if (input === 't' && screen !== 'walk') return { type: 'overlay', overlay: 'tree' };
  if (input === 'c' && screen === 'question') return { type: 'mode', mode: 'checklist' };
  if (input === 'c' && screen === 'checklist') return { type: 'mode', mode: 'questions' };
  if (input === 'm' && screen === 'result') return { type: 'more' };
  if (screen === 'question') {
    if (k.upArrow || input === 'k') return { type: 'choose', by: -1 };
    if (k.downArrow || input === 'j') return { type: 'choose', by: 1 };
    if (input === '1' || input === '2') return { type: 'answer', important: input === '1' };
    if (k.return) return { type: 'select' };
  }
  if (screen === 'checklist') {
    if (k.upArrow || input === 'k') return { type: 'move', by: -1 };
    if (k.downArrow || input === 'j') return { type: 'move', by: 1 };
    if (input === ' ') return { type: 'toggle' };
    if (/^[1-9]$/.test(input)) return { type: 'toggle', at: Number(input) - 1 };
    if (k.return) return { type: 'confirm' };
  }
  if (screen === 'walk' && (k.return || input === ' ')) return { type: 'walked' };
  return undefined;
}

export function initialState(trees: Trees, start: Mode): AppState {
  return {
    session: startSession(trees.base),
    start,
    mode: start,
    stage: 'ticking',
    ticked: new Set(),
    cursor: 0,
    shown: 0,
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

/** The steps of the checklist's walk: each question on its path, then the leaf. */
export function walkSteps(state: AppState): number {
  const at = locate(state.session);
  return at.kind === 'result' ? at.advice.path.length + 1 : 0;
}

/** `stepMs` 0 shows the checklist's walk whole at once. */
export function makeReducer(trees: Trees, style: Style, stepMs = 250) {
  const { study } = trees.base;

  const logged = (state: AppState, text: string): AppState => ({
    ...state,
    log: [...state.log, { id: (state.log[state.log.length - 1]?.id ?? -1) + 1, text }],
  });

  function goBack(state: AppState): AppState {
    const screen = baseScreen(state);
    if (screen === 'walk') return { ...state, stage: 'ticking' };
    if (screen === 'checklist') {
      if (state.start === 'questions') {
        const { asked, ...rest } = state;
        return { ...rest, mode: 'questions', session: asked ?? state.session };
      }
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

  /** A new question starts with its own default highlight. */
  function reduce(prior: AppState, action: Action): AppState {
    const next = step(prior, action);
    if (next.session === prior.session || next.choice === undefined) return next;
    const { choice: _, ...rest } = next;
    return rest;
  }

  function step(prior: AppState, action: Action): AppState {
    const { notice: _, ...state } = prior;
    switch (action.type) {
      case 'key': {
        const mapped = keyAction(prior, action.press);
        return mapped ? step(prior, mapped) : state;
      }
      case 'choose':
        return { ...state, choice: (((choiceOf(state) + action.by) % 2) + 2) % 2 };
      case 'select':
        return step(prior, { type: 'answer', important: choiceOf(state) === 0 });
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
        if (action.mode === 'questions') {
          // The questions start over; the ticks stay as each question's pre-selected answer.
          const { asked: _a, ...rest } = state;
          return { ...rest, mode: 'questions', session: withTicks(state.session, state.ticked) };
        }
        const known = knownAnswers(state.session);
        const ticked = new Set([...known].filter(([, important]) => important).map(([c]) => c));
        return { ...state, mode: 'checklist', stage: 'ticking', ticked, cursor: 0, asked: state.session };
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
        const walking: AppState = { ...state, session: fromTicks(state.session, state.ticked), stage: 'walking', shown: 1 };
        return logged(stepMs > 0 ? walking : { ...walking, shown: walkSteps(walking) }, transcript.ticked(study, order, style));
      }
      case 'step':
        return state.stage === 'walking' ? { ...state, shown: Math.min(state.shown + 1, walkSteps(state)) } : state;
      case 'walked':
        if (state.stage !== 'walking') return state;
        return state.shown < walkSteps(state) ? { ...state, shown: walkSteps(state) } : { ...state, stage: 'answered' };
      case 'finish':
        return resultOf(state) ? { ...state, finished: 'done' } : state;
      case 'cancel':
        return { ...state, finished: 'cancelled' };
      case 'dismiss':
        return state;
    }
  }

  return reduce;
}
