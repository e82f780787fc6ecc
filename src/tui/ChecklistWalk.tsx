/**
 * After the checklist: the tree's decisions with the user's ticks, one step at a time, ending at
 * the leaf. Enter (or Space) shows every step at once, then moves on to the result; the app's
 * state counts the steps shown, so those keys act in order however they arrive.
 */
import { Box } from 'ink';
import { useEffect } from 'react';
import type { Advice } from '../advice/advise.js';
import type { Hint } from '../questionnaire/wording.js';
import { classPhrase } from '../render/format.js';
import { readingWidth, wrapped } from '../render/lines.js';
import type { Style } from '../render/style.js';
import { fitHints, usableRows } from './fit.js';
import { Lines } from './Lines.js';
import { useStyle } from './style-context.js';
import type { Size } from './use-terminal-size.js';

export interface ChecklistWalkProps {
  /** Where the ticks lead: its path is the walk shown. */
  readonly advice: Advice;
  /** How many steps show: the path's questions, then the leaf. */
  readonly shown: number;
  /** Pause before the next step shows. */
  readonly stepMs: number;
  /** The keys to list under the walk. */
  readonly hints: readonly Hint[];
  /** The terminal's size, for wrapping. */
  readonly size: Size;
  /** Called when the next step is due. */
  readonly onStep: () => void;
}

/**
 * The walk in the terminal's rows, or undefined when not even one step and the keys fit. A walk
 * taller than that keeps its latest steps and says how many went before.
 */
export function walkLines(advice: Advice, shown: number, hints: readonly Hint[], style: Style, size: Size): string[] | undefined {
  const width = readingWidth(size.columns);
  const keys = fitHints(hints, style, width, usableRows(size.rows) - 1);
  if (!keys) return undefined;
  const room = usableRows(size.rows) - keys.length;
  const lines = walkSteps(advice, shown, style, width);
  if (lines.length + 1 <= room) return [...lines, '', ...keys];
  if (lines.length <= room) return [...lines, ...keys];
  const kept = lines.slice(lines.length - (room - 1));
  return [style.dim(`… ${lines.length - kept.length} rows above`), ...kept, ...keys];
}

function walkSteps(advice: Advice, shown: number, style: Style, width: number): string[] {
  const { study, spec } = advice.fitted;
  const steps = advice.path.length + 1;
  const lines = wrapped([{ text: `Walking the ${spec.name} tree with your ticks:`, tone: 'strong' }], style, width);
  advice.path.slice(0, shown).forEach((s, i) => {
    const name = study.criteria[s.criterion]!.name;
    const verdict = s.important ? style.green('ticked → it matters') : style.dim('not ticked → it does not matter');
    lines.push(...wrapped(`${i + 1}. ${name}? ${verdict}`, style, width, '  '));
  });
  if (shown >= steps) {
    const leaf = advice.leafCounts[0]!;
    const agree = leaf.count === advice.leafSamples ? 'every profile here agrees' : `${leaf.count} of ${advice.leafSamples} profiles here agree`;
    lines.push(...wrapped(`→ ${style.bold(style.green(classPhrase(study, advice.recommendation)))} ${style.dim(`(${agree})`)}`, style, width, '  '));
  }
  return lines;
}

export function ChecklistWalk({ advice, shown, stepMs, hints, size, onStep }: ChecklistWalkProps) {
  const style = useStyle();
  const steps = advice.path.length + 1;

  // A new onStep comes with every render; the timer restarts only when a step shows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: onStep only dispatches 'step'.
  useEffect(() => {
    if (shown >= steps) return;
    const timer = setTimeout(onStep, stepMs);
    return () => clearTimeout(timer);
  }, [shown, steps, stepMs]);

  const lines = walkLines(advice, shown, hints, style, size);
  if (!lines) return null;
  return (
    <Box flexDirection="column">
      <Lines lines={lines} width={size.columns} />
    </Box>
  );
}
