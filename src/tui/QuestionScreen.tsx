/**
 * One question of the walk: the answers so far, how many questions this branch can still ask,
 * the criterion's question with what the study measured, and the choice between "it matters"
 * and "it does not". The text is cut to the terminal's height so Ink never redraws the screen.
 */
import { Box } from 'ink';
import SelectInput from 'ink-select-input';
import type { Study } from '../study/types.js';
import { Choice } from './Choice.js';
import { Lines } from './Lines.js';
import { Pointer } from './Pointer.js';
import { wrapped, wrapIndented } from './report-lines.js';
import type { Answer, Position } from './session.js';
import { useStyle } from './style-context.js';
import { breadcrumb, hintLines, progress, questionHelp } from './texts.js';
import type { Hint } from './texts.js';
import type { Size } from './use-terminal-size.js';

export interface QuestionScreenProps {
  /** Where the question, its help and the scores come from. */
  readonly study: Study;
  /** The question to ask, as the session locates it. */
  readonly position: Extract<Position, { kind: 'question' }>;
  /** The answers given so far, for the breadcrumb. */
  readonly answers: readonly Answer[];
  /** The keys to list under the choice. */
  readonly hints: readonly Hint[];
  /** The terminal's size: help gives way first when rows run short. */
  readonly size: Size;
  /** Called with true for "it matters", false for "it does not". */
  readonly onAnswer: (important: boolean) => void;
  /** Whether the choice takes keys (off while a view covers the screen). */
  readonly isActive?: boolean;
}

const ITEMS = [
  { key: 'yes', label: 'It matters to me', value: true },
  { key: 'no', label: 'It does not matter', value: false },
];

export function QuestionScreen({ study, position, answers, hints, size, onAnswer, isActive = true }: QuestionScreenProps) {
  const style = useStyle();
  const width = Math.min(size.columns, 100);
  const criterion = study.criteria[position.criterion]!;

  let crumbs = answers.length > 0 ? wrapped([{ text: 'So far: ' }, ...breadcrumb(study, answers)], style, width) : [];
  const head = [style.dim(progress(position.number, position.left)), ...wrapIndented(style.bold(criterion.question), width)];
  let help = questionHelp(study, position.criterion).flatMap((l) => wrapped(l, style, width));
  if (position.skipped.length > 0) {
    const names = position.skipped.map((c) => study.criteria[c]!.name).join(', ');
    help.push(...wrapped(`Skipped ${names}: no answer there could change the advice.`, style, width));
  }
  const keys = hintLines(hints, style, width);

  // What must show: the question, the two choices and the keys. Help and breadcrumb give way.
  const room = size.rows - 1 - (head.length + ITEMS.length + 1 + keys.length);
  // The latest answers are the ones a user checks: a long breadcrumb keeps its last row.
  if (crumbs.length + help.length > room) crumbs = crumbs.slice(-1);
  if (crumbs.length + help.length > room) {
    const keep = Math.max(1, room - crumbs.length);
    if (keep < help.length) help = [...help.slice(0, keep - 1), style.dim('… (? shows all of it)')];
  }

  return (
    <Box flexDirection="column">
      <Lines lines={[...crumbs.map((l) => style.dim(l)), ...head, ...help]} width={size.columns} />
      <SelectInput
        items={ITEMS}
        initialIndex={position.previous === false ? 1 : 0}
        isFocused={isActive}
        indicatorComponent={Pointer}
        itemComponent={Choice}
        onSelect={(item) => onAnswer(item.value)}
      />
      <Lines lines={['', ...keys]} width={size.columns} />
    </Box>
  );
}
