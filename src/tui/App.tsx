/**
 * The questionnaire: routes keys to the reducer and shows the screen the state calls for. The
 * transcript (answers, going back, starting over) is printed once into the scrollback with
 * <Static>; the live area below it is kept shorter than the terminal.
 */
import { Box, Static, Text, useApp, useInput } from 'ink';
import { useEffect, useMemo, useReducer } from 'react';
import { adviceReport } from '../render/advice-report.js';
import { plural } from '../render/format.js';
import type { Style } from '../render/style.js';
import { renderTreeText } from '../render/tree-text.js';
import { baseScreen, choiceOf, initialState, makeReducer, pressesOf, resultOf, screenOf } from './app-state.js';
import type { Action, AppState, Mode, Overlay } from './app-state.js';
import { Checklist } from './Checklist.js';
import { ChecklistWalk } from './ChecklistWalk.js';
import { Lines } from './Lines.js';
import { QuestionScreen } from './QuestionScreen.js';
import { blocksToLines, wrapped } from '../render/lines.js';
import { answerVector, locate, moreQuestions } from './session.js';
import type { Position, Session } from './session.js';
import { StyleContext } from './style-context.js';
import { breadcrumb, evidenceBlocks, hintLines, pathEvidenceBlocks } from './texts.js';
import type { Hint } from './texts.js';
import { TextScreen } from './TextScreen.js';
import type { Trees } from './trees.js';
import { useTerminalSize } from './use-terminal-size.js';
import type { Size } from './use-terminal-size.js';

export type Outcome =
  | { readonly kind: 'done'; readonly session: Session; readonly result: Extract<Position, { kind: 'result' }> }
  | { readonly kind: 'cancelled' };

export interface AppProps {
  /** The chosen tree, and its unlimited growth for "ask more". */
  readonly trees: Trees;
  /** Colour or not (NO_COLOR, --no-color), for every component through StyleContext. */
  readonly style: Style;
  /** Start with one question at a time, or with the checklist. */
  readonly start: Mode;
  /** Called once, when the user finishes on a result or quits; the app then exits. */
  readonly onDone: (outcome: Outcome) => void;
  /** A fixed size instead of the terminal's (tests; the layout follows resizes otherwise). */
  readonly size?: Size;
  /** Pause between the steps of the checklist's walk. */
  readonly stepMs?: number;
}

const QUESTION_HINTS: readonly Hint[] = [
  ['Enter', 'answer'],
  ['←', 'back'],
  ['?', 'evidence'],
  ['t', 'tree'],
  ['c', 'checklist instead'],
  ['r', 'restart'],
  ['q', 'quit'],
];
const CHECKLIST_HINTS = (start: Mode): readonly Hint[] => [
  ['Space', 'tick'],
  ['Enter', 'confirm'],
  ['?', 'evidence'],
  ['c', 'one question at a time'],
  ...(start === 'questions' ? [['←', 'back'] as const] : []),
  ['q', 'quit'],
];
const WALK_HINTS: readonly Hint[] = [
  ['Enter', 'see why'],
  ['←', 'change the ticks'],
  ['r', 'restart'],
  ['q', 'quit'],
];
const OVERLAY_HINTS: readonly Hint[] = [['Esc', 'back']];

export function App({ trees, style, start, onDone, size: fixed, stepMs = 250 }: AppProps) {
  const size = useTerminalSize(fixed);
  const width = Math.min(size.columns, 100);
  const reduce = useMemo(() => makeReducer(trees, style, stepMs), [trees, style, stepMs]);
  const [state, dispatch] = useReducer(reduce, undefined, (): AppState => initialState(trees, start));
  const { exit } = useApp();
  const screen = screenOf(state);

  useEffect(() => {
    if (!state.finished) return;
    const result = resultOf(state);
    onDone(state.finished === 'done' && result ? { kind: 'done', session: state.session, result } : { kind: 'cancelled' });
    exit();
  }, [state.finished]);

  // Every key goes through the reducer, which reads the state the previous key left.
  useInput(
    (input, key) => {
      for (const press of pressesOf(input, key)) dispatch({ type: 'key', press });
    },
    { isActive: !state.finished },
  );

  // A blank row sets the remark apart from the key hints above it.
  const notice = state.notice ? ['', ...wrapped(state.notice, style, width).map((l) => style.yellow(l))] : [];
  const room: Size = { columns: size.columns, rows: size.rows - notice.length };

  // The screen under a view stays mounted (hidden, its keys off), so closing the view finds it
  // as it was: the highlighted choice, the scroll position, the walk's progress.
  return (
    <StyleContext.Provider value={style}>
      <Static items={[...state.log]}>{(entry) => <Text key={entry.id}>{entry.text}</Text>}</Static>
      {screen === 'none' ? null : (
        <Box flexDirection="column" width={size.columns}>
          <Box flexDirection="column" display={state.overlay ? 'none' : 'flex'}>
            {base(state, dispatch, room, style, trees, stepMs, !state.overlay)}
          </Box>
          {state.overlay ? view(state, state.overlay, room, style, trees) : null}
          <Lines lines={notice} width={size.columns} />
        </Box>
      )}
    </StyleContext.Provider>
  );
}

function base(state: AppState, dispatch: (a: Action) => void, size: Size, style: Style, trees: Trees, stepMs: number, isActive: boolean) {
  const width = Math.min(size.columns, 100);
  const { session } = state;
  const { study } = trees.base;
  const at = locate(session);
  const treeKey = `${state.epoch}:${session.fitted.spec.name}:${session.fitted.maxDepth}`;

  switch (baseScreen(state)) {
    case 'question': {
      if (at.kind !== 'question') return null;
      return (
        <QuestionScreen
          key={`${treeKey}:${at.node}:${at.number}`}
          study={study}
          position={at}
          answers={session.answers}
          choice={choiceOf(state)}
          hints={QUESTION_HINTS}
          size={size}
        />
      );
    }
    case 'checklist':
      return (
        <Checklist
          study={study}
          criteria={trees.base.featureCriteria}
          ticked={state.ticked}
          cursor={state.cursor}
          hints={CHECKLIST_HINTS(state.start)}
          size={size}
        />
      );
    case 'walk': {
      if (at.kind !== 'result') return null;
      return (
        <ChecklistWalk
          advice={at.advice}
          shown={state.shown}
          stepMs={stepMs}
          hints={WALK_HINTS}
          size={size}
          onStep={() => dispatch({ type: 'step' })}
        />
      );
    }
    case 'result': {
      if (at.kind !== 'result') return null;
      const lines = blocksToLines(adviceReport(at.advice, { skipped: at.skipped }), style, width);
      const footer: string[] = [];
      const hints: Hint[] = [['Enter', 'done'], ['t', 'tree'], ['?', 'evidence'], ['←', 'back'], ['r', 'restart']];
      if (at.exactable) {
        const n = moreQuestions(session, trees.unlimited());
        const main = at.advice.leafCounts[0]!;
        // The checklist answers every criterion at once: then the exact answer needs no question.
        const offer =
          n === 0
            ? `Press ${style.bold('m')} for the exact one: your answers already settle it.`
            : `Press ${style.bold('m')} to answer ${n === 1 ? 'one more question' : `up to ${plural(n, 'more question')}`} and get the exact one.`;
        footer.push(
          ...wrapped(
            `${style.yellow('!')} This is a majority answer (${main.count} of ${at.advice.leafSamples} profiles on this branch). ${offer}`,
            style,
            width,
          ),
        );
        hints.splice(1, 0, ['m', n === 0 ? 'exact answer' : 'ask more']);
      }
      footer.push(...hintLines(hints, style, width));
      return <TextScreen key={`result:${treeKey}:${session.answers.length}`} lines={lines} footer={footer} size={size} isActive={isActive} />;
    }
  }
}

function view(state: AppState, overlay: Overlay, size: Size, style: Style, trees: Trees) {
  const width = Math.min(size.columns, 100);
  const { session } = state;
  const { study } = trees.base;
  const at = locate(session);
  switch (overlay) {
    case 'evidence': {
      const under = baseScreen(state);
      const blocks =
        under === 'question' && at.kind === 'question'
          ? evidenceBlocks(study, at.criterion)
          : under === 'checklist'
            ? evidenceBlocks(study, trees.base.featureCriteria[state.cursor]!)
            : at.kind === 'result'
              ? pathEvidenceBlocks(at.advice)
              : [];
      return <TextScreen key="evidence" lines={blocksToLines(blocks, style, width)} footer={hintLines(OVERLAY_HINTS, style, width)} size={size} />;
    }
    case 'tree': {
      const fitted = session.fitted;
      const head =
        at.kind === 'result'
          ? wrapped(`The ${fitted.spec.name} tree; your path is drawn in heavy lines with ▶.`, style, width)
          : wrapped(
              [
                { text: `The ${fitted.spec.name} tree. ` },
                ...(session.answers.length > 0 ? [{ text: 'So far: ' }, ...breadcrumb(study, session.answers), { text: '. ' }] : []),
                { text: at.kind === 'question' ? `Your path so far is marked with ▶, down to the question now asked: ${study.criteria[at.criterion]!.name}?` : '' },
              ],
              style,
              width,
            );
      // Part-way through, the path so far is marked down to the question being asked.
      const marks = at.kind === 'result' ? { answers: answerVector(session) } : at.kind === 'question' ? { answers: answerVector(session), stopAt: at.node } : {};
      const picture = renderTreeText(fitted, { style, width, ...marks })
        .replace(/\n$/, '')
        .split('\n');
      const lines = [...head, '', ...picture];
      // The path ends at the last marked line: start with the leaf in view.
      const leaf = lines.findLastIndex((l) => l.includes('▶'));
      return (
        <TextScreen key="tree" lines={lines} footer={hintLines(OVERLAY_HINTS, style, width)} size={size} {...(leaf > 0 ? { focus: leaf } : {})} />
      );
    }
  }
}
