/** `reprotree compare`: the same answers under two data sets, side by side, and what moved most. */
import type { Comparison, Side } from '../advice/compare.js';
import type { Study } from '../study/types.js';
import type { Block, Line } from './blocks.js';
import { span } from './blocks.js';
import { andList, classPhrase, names, num } from './format.js';
import { provenanceJson, provenanceLine } from './provenance.js';

/** What a data set is called in a comparison: the name it was loaded by, else its data section's. */
export function dataName(study: Study): string {
  return study.dataSet ?? study.data?.name ?? study.file;
}

/** A criterion's display name in whichever data set has it. */
function criterionName(c: Comparison, id: string): string {
  for (const side of c.sides) {
    const found = side.study.criteria.find((x) => x.id === id);
    if (found) return found.name;
  }
  return id;
}

/** A framework's display name, as the later data set shows it. */
function frameworkName(c: Comparison, id: string): string {
  for (const side of [...c.sides].reverse()) {
    const found = side.study.frameworks.find((f) => f.id === id);
    if (found) return found.name;
  }
  return id;
}

function best(side: Side): string {
  const { advice, study } = side;
  return andList(advice.best.members.map((f) => `${study.frameworks[f]!.name} ${num(advice.totals[f]!)}`));
}

function runnerUp(side: Side): string {
  const r = side.advice.runnerUp;
  if (!r) return 'none: every tracker ties';
  return `${names(side.study, r.frameworks)} ${num(r.total)}, ${num(r.margin)} behind`;
}

function treeCell(side: Side): string {
  const { spec } = side.advice.fitted;
  return side.advice.agrees ? spec.name : `${spec.name} (its majority answer; the exact best differs)`;
}

/** The comparison as blocks, for text and Markdown alike. */
export function compareReport(c: Comparison): Block[] {
  const [first, second] = c.sides;
  const matter = [...c.answers].filter(([, v]) => v).map(([id]) => criterionName(c, id));
  const blocks: Block[] = [
    {
      kind: 'heading',
      text: [span('The same answers under '), span(dataName(first.study), 'code'), span(' and '), span(dataName(second.study), 'code')],
    },
    {
      kind: 'para',
      text:
        matter.length > 0
          ? `What matters to you: ${andList(matter)}. Every other criterion does not.`
          : 'You named nothing that matters, so every tracker totals 0 under both: a tie.',
    },
    {
      kind: 'table',
      header: ['', dataName(first.study), dataName(second.study)],
      rows: [
        [
          [span('Recommendation', 'strong')],
          [span(classPhrase(first.study, first.advice.recommendation), 'good')],
          [span(classPhrase(second.study, second.advice.recommendation), 'good')],
        ],
        ['Tree', treeCell(first), treeCell(second)],
        ['Best total', best(first), best(second)],
        ['Runner-up', runnerUp(first), runnerUp(second)],
      ],
      align: ['l', 'l', 'l'],
    },
  ];
  for (const side of c.sides) blocks.push({ kind: 'para', text: [span(provenanceLine(side.study), 'dim')] });
  for (const side of c.sides) {
    if (side.missing.length === 0) continue;
    const other = dataName((side === first ? second : first).study);
    const list = andList(side.missing.map((id) => criterionName(c, id)));
    blocks.push({
      kind: 'note',
      text: `${dataName(side.study)} has no ${side.missing.length === 1 ? 'criterion' : 'criteria'} ${list}, so ${side.missing.length === 1 ? 'that answer counts' : 'those answers count'} under ${other} only.`,
    });
  }
  const only = c.sides.flatMap((side, i) =>
    c.onlyIn[i]!.length > 0 ? [`${andList(c.onlyIn[i]!.map((id) => `${criterionName(c, id)} (${id})`))} only in ${dataName(side.study)}`] : [],
  );
  if (only.length > 0) blocks.push({ kind: 'para', text: `Criteria in one data set only: ${only.join('; ')}.` });
  blocks.push(...movedBlocks(c));
  return blocks;
}

function movedBlocks(c: Comparison): Block[] {
  const [first, second] = c.sides;
  if (c.moved.length === 0) return [{ kind: 'para', text: 'The two data sets share no criterion, so nothing can be said to have moved.' }];
  if (c.common.length === 0) return [{ kind: 'para', text: 'The two data sets share no tracker, so nothing can be said to have moved.' }];
  return [
    { kind: 'heading', text: 'What moved most' },
    {
      kind: 'para',
      text: `Per criterion in both, the mean change of the scores of the trackers in both (${andList(c.common.map((id) => frameworkName(c, id)))}), as a share of the criterion's range over both data sets: 0 means they score as before, 1 that each went from one end of the scale to the other. Scores are ${dataName(first.study)} → ${dataName(second.study)}.`,
    },
    {
      kind: 'table',
      header: ['Criterion', 'Moved', ...c.common.map((id) => frameworkName(c, id))],
      rows: c.moved.map((m): Line[] => [
        criterionName(c, m.criterion),
        [span(m.moved.toFixed(2), m.moved > 0 ? 'strong' : 'dim')],
        ...m.changes.map((ch): Line => (ch.from === ch.to ? [span(`${num(ch.from)} =`, 'dim')] : `${num(ch.from)} → ${num(ch.to)}`)),
      ]),
      align: ['l', 'r', ...c.common.map(() => 'l' as const)],
    },
  ];
}

function sideJson(side: Side): object {
  const { advice, study } = side;
  const fw = (f: number) => study.frameworks[f]!.id;
  return {
    data: provenanceJson(study),
    data_set: dataName(study),
    tree: advice.fitted.spec.name,
    recommendation: advice.recommendation.members.map(fw),
    exact: { totals: Object.fromEntries(advice.totals.map((t, f) => [fw(f), t])), best: advice.best.members.map(fw) },
    agrees: advice.agrees,
    runner_up: advice.runnerUp
      ? { frameworks: advice.runnerUp.frameworks.map(fw), total: advice.runnerUp.total, margin: advice.runnerUp.margin }
      : null,
    not_in_this_data: side.missing,
  };
}

/** The comparison as JSON: each data set's answer, the criteria only one has, and what moved. */
export function compareJson(c: Comparison): object {
  return {
    answers: Object.fromEntries(c.answers),
    data_sets: c.sides.map(sideJson),
    only_in: Object.fromEntries(c.sides.map((side, i) => [dataName(side.study), c.onlyIn[i]])),
    common_frameworks: c.common,
    moved: c.moved.map((m) => ({
      criterion: m.criterion,
      moved: m.moved,
      changes: Object.fromEntries(m.changes.map((ch) => [ch.framework, { from: ch.from, to: ch.to }])),
    })),
  };
}
