/**
 * One question of the walk: how many questions this branch can still ask, the criterion's
 * question with what the study measured, and the choice between "it matters" and "it does not"
 * (highlighted as the app's state says). The answers so far are in the transcript just above.
 * The text is fitted to the terminal's height: the question, the choice and the keys always
 * show, and the rest gives way, so Ink never has to clear the screen.
 */
import { Box } from 'ink';
import SelectInput from 'ink-select-input';
import type { QuestionPosition } from '../questionnaire/session.js';
import { progress, questionHelp } from '../questionnaire/wording.js';
import type { Hint } from '../questionnaire/wording.js';
import { readingWidth, wrapIndented, wrapped } from '../render/lines.js';
import type { Style } from '../render/style.js';
import type { Study } from '../study/types.js';
import { Choice } from './Choice.js';
import { fitHints, usableRows } from './fit.js';
import { Lines } from './Lines.js';
import { Pointer } from './Pointer.js';
import { useStyle } from './style-context.js';
import type { Size } from './use-terminal-size.js';

export interface QuestionScreenProps {
  /** Where the question, its help and the scores come from. */
  readonly study: Study;
  /** The question to ask, as the session locates it. */
  readonly position: QuestionPosition;
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

/** The rows above the choice and below it. */
export interface QuestionLayout {
  readonly top: readonly string[];
  readonly bottom: readonly string[];
}

/**
 * The question laid out in the terminal's rows, or undefined when even the question, the choice
 * and the essential keys do not fit. Then come, as rows allow, the progress line, a blank row
 * before the keys, the scores, what the study measured (cut short, pointing at ?), and the
 * questions skipped.
 */
export function questionLayout(
  study: Study,
  position: QuestionPosition,
  hints: readonly Hint[],
  style: Style,
  size: Size,
): QuestionLayout | undefined {
  const width = readingWidth(size.columns);
  const criterion = study.criteria[position.criterion]!;
  const question = wrapIndented(style.bold(criterion.question), width);
  const keys = fitHints(hints, style, width, usableRows(size.rows) - question.length - ITEMS.length);
  if (!keys) return undefined;
  let room = usableRows(size.rows) - question.length - ITEMS.length - keys.length;
  const head = room > 0 ? [style.dim(progress(position.number, position.left))] : [];
  room -= head.length;
  const blank = room > 0 ? [''] : [];
  room -= blank.length;

  const [measured, scores] = questionHelp(study, position.criterion).map((l) => wrapped(l, style, width));
  let about = measured ?? [];
  let shownScores = scores ?? [];
  let skipped: string[] = [];
  if (position.skipped.length > 0) {
    const names = position.skipped.map((c) => study.criteria[c]!.name).join(', ');
    skipped = wrapped(`Skipped ${names}: no answer there could change the advice.`, style, width);
  }
  if (about.length + shownScores.length + skipped.length > room) {
    // The scores say most in one row, so they stay longest; the measured text is cut first.
    skipped = [];
    if (about.length + shownScores.length > room) {
      shownScores = shownScores.slice(0, Math.max(0, room));
      const rest = room - shownScores.length;
      about = rest > 0 ? [...about.slice(0, rest - 1), style.dim('… (? shows all of it)')] : [];
    }
  }
  return { top: [...head, ...question, ...about, ...shownScores, ...skipped], bottom: [...blank, ...keys] };
}

export function QuestionScreen({ study, position, choice, hints, size }: QuestionScreenProps) {
  const style = useStyle();
  // App shows the notice to make the terminal taller when this has no layout.
  const layout = questionLayout(study, position, hints, style, size);
  if (!layout) return null;
  return (
    <Box flexDirection="column">
      <Lines lines={layout.top} width={size.columns} />
      {/* ink-select-input draws the choice; the app's reducer owns the highlight and the keys, so
          keys arriving in one chunk act in order. The list reads initialIndex when it mounts only:
          a new highlight mounts a new one. */}
      <SelectInput key={choice} items={ITEMS} initialIndex={choice} isFocused={false} indicatorComponent={Pointer} itemComponent={Choice} />
      <Lines lines={layout.bottom} width={size.columns} />
    </Box>
  );
}
