/**
 * The questionnaire: routes keys to the reducer and shows the screen the state calls for. The
 * transcript (answers, going back, starting over) is printed once into the scrollback with
 * <Static>; the live area below it is kept shorter than the terminal.
 */
import { Box, Static, Text, useApp, useInput } from 'ink';
import { useEffect, useMemo, useReducer } from 'react';
import type { ReactNode } from 'react';
import { locate, moreQuestions } from '../questionnaire/session.js';
import type { ResultPosition, Session, StartMode } from '../questionnaire/session.js';
import type { Trees } from '../questionnaire/trees.js';
import { pathCriteria } from '../questionnaire/wording.js';
import { readingWidth, wrapped } from '../render/lines.js';
import type { Style } from '../render/style.js';
import { baseScreen, choiceOf, initialState, makeReducer, pressesOf } from './app-state.js';
import type { AppState } from './app-state.js';
import { Checklist } from './Checklist.js';
import { ChecklistWalk } from './ChecklistWalk.js';
import { EvidenceView } from './EvidenceView.js';
import { checklistHints, QUESTION_HINTS, WALK_HINTS } from './hints.js';
import { Lines } from './Lines.js';
import { QuestionScreen } from './QuestionScreen.js';
import { ResultScreen } from './ResultScreen.js';
import { StyleContext } from './style-context.js';
import { TreeView } from './TreeView.js';
import { useTerminalSize } from './use-terminal-size.js';
import type { Size } from './use-terminal-size.js';

export type Outcome = { readonly kind: 'done'; readonly session: Session; readonly result: ResultPosition } | { readonly kind: 'cancelled' };

export interface AppProps {
  /** The chosen tree, and its unlimited growth for "ask more". */
  readonly trees: Trees;
  /** Colour or not (NO_COLOR, --no-color), for every component through StyleContext. */
  readonly style: Style;
  /** Start with one question at a time, or with the checklist. */
  readonly start: StartMode;
  /** Answers given before the walk, by criterion: followed without asking. */
  readonly preset?: ReadonlyMap<number, boolean>;
  /** Called once, when the user finishes on a result or quits; the app then exits. */
  readonly onDone: (outcome: Outcome) => void;
  /** Saves a result's answers (the `s` key) and returns the remark to show: where, or why not. */
  readonly save: (session: Session) => string;
  /** A fixed size instead of the terminal's (tests; the layout follows resizes otherwise). */
  readonly size?: Size;
  /** Pause between the steps of the checklist's walk. */
  readonly stepMs?: number;
}

/** What the app hands back once it has ended; undefined while it runs. */
function outcomeOf(state: AppState): Outcome | undefined {
  if (state.kind === 'done') return { kind: 'done', session: state.session, result: state.result };
  if (state.kind === 'cancelled') return { kind: 'cancelled' };
  return undefined;
}

export function App({ trees, style, start, preset, onDone, save, size: fixed, stepMs = 250 }: AppProps) {
  const size = useTerminalSize(fixed);
  const reduce = useMemo(() => makeReducer(trees, style, stepMs), [trees, style, stepMs]);
  const [state, dispatch] = useReducer(reduce, undefined, (): AppState => initialState(trees, start, preset));
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

  // Every key goes through the reducer, which reads the state the previous key left.
  useInput(
    (input, key) => {
      for (const press of pressesOf(input, key)) dispatch({ type: 'key', press });
    },
    { isActive: state.kind === 'live' },
  );

  const log = <Static items={[...state.log]}>{(entry) => <Text key={entry.id}>{entry.text}</Text>}</Static>;
  if (state.kind !== 'live') return <StyleContext.Provider value={style}>{log}</StyleContext.Provider>;

  const { session, overlay } = state;
  const { study, featureCriteria } = trees.base;
  const at = locate(session);
  const under = baseScreen(state);
  // A blank row sets the remark apart from the key hints above it.
  const notice = state.notice ? ['', ...wrapped(state.notice, style, readingWidth(size.columns)).map((l) => style.yellow(l))] : [];
  const room: Size = { columns: size.columns, rows: size.rows - notice.length };
  const treeKey = `${state.epoch}:${session.fitted.spec.name}:${session.fitted.maxDepth}`;
  const ticks = state.phase.kind === 'questions' ? undefined : state.phase;

  let screen: ReactNode = null;
  if (under === 'question' && at.kind === 'question') {
    screen = (
      <QuestionScreen
        key={`${treeKey}:${at.node}:${at.number}`}
        study={study}
        position={at}
        answers={session.answers}
        choice={choiceOf(state)}
        hints={QUESTION_HINTS}
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
        hints={checklistHints(state.start)}
        size={room}
      />
    );
  } else if (under === 'walk' && state.phase.kind === 'walking' && at.kind === 'result') {
    screen = (
      <ChecklistWalk
        advice={at.advice}
        shown={state.phase.shown}
        stepMs={stepMs}
        hints={WALK_HINTS}
        size={room}
        onStep={() => dispatch({ type: 'step' })}
      />
    );
  } else if (under === 'result' && at.kind === 'result') {
    // The checklist answers every criterion at once: then the exact answer may need no question.
    const more = at.exactable ? moreQuestions(session, trees.unlimited()) : undefined;
    screen = <ResultScreen key={`result:${treeKey}:${session.answers.length}`} result={at} more={more} size={room} isActive={!overlay} />;
  }

  let view: ReactNode = null;
  if (overlay === 'tree') view = <TreeView key="tree" session={session} size={room} />;
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

  // The screen under a view stays mounted (hidden, its keys off), so closing the view finds it
  // as it was: the highlighted choice, the scroll position, the walk's progress.
  return (
    <StyleContext.Provider value={style}>
      {log}
      <Box flexDirection="column" width={size.columns}>
        <Box flexDirection="column" display={overlay ? 'none' : 'flex'}>
          {screen}
        </Box>
        {view}
        <Lines lines={notice} width={size.columns} />
      </Box>
    </StyleContext.Provider>
  );
}
