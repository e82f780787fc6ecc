/**
 * After the checklist: the tree's decisions with the user's ticks, one step at a time, ending at
 * the leaf. Enter (or Space) shows every step at once, then moves on to the result.
 */
import { Box, useInput } from 'ink';
import { useEffect, useState } from 'react';
import type { Advice } from '../advice/advise.js';
import { classPhrase } from '../render/format.js';
import { Lines } from './Lines.js';
import { wrapped } from './report-lines.js';
import { useStyle } from './style-context.js';
import { hintLines } from './texts.js';
import type { Hint } from './texts.js';
import type { Size } from './use-terminal-size.js';

export interface ChecklistWalkProps {
  /** Where the ticks lead: its path is the walk shown. */
  readonly advice: Advice;
  /** Pause between steps; 0 shows them all at once. */
  readonly stepMs: number;
  /** The keys to list under the walk. */
  readonly hints: readonly Hint[];
  /** The terminal's size, for wrapping. */
  readonly size: Size;
  /** Called when the user moves on to the result. */
  readonly onDone: () => void;
  /** Whether it takes keys. */
  readonly isActive?: boolean;
}

export function ChecklistWalk({ advice, stepMs, hints, size, onDone, isActive = true }: ChecklistWalkProps) {
  const style = useStyle();
  const width = Math.min(size.columns, 100);
  const { study, spec } = advice.fitted;
  const steps = advice.path.length + 1;
  const [shown, setShown] = useState(stepMs > 0 ? 1 : steps);

  useEffect(() => {
    if (shown >= steps) return;
    const timer = setTimeout(() => setShown((n) => n + 1), stepMs);
    return () => clearTimeout(timer);
  }, [shown, steps, stepMs]);

  useInput(
    (input, key) => {
      if (!key.return && input !== ' ') return;
      if (shown < steps) setShown(steps);
      else onDone();
    },
    { isActive },
  );

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
  return (
    <Box flexDirection="column">
      <Lines lines={[...lines, '', ...hintLines(hints, style, width)]} width={size.columns} />
    </Box>
  );
}
