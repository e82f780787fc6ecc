/**
 * One question of the walk: the answers so far, how many questions this branch can still ask,
 * the criterion's question with what the study measured, and the choice between "it matters"
 * and "it does not" (highlighted as the app's state says). The text is cut to the terminal's
 * height so Ink never redraws the screen.
 */
import { Box } from 'ink';
import SelectInput from 'ink-select-input';
import type { Study } from '../study/types.js';
import { Choice } from './Choice.js';
import { Lines } from './Lines.js';
import { Pointer } from './Pointer.js';
import { readingWidth, wrapped, wrapIndented } from '../render/lines.js';
import type { Answer, Position } from '../questionnaire/session.js';
import { useStyle } from './style-context.js';
import { breadcrumb, hintLines, progress, questionHelp } from '../questionnaire/wording.js';
import type { Hint } from '../questionnaire/wording.js';
import type { Size } from './use-terminal-size.js';

export interface QuestionScreenProps {
  /** Where the question, its help and the scores come from. */
  readonly study: Study;
  /** The question to ask, as the session locates it. */
  readonly position: Extract<Position, { kind: 'question' }>;
  /** The answers given so far, for the breadcrumb. */
  readonly answers: readonly Answer[];
  /** The highlighted choice: 0 "it matters", 1 "it does not". */
  readonly choice: number;
  /** The keys to list under the choice. */
  readonly hints: readonly Hint[];
  /** The terminal's size: help gives way first when rows run short. */
  readonly size: Size;
}

const ITEMS = [
  { key: 'yes', label: 'It matters to me', value: true },
  { key: 'no', label: 'It does not matter', value: false },
];

export function QuestionScreen({ study, position, answers, choice, hints, size }: QuestionScreenProps) {
  const style = useStyle();
  const width = readingWidth(size.columns);
  const criterion = study.criteria[position.criterion]!;

  let crumbs = answers.length > 0 ? wrapped([{ text: 'So far: ' }, ...breadcrumb(study, answers)], style, width) : [];
  const head = [style.dim(progress(position.number, position.left)), ...wrapIndented(style.bold(criterion.question), width)];
  const [measured, scores] = questionHelp(study, position.criterion).map((l) => wrapped(l, style, width));
  let about = measured ?? [];
  const scoreLines = scores ?? [];
  let skipped: string[] = [];
  if (position.skipped.length > 0) {
    const names = position.skipped.map((c) => study.criteria[c]!.name).join(', ');
    skipped = wrapped(`Skipped ${names}: no answer there could change the advice.`, style, width);
  }
  const keys = hintLines(hints, style, width);

  // What must show: the question, the two choices and the keys. Help and breadcrumb give way.
  const room = size.rows - 1 - (head.length + ITEMS.length + 1 + keys.length);
  const helpRows = () => about.length + scoreLines.length + skipped.length;
  // The latest answers are the ones a user checks: a long breadcrumb keeps its last row.
  if (crumbs.length + helpRows() > room) crumbs = crumbs.slice(-1);
  let shownScores = scoreLines;
  if (crumbs.length + helpRows() > room) {
    // The scores say most in one row, so they stay longest; the measured text is cut first.
    skipped = [];
    const keep = Math.max(1, room - crumbs.length);
    if (about.length + scoreLines.length > keep) {
      shownScores = scoreLines.slice(0, keep);
      const rest = keep - shownScores.length;
      about = rest > 0 ? [...about.slice(0, rest - 1), style.dim('… (? shows all of it)')] : [];
    }
  }
  const help = [...about, ...shownScores, ...skipped];

  return (
    <Box flexDirection="column">
      <Lines lines={[...crumbs.map((l) => style.dim(l)), ...head, ...help]} width={size.columns} />
      {/* ink-select-input draws the choice; the app's reducer owns the highlight and the keys, so
          keys arriving in one chunk act in order. The list reads initialIndex when it mounts only:
          a new highlight mounts a new one. */}
      <SelectInput key={choice} items={ITEMS} initialIndex={choice} isFocused={false} indicatorComponent={Pointer} itemComponent={Choice} />
      <Lines lines={['', ...keys]} width={size.columns} />
    </Box>
  );
}
