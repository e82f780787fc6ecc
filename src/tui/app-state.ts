/**
 * The interactive app's state and every move the keys can make, as a reducer: which screen shows,
 * the session behind it, the checklist's ticks, and the transcript that goes to the scrollback.
 * Kept apart from the components so each transition reads (and can be tested) on its own. The
 * walk itself moves through questionnaire/moves.ts, as line mode's does.
 */
import { applyMove } from '../questionnaire/moves.js';
import type { Move } from '../questionnaire/moves.js';
import { fromTicks, knownAnswers, locate, startSession, withTicks } from '../questionnaire/session.js';
import type { ResultPosition, Session, StartMode } from '../questionnaire/session.js';
import type { Trees } from '../questionnaire/trees.js';
import { DATA_KEY, notices, transcript } from '../questionnaire/wording.js';
import { plural } from '../render/format.js';
import type { Style } from '../render/style.js';
import type { KeyPress } from './keys.js';

export type Overlay = 'evidence' | 'tree';
export type Screen = 'question' | 'checklist' | 'walk' | 'result' | Overlay | 'none';

/** One entry of the transcript printed above the live area (Ink's <Static>). */
export interface LogEntry {
  readonly id: number;
  readonly text: string;
}

/** The checklist's ticks, kept through its walk and result so that ← returns to them. */
export interface Ticks {
  readonly ticked: ReadonlySet<number>;
  /** Highlighted row of the checklist. */
  readonly cursor: number;
  /** The walk one question at a time as it was when the checklist opened over it, for ←. */
  readonly asked?: { readonly session: Session; readonly choice?: number };
}

/**
 * The highlighted choice of the question on screen, once the user has moved it (0 "it matters",
 * 1 "it does not"); otherwise the earlier answer's, or the first. Kept here, not in the
 * component, so an Enter that arrives with the arrow before it answers what the arrow chose.
 */
interface Choosing {
  readonly choice?: number;
}

/** Where the user is in the two ways of answering. */
export type Phase =
  /** One question at a time, then the result. */
  | ({ readonly kind: 'questions' } & Choosing)
  /** Ticking the checklist. */
  | ({ readonly kind: 'ticking' } & Ticks)
  /** Watching the tree's walk with the ticks; `shown` steps show (its path, then the leaf). */
  | ({ readonly kind: 'walking'; readonly shown: number } & Ticks)
  /** The checklist's result, and any questions "ask more" brings after it. */
  | ({ readonly kind: 'ticked' } & Ticks & Choosing);

export interface LiveState {
  readonly kind: 'live';
  readonly session: Session;
  /** How the user chose to answer at the start; a restart returns to it. */
  readonly start: StartMode;
  readonly phase: Phase;
  readonly overlay?: Overlay;
  /** A one-off remark for the last key (e.g. nothing to go back to). */
  readonly notice?: string;
  /** `q` asked whether to quit and lose these ("2 answers"); the next key says. */
  readonly quitting?: string;
  readonly log: readonly LogEntry[];
  /** Counts restarts, so screens that keep their own state (a highlighted choice) start afresh. */
  readonly epoch: number;
  /**
   * The latest `s` on a result: the answers to save, numbered so that each press saves once. The
   * app saves them (a write is no work for a reducer) and reports back with `saved`.
   */
  readonly saveRequest?: { readonly id: number; readonly session: Session };
  /** The other bundled data set, which `d` starts the walk over on; undefined when none is offered. */
  readonly otherData?: string;
}

/** The app has ended: on a result the user accepted, or cancelled. */
export type FinishedState =
  | { readonly kind: 'done'; readonly session: Session; readonly result: ResultPosition; readonly log: readonly LogEntry[] }
  | { readonly kind: 'cancelled'; readonly log: readonly LogEntry[] }
  /** `d`: the walk is to start over on the other data set. */
  | { readonly kind: 'switch'; readonly log: readonly LogEntry[] };

export type AppState = LiveState | FinishedState;

export type Action =
  | { readonly type: 'answer'; readonly important: boolean }
  | { readonly type: 'back' }
  | { readonly type: 'restart' }
  | { readonly type: 'more' }
  | { readonly type: 'overlay'; readonly overlay?: Overlay }
  | { readonly type: 'mode'; readonly mode: StartMode }
  | { readonly type: 'move'; readonly by: number }
  /** Ticks or unticks the checklist row `at` (default: the highlighted one) and highlights it. */
  | { readonly type: 'toggle'; readonly at?: number }
  | { readonly type: 'confirm' }
  /** The walk's next step appears (its timer). */
  | { readonly type: 'step' }
  /** Enter on the walk: every step at once, or on to the result once all show. */
  | { readonly type: 'walked' }
  | { readonly type: 'finish' }
  /** `q`: quits at once, or first asks when answers would be lost. */
  | { readonly type: 'quit' }
  /** `d`: leave this walk for the other data set. */
  | { readonly type: 'switch-data' }
  /** Saves the result's answers (the `s` key). */
  | { readonly type: 'save' }
  /** The app saved them, or could not: the remark to show. */
  | { readonly type: 'saved'; readonly notice: string }
  /** Moves the question's highlight by `by` choices (wrapping). */
  | { readonly type: 'choose'; readonly by: number }
  /** Answers the question with the highlighted choice. */
  | { readonly type: 'select' }
  /** A key, mapped to one of the moves above by the state it finds (see keyAction). */
  | { readonly type: 'key'; readonly press: KeyPress }
  /** Any other key: only clears a remark. */
  | { readonly type: 'dismiss' }
  | { readonly type: 'cancel' };

const isBack = (k: KeyPress) => k.leftArrow === true || k.backspace === true || k.delete === true || k.input === 'b';

/** The question's highlighted choice: 0 "it matters", 1 "it does not". */
export function choiceOf(state: LiveState): number {
  if ('choice' in state.phase && state.phase.choice !== undefined) return state.phase.choice;
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
  // After "quit?": q or y quits, and any other key stays.
  if (state.kind === 'live' && state.quitting !== undefined) return input === 'q' || input === 'y' ? { type: 'cancel' } : { type: 'dismiss' };
  if (screen === 'evidence' || screen === 'tree') {
    return k.escape || k.return || isBack(k) || ['q', '?', 't'].includes(input) ? { type: 'overlay' } : undefined;
  }
  // Esc goes back, as it closes a view: it never quits.
  if (k.escape || isBack(k)) return { type: 'back' };
  if (input === 'q') return { type: screen === 'result' ? 'finish' : 'quit' };
  if (screen === 'result' && k.return) return { type: 'finish' };
  if (input === 'r') return { type: 'restart' };
  if (input === '?') return { type: 'overlay', overlay: 'evidence' };
  if (input === 't' && screen !== 'walk') return { type: 'overlay', overlay: 'tree' };
  if (input === 'c' && screen === 'question') return { type: 'mode', mode: 'checklist' };
  if (input === 'c' && screen === 'checklist') return { type: 'mode', mode: 'questions' };
  if (input === 'm' && screen === 'result') return { type: 'more' };
  if (input === 's' && screen === 'result') return { type: 'save' };
  if (input === DATA_KEY && state.kind === 'live' && state.otherData !== undefined && screen !== 'walk') return { type: 'switch-data' };
  if (screen === 'question') {
    if (k.upArrow || input === 'k') return { type: 'choose', by: -1 };
    if (k.downArrow || input === 'j') return { type: 'choose', by: 1 };
    if (input === '1' || input === '2') return { type: 'answer', important: input === '1' };
    // As line mode reads them: y it matters, n it does not.
    if (input === 'y' || input === 'n') return { type: 'answer', important: input === 'y' };
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

const NO_TICKS: Ticks = { ticked: new Set(), cursor: 0 };

/**
 * The first state; answers given before the walk are followed, and ticked on a checklist.
 * `otherData` names the data set `d` switches to, if one is offered.
 */
export function initialState(trees: Trees, start: StartMode, preset: ReadonlyMap<number, boolean> = new Map(), otherData?: string): LiveState {
  const ticked = new Set([...preset].filter(([, important]) => important).map(([c]) => c));
  return {
    kind: 'live',
    session: startSession(trees.base, preset),
    start,
    phase: start === 'checklist' ? { kind: 'ticking', ...NO_TICKS, ticked } : { kind: 'questions' },
    epoch: 0,
    log: [],
    ...(otherData === undefined ? {} : { otherData }),
  };
}

/** The screen under any overlay. */
export function baseScreen(state: LiveState): Exclude<Screen, Overlay | 'none'> {
  if (state.phase.kind === 'ticking') return 'checklist';
  if (state.phase.kind === 'walking') return 'walk';
  return locate(state.session).kind;
}

export function screenOf(state: AppState): Screen {
  if (state.kind !== 'live') return 'none';
  return state.overlay ?? baseScreen(state);
}

export function resultOf(state: LiveState): ResultPosition | undefined {
  const at = locate(state.session);
  return at.kind === 'result' ? at : undefined;
}

/** The steps of the checklist's walk: each question on its path, then the leaf. */
function walkSteps(session: Session): number {
  const at = locate(session);
  return at.kind === 'result' ? at.advice.path.length + 1 : 0;
}

/** The ticks a phase keeps, if it is one of the checklist's. */
const ticksOf = (phase: Phase): Ticks | undefined => (phase.kind === 'questions' ? undefined : phase);

/** `stepMs` 0 shows the checklist's walk whole at once. */
export function makeReducer(trees: Trees, style: Style, stepMs = 250) {
  const { study } = trees.base;

  const logged = (state: LiveState, text: string): LiveState => ({
    ...state,
    log: [...state.log, { id: (state.log[state.log.length - 1]?.id ?? -1) + 1, text }],
  });

  /** A move of the walk itself, with its line in the transcript. */
  function walk(state: LiveState, move: Move): LiveState {
    const moved = applyMove(trees, state.session, move);
    switch (moved.kind) {
      case 'answered':
        return logged({ ...state, session: moved.session }, transcript.answered(study, moved.answer, style));
      case 'went-back': {
        const { to } = moved;
        const text = to.kind === 'question' ? transcript.back(study, to.criterion, style) : transcript.backToResult(moved.session.fitted, style);
        return logged({ ...state, session: moved.session }, text);
      }
      case 'restarted':
        return logged(
          { ...initialState(trees, state.start, moved.session.preset, state.otherData), log: state.log, epoch: state.epoch + 1 },
          transcript.restart(style),
        );
      case 'extended':
        return logged({ ...state, session: moved.session }, transcript.more(moved.tree, style));
      case 'refused':
        return moved.notice ? { ...state, notice: moved.notice } : state;
    }
  }

  function goBack(state: LiveState): LiveState {
    const { phase } = state;
    if (phase.kind === 'walking') return { ...state, phase: { ...ticksOnly(phase), kind: 'ticking' } };
    if (phase.kind === 'ticking') {
      if (state.start === 'questions') {
        const { session = state.session, choice } = phase.asked ?? {};
        return { ...state, phase: { kind: 'questions', ...(choice === undefined ? {} : { choice }) }, session };
      }
      return { ...state, notice: notices.checklistFirst };
    }
    if (phase.kind === 'ticked' && baseScreen(state) === 'result' && state.session.extendedAt === undefined) {
      return { ...state, phase: { ...ticksOnly(phase), kind: 'ticking' } };
    }
    return walk(state, { kind: 'back' });
  }

  /** A new question starts with its own default highlight. */
  function reduce(prior: AppState, action: Action): AppState {
    if (prior.kind !== 'live') return prior;
    const next = step(prior, action);
    if (next.kind !== 'live' || next.session === prior.session || !('choice' in next.phase)) return next;
    const { choice: _, ...phase } = next.phase;
    return { ...next, phase };
  }

  function step(prior: LiveState, action: Action): AppState {
    const { notice: _, quitting: _q, ...state } = prior;
    const { phase } = state;
    switch (action.type) {
      case 'key': {
        const mapped = keyAction(prior, action.press);
        return mapped ? step(prior, mapped) : state;
      }
      case 'choose':
        if (phase.kind !== 'questions' && phase.kind !== 'ticked') return state;
        return { ...state, phase: { ...phase, choice: (((choiceOf(state) + action.by) % 2) + 2) % 2 } };
      case 'select':
        return step(prior, { type: 'answer', important: choiceOf(state) === 0 });
      case 'answer':
        return walk(state, { kind: 'answer', important: action.important });
      case 'back':
        return goBack(state);
      case 'restart':
        return walk(state, { kind: 'restart' });
      case 'more':
        return walk(state, { kind: 'more' });
      case 'overlay': {
        const { overlay: _o, ...rest } = state;
        return action.overlay ? { ...rest, overlay: action.overlay } : rest;
      }
      case 'mode': {
        const said = transcript.mode(action.mode, style);
        if (action.mode === 'questions') {
          // The questions start over; the ticks stay as each question's pre-selected answer.
          const ticked = ticksOf(phase)?.ticked ?? new Set<number>();
          return logged({ ...state, phase: { kind: 'questions' }, session: withTicks(state.session, ticked) }, said);
        }
        const known = knownAnswers(state.session);
        const ticked = new Set([...known].filter(([, important]) => important).map(([c]) => c));
        const choice = 'choice' in phase ? phase.choice : undefined;
        return logged(
          {
            ...state,
            phase: { kind: 'ticking', ticked, cursor: 0, asked: { session: state.session, ...(choice === undefined ? {} : { choice }) } },
          },
          said,
        );
      }
      case 'move': {
        if (phase.kind !== 'ticking') return state;
        const n = trees.base.featureCriteria.length;
        return { ...state, phase: { ...phase, cursor: (((phase.cursor + action.by) % n) + n) % n } };
      }
      case 'toggle': {
        if (phase.kind !== 'ticking') return state;
        const cursor = action.at ?? phase.cursor;
        const criterion = trees.base.featureCriteria[cursor];
        if (criterion === undefined) return state;
        const ticked = new Set(phase.ticked);
        if (!ticked.delete(criterion)) ticked.add(criterion);
        return { ...state, phase: { ...phase, ticked, cursor } };
      }
      case 'confirm': {
        if (phase.kind !== 'ticking') return state;
        const order = trees.base.featureCriteria.filter((c) => phase.ticked.has(c));
        const session = fromTicks(state.session, phase.ticked);
        const shown = stepMs > 0 ? 1 : walkSteps(session);
        return logged({ ...state, session, phase: { ...phase, kind: 'walking', shown } }, transcript.ticked(study, order, style));
      }
      case 'step':
        if (phase.kind !== 'walking') return state;
        return { ...state, phase: { ...phase, shown: Math.min(phase.shown + 1, walkSteps(state.session)) } };
      case 'walked': {
        if (phase.kind !== 'walking') return state;
        if (phase.shown < walkSteps(state.session)) return { ...state, phase: { ...phase, shown: walkSteps(state.session) } };
        return { ...state, phase: { ...ticksOnly(phase), kind: 'ticked' } };
      }
      case 'finish': {
        const result = resultOf(state);
        return result ? { kind: 'done', session: state.session, result, log: state.log } : state;
      }
      case 'quit': {
        const lost = atStake(state);
        return lost === undefined ? { kind: 'cancelled', log: state.log } : { ...state, quitting: lost };
      }
      case 'save': {
        if (!resultOf(state)) return state;
        return { ...state, saveRequest: { id: (state.saveRequest?.id ?? 0) + 1, session: state.session } };
      }
      case 'saved':
        return { ...state, notice: action.notice };
      case 'cancel':
        return { kind: 'cancelled', log: state.log };
      case 'switch-data':
        if (state.otherData === undefined) return state;
        return { kind: 'switch', log: logged(state, transcript.data(state.otherData, style)).log };
      case 'dismiss':
        return state;
    }
  }

  return reduce;
}

/** What quitting would lose, when it is worth asking first: two answers or ticks or more. */
function atStake(state: LiveState): string | undefined {
  const { phase } = state;
  if (phase.kind === 'ticking' || phase.kind === 'walking') return phase.ticked.size >= 2 ? plural(phase.ticked.size, 'tick') : undefined;
  const n = state.session.answers.length;
  return n >= 2 ? plural(n, 'answer') : undefined;
}

/** A phase's ticks without what belongs to the phase alone (the walk's progress). */
function ticksOnly(t: Ticks): Ticks {
  return { ticked: t.ticked, cursor: t.cursor, ...(t.asked ? { asked: t.asked } : {}) };
}
