/**
 * The questionnaire: routes keys to the reducer and shows the screen the state calls for. The
 * transcript (answers, going back, starting over) is printed once into the scrollback with
 * <Static>; the live area below it is kept shorter than the terminal, and where a screen has no
 * room even for what it must show, it asks for a taller terminal instead.
 */
import { Box, Static, Text, useApp } from 'ink';
import { useEffect, useMemo, useReducer } from 'react';
import type { ReactNode } from 'react';
import { back, locate, moreQuestions } from '../questionnaire/session.js';
import type { ResultPosition, Session, StartMode } from '../questionnaire/session.js';
import type { Trees } from '../questionnaire/trees.js';
import { notices, pathCriteria } from '../questionnaire/wording.js';
import { readingWidth, wrapped } from '../render/lines.js';
import type { Style } from '../render/style.js';
import { baseScreen, choiceOf, initialState, makeReducer } from './app-state.js';
import type { AppState, LiveState } from './app-state.js';
import { Checklist, checklistLines } from './Checklist.js';
import { ChecklistWalk, walkLines } from './ChecklistWalk.js';
import { EvidenceView } from './EvidenceView.js';
import { tooSmallLines, usableRows } from './fit.js';
import { checklistHints, questionHints, resultHints, VIEW_HINTS, WALK_HINTS } from './hints.js';
import type { KeyPress } from './keys.js';
import { Lines } from './Lines.js';
import { QuestionScreen, questionLayout } from './QuestionScreen.js';
import { ResultScreen, resultOffer } from './ResultScreen.js';
import { StyleContext } from './style-context.js';
import { textLayout } from './TextScreen.js';
import { TreeView } from './TreeView.js';
import { useKeys } from './use-keys.js';
import { useTerminalSize } from './use-terminal-size.js';
import type { Size } from './use-terminal-size.js';

export type Outcome =
  | { readonly kind: 'done'; readonly session: Session; readonly result: ResultPosition }
  | { readonly kind: 'cancelled' }
  /** `d`: start over on the other data set. */
  | { readonly kind: 'switch' };

export interface AppProps {
  /** The chosen tree, and its unlimited growth for "ask more". */
  readonly trees: Trees;
  /** Colour or not (NO_COLOR, --no-color), for every component through StyleContext. */
  readonly style: Style;
  /** Start with one question at a time, or with the checklist. */
  readonly start: StartMode;
  /** Answers given before the walk, by criterion: followed without asking. */
  readonly preset?: ReadonlyMap<number, boolean>;
  /** How many answers that would change the best the result shows (default 3). */
  readonly alternatives?: number;
  /** The other bundled data set, which `d` ends this walk for; undefined when none is offered. */
  readonly otherData?: string;
  /** The criteria file the user named, for the command the tree view points to. */
  readonly criteria?: string | undefined;
  /** Called once, when the user finishes on a result or quits; the app then exits. */
  readonly onDone: (outcome: Outcome) => void;
  /** Ctrl-Z: give the terminal back and stop (the terminal's owner does it; tests have none). */
  readonly onSuspend?: () => void;
  /** Saves a result's answers (the `s` key) and returns the remark to show: where, or why not. */
  readonly save: (session: Session) => string;
  /** A fixed size instead of the terminal's (tests; the layout follows resizes otherwise). */
  readonly size?: Size;
  /** Pause between the steps of the checklist's walk. */
  readonly stepMs?: number;
  /** How long a lone Esc waits for the rest of an escape sequence (keys.ts). */
  readonly escapeMs?: number;
}

/** What the app hands back once it has ended; undefined while it runs. */
function outcomeOf(state: AppState): Outcome | undefined {
  if (state.kind === 'done') return { kind: 'done', session: state.session, result: state.result };
  if (state.kind === 'cancelled') return { kind: 'cancelled' };
  if (state.kind === 'switch') return { kind: 'switch' };
  return undefined;
}

/** The walk's screen under any view, with everything it is drawn from. */
function screenParts(state: LiveState, trees: Trees) {
  const { session } = state;
  const at = locate(session);
  const under = baseScreen(state);
  const ticks = state.phase.kind === 'questions' ? undefined : state.phase;
  // The checklist answers every criterion at once: then the exact answer may need no question.
  const more = at.kind === 'result' && at.exactable ? moreQuestions(session, trees.unlimited()) : undefined;
  return { at, under, ticks, more };
}

/**
 * Whether the screen showing has room for what it must show; when not, only the keys that quit
 * (and the answer to "quit?") act, as nothing else can be seen to act.
 */
function fits(state: LiveState, trees: Trees, style: Style, room: Size): boolean {
  const other = state.otherData;
  const { at, under, ticks, more } = screenParts(state, trees);
  const { study, featureCriteria } = trees.base;
  if (state.overlay) return textLayout([], VIEW_HINTS, style, room) !== undefined;
  if (under === 'question' && at.kind === 'question')
    return questionLayout(study, at, questionHints(back(state.session) !== undefined, other), style, room) !== undefined;
  if (under === 'checklist' && ticks) {
    const props = {
      study,
      criteria: featureCriteria,
      ticked: ticks.ticked,
      cursor: ticks.cursor,
      hints: checklistHints(state.start, other),
      size: room,
    };
    return checklistLines(props, style) !== undefined;
  }
  if (under === 'walk' && state.phase.kind === 'walking' && at.kind === 'result')
    return walkLines(at.advice, state.phase.shown, WALK_HINTS, style, room) !== undefined;
  if (under === 'result' && at.kind === 'result') {
    return textLayout(resultOffer(at, more, style, readingWidth(room.columns)), resultHints(more, other), style, room) !== undefined;
  }
  return true;
}

/** Keys that act on a screen too small to show: quitting, and answering "quit?". */
const actsUnseen = (state: LiveState, k: KeyPress) => (k.ctrl && k.input === 'c') || k.input === 'q' || state.quitting !== undefined;

export function App({
  trees,
  style,
  start,
  preset,
  alternatives,
  otherData,
  criteria,
  onDone,
  save,
  onSuspend,
  size: fixed,
  stepMs = 250,
  escapeMs,
}: AppProps) {
  const size = useTerminalSize(fixed);
  const reduce = useMemo(() => makeReducer(trees, style, stepMs), [trees, style, stepMs]);
  const [state, dispatch] = useReducer(reduce, undefined, (): AppState => initialState(trees, start, preset, otherData));
  const { exit } = useApp();

  // Each `s` once: the reducer records the answers to save, the write happens here.
  const request = state.kind === 'live' ? state.saveRequest : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: one save per request, whatever save's identity.
  useEffect(() => {
    if (request) dispatch({ type: 'saved', notice: save(request.session) });
  }, [request?.id]);

  // Once, when the app ends: after that the state no longer changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: onDone is called once, whatever its identity.
  useEffect(() => {
    const outcome = outcomeOf(state);
    if (!outcome) return;
    onDone(outcome);
    exit();
  }, [state.kind]);

  const width = readingWidth(size.columns);
  const live = state.kind === 'live' ? state : undefined;
  // A remark for the last key, or the question whether to quit, under the screen; a blank row
  // sets it apart from the keys above when the terminal has rows to spare.
  const said = live?.quitting !== undefined ? notices.quit(live.quitting) : live?.notice;
  const remark = said ? wrapped(said, style, width).map((l) => style.yellow(l)) : [];
  const notice = remark.length > 0 && size.rows > 12 ? ['', ...remark] : remark;
  const room: Size = { columns: size.columns, rows: size.rows - notice.length };
  const roomy = live ? fits(live, trees, style, room) : true;

  // Every key goes through the reducer, which reads the state the previous key left.
  useKeys(
    (press) => {
      if (press.ctrl && press.input === 'z') {
        onSuspend?.();
        return;
      }
      if (live && !roomy && !actsUnseen(live, press)) return;
      dispatch({ type: 'key', press });
    },
    { isActive: state.kind === 'live', ...(escapeMs === undefined ? {} : { escapeMs }) },
  );

  const log = <Static items={[...state.log]}>{(entry) => <Text key={entry.id}>{entry.text}</Text>}</Static>;
  if (!live) return <StyleContext.Provider value={style}>{log}</StyleContext.Provider>;

  const { session, overlay } = live;
  const { study, featureCriteria } = trees.base;
  const { at, under, ticks, more } = screenParts(live, trees);
  const treeKey = `${live.epoch}:${session.fitted.spec.name}:${session.fitted.maxDepth}`;

  let screen: ReactNode = null;
  if (under === 'question' && at.kind === 'question') {
    screen = (
      <QuestionScreen
        key={`${treeKey}:${at.node}:${at.number}`}
        study={study}
        position={at}
        choice={choiceOf(live)}
        hints={questionHints(back(session) !== undefined, live.otherData)}
        size={room}
      />
    );
  } else if (under === 'checklist' && ticks) {
    screen = (
      <Checklist
        study={study}
        criteria={featureCriteria}
        ticked={ticks.ticked}
        cursor={ticks.cursor}
        hints={checklistHints(live.start, live.otherData)}
        size={room}
      />
    );
  } else if (under === 'walk' && live.phase.kind === 'walking' && at.kind === 'result') {
    screen = (
      <ChecklistWalk
        advice={at.advice}
        shown={live.phase.shown}
        stepMs={stepMs}
        hints={WALK_HINTS}
        size={room}
        onStep={() => dispatch({ type: 'step' })}
      />
    );
  } else if (under === 'result' && at.kind === 'result') {
    screen = (
      <ResultScreen
        key={`result:${treeKey}:${session.answers.length}`}
        result={at}
        more={more}
        alternatives={alternatives}
        otherData={live.otherData}
        size={room}
        isActive={!overlay && roomy}
      />
    );
  }

  let view: ReactNode = null;
  if (overlay === 'tree') view = <TreeView key="tree" session={session} size={room} criteria={criteria} />;
  else if (overlay === 'evidence') {
    const criteria =
      under === 'question' && at.kind === 'question'
        ? [at.criterion]
        : under === 'checklist' && ticks
          ? [featureCriteria[ticks.cursor]!]
          : at.kind === 'result'
            ? pathCriteria(at.advice)
            : [];
    view = <EvidenceView key="evidence" study={study} criteria={criteria} size={room} />;
  }

  const what = overlay ? 'this view' : under === 'checklist' ? 'the checklist' : under === 'walk' ? 'the walk' : `the ${under}`;
  const small = roomy ? [] : tooSmallLines(what, overlay ? 'Esc goes back' : 'q quits', style, width, room.rows);
  // The screen under a view stays mounted (hidden, its keys off), so closing the view finds it
  // as it was: the highlighted choice, the scroll position, the walk's progress.
  return (
    <StyleContext.Provider value={style}>
      {log}
      <Box flexDirection="column" width={size.columns}>
        <Box flexDirection="column" display={overlay || !roomy ? 'none' : 'flex'}>
          {screen}
        </Box>
        {roomy ? view : null}
        <Lines lines={(roomy ? notice : remark.length > 0 ? remark : small).slice(0, Math.max(1, usableRows(size.rows)))} width={size.columns} />
      </Box>
    </StyleContext.Provider>
  );
}
