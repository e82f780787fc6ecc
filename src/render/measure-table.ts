/**
 * The short table `reprotree measure` ends with: each measured criterion's scores per tracker,
 * with the most a tracker can earn, and a tracker that did not install or import marked as such.
 * The whole evidence is in the criteria file; this is the glance.
 */
import type { CriterionId } from '../measure/format.js';
import type { ScoredTable } from '../measure/rules.js';
import { num } from './format.js';

/** Plain text lines (no colour: it is often read from a log), columns padded to line up. */
export function measureTable(table: ScoredTable, measured: readonly CriterionId[]): string {
  const rows = table.criteria.filter((c) => measured.includes(c.id));
  const header = ['criterion', ...table.trackers.map((t) => (t.status === 'ok' ? t.name : `${t.name} (${t.status})`))];
  const body = rows.map((c) => [`${c.name} (of ${num(c.max)})`, ...c.scores.map((s) => num(s))]);
  const all = [header, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  if (rows.length === 0) return 'Nothing was measured that a criterion is scored from.\n';
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}
