/** The `?` view: everything the file says about the criteria in question, paged. */
import { blocksToLines, readingWidth } from '../render/lines.js';
import type { Study } from '../study/types.js';
import { evidenceBlocks } from '../questionnaire/wording.js';
import { VIEW_HINTS } from './hints.js';
import { useStyle } from './style-context.js';
import { TextScreen } from './TextScreen.js';
import type { Size } from './use-terminal-size.js';

export interface EvidenceViewProps {
  /** Where the criteria, scores and evidence come from. */
  readonly study: Study;
  /** The criteria to show, in order: the one asked, or every question on a result's path. */
  readonly criteria: readonly number[];
  /** The terminal's size: the text pages within it. */
  readonly size: Size;
}

export function EvidenceView({ study, criteria, size }: EvidenceViewProps) {
  const style = useStyle();
  const width = readingWidth(size.columns);
  const blocks = criteria.flatMap((c) => evidenceBlocks(study, c));
  return <TextScreen lines={blocksToLines(blocks, style, width, { tableWidth: size.columns })} hints={VIEW_HINTS} size={size} />;
}
