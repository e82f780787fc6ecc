/**
 * The result of a walk: the same explanation as the scripted text, paged to the terminal, and
 * under it (never scrolling away) the offer of the exact answer on a majority leaf and the keys.
 */
import { useMemo } from 'react';
import type { ResultPosition } from '../questionnaire/session.js';
import { exactOffer } from '../questionnaire/wording.js';
import { adviceReport } from '../render/advice-report.js';
import { blocksToLines, readingWidth, wrapped } from '../render/lines.js';
import type { Style } from '../render/style.js';
import { resultHints } from './hints.js';
import { useStyle } from './style-context.js';
import { TextScreen } from './TextScreen.js';
import type { Size } from './use-terminal-size.js';

export interface ResultScreenProps {
  /** The leaf reached, with the questions skipped on the way. */
  readonly result: ResultPosition;
  /**
   * On a majority leaf, how many questions the unlimited tree could still ask (0: the answers
   * given already settle the exact answer); undefined when the leaf is exact.
   */
  readonly more: number | undefined;
  /** How many answers that would change the best to show (default 3). */
  readonly alternatives?: number;
  /** The other data set `d` switches to, if one is offered (for the keys listed). */
  readonly otherData?: string | undefined;
  /** The terminal's size: the text pages within it. */
  readonly size: Size;
  /** Whether the text scrolls with the keys (off under a view). */
  readonly isActive: boolean;
}

/** On a majority leaf, the offer of the exact answer, under the text. */
export function resultOffer(result: ResultPosition, more: number | undefined, style: Style, width: number): string[] {
  return more === undefined ? [] : wrapped(`${style.yellow('!')} ${exactOffer(result.advice, more, style.bold('m'))}`, style, width);
}

export function ResultScreen({ result, more, alternatives, otherData, size, isActive }: ResultScreenProps) {
  const style = useStyle();
  const width = readingWidth(size.columns);
  // Laid out once per result and width, not on every key the pager scrolls by.
  const lines = useMemo(
    () => blocksToLines(adviceReport(result.advice, { skipped: result.skipped, alternatives }), style, width, { tableWidth: size.columns }),
    [result, alternatives, style, width, size.columns],
  );
  return (
    <TextScreen lines={lines} offer={resultOffer(result, more, style, width)} hints={resultHints(more, otherData)} size={size} isActive={isActive} />
  );
}
