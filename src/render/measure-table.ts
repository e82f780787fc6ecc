/**
 * The short table `reprotree measure` ends with: each measured criterion's scores per tracker,
 * with the most a tracker can earn, and a tracker that did not install or import marked as such.
 * The whole evidence is in the criteria file; this is the glance.
 */
import type { CriterionId } from '../measure/format.js';
import type { ScoredTable } from '../measure/rules.js';
import type { Block } from './blocks.js';
import { num } from './format.js';
import { blocksToLines, readingWidth } from './lines.js';
import { PLAIN_STYLE } from './style.js';

/** Plain text lines, columns padded to line up; stacked, as every table is, where `width` is too narrow. */
export function measureTable(table: ScoredTable, measured: readonly CriterionId[], width = 80): string {
  const rows = table.criteria.filter((c) => measured.includes(c.id));
  if (rows.length === 0) return 'Nothing was measured that a criterion is scored from.\n';
  const header = ['criterion', ...table.trackers.map((t) => (t.status === 'ok' ? t.name : `${t.name} (${t.status})`))];
  const block: Block = {
    kind: 'table',
    header,
    rows: rows.map((c) => [`${c.name} (of ${num(c.max)})`, ...c.scores.map((s) => num(s))]),
    align: header.map(() => 'l' as const),
  };
  // No colour: it is often read from a log.
  return `${blocksToLines([block], PLAIN_STYLE, readingWidth(width), { tableWidth: width }).join('\n')}\n`;
}
