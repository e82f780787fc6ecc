/** `reprotree scores`: the score table and, per criterion, what it measures and why each score. */
import type { Study } from '../study/types.js';
import type { Block, Line } from './blocks.js';
import { span } from './blocks.js';
import { bar, num } from './format.js';
import { provenanceJson, provenanceLine } from './provenance.js';

/** `words`: for screen readers, each row of the table names its criterion first, then its id. */
export function scoresReport(study: Study, options: { readonly words?: boolean } = {}): Block[] {
  const blocks: Block[] = [];
  blocks.push({ kind: 'heading', text: study.title ?? 'Scores' });
  blocks.push({ kind: 'para', text: [span(provenanceLine(study), 'dim')] });
  if (study.source) blocks.push({ kind: 'para', text: [span('Source: ', 'dim'), span(study.source, 'dim')] });
  const reps = study.data?.repetitions ?? [];
  if (reps.length > 0) {
    const each = reps.map((r) => `${r.experiment} ${r.count} times`).join(', ');
    blocks.push({ kind: 'para', text: [span(`Repetitions: ${each}.${study.data?.raw ? ` Raw measurements: ${study.data.raw}.` : ''}`, 'dim')] });
  }
  const totals = study.frameworks.map((_, f) => study.criteria.reduce((t, c) => t + c.scores[f]!, 0));
  const top = Math.max(...totals);
  const rows: Line[][] = study.criteria.map((c) => {
    const max = Math.max(...c.scores);
    const label: Line[] = options.words ? ['', `${c.name} (${c.id})`] : [[span(c.id, 'code')], c.name];
    return [...label, ...c.scores.map((s): Line => [span(`${num(s)} ${bar(s, max, 5)}`.trimEnd(), s === max ? 'strong' : undefined)])];
  });
  rows.push(['', [span('Total', 'strong')], ...totals.map((t): Line => [span(num(t), t === top ? 'good' : undefined)])]);
  blocks.push({
    kind: 'table',
    header: [options.words ? '' : 'id', 'Criterion', ...study.frameworks.map((f) => f.name)],
    rows,
    align: ['l', 'l', ...study.frameworks.map(() => 'l' as const)],
    footer: 1,
    labels: 2,
  });
  for (const f of study.frameworks) {
    if (f.summary) blocks.push({ kind: 'para', text: [span(`${f.fullName ?? f.name}: `, 'strong'), span(f.summary)] });
  }
  for (const c of study.criteria) {
    blocks.push({ kind: 'heading', text: [span(c.name), span(` (${c.id})`, 'dim')] });
    blocks.push({ kind: 'para', text: [span('Question: ', 'dim'), span(c.question)] });
    if (c.help) blocks.push({ kind: 'para', text: c.help });
    const items: Line[] = study.frameworks.map((f, i) => [
      span(`${f.name} ${num(c.scores[i]!)}`, 'strong'),
      span(c.evidence[i] ? `: ${c.evidence[i]}` : ''),
    ]);
    blocks.push({ kind: 'list', items });
  }
  return blocks;
}

export function scoresJson(study: Study): object {
  return {
    data: provenanceJson(study),
    title: study.title ?? null,
    source: study.source ?? null,
    frameworks: study.frameworks.map((f) => ({
      id: f.id,
      name: f.name,
      full_name: f.fullName ?? null,
      url: f.url ?? null,
      summary: f.summary ?? null,
    })),
    criteria: study.criteria.map((c) => ({
      id: c.id,
      name: c.name,
      question: c.question,
      help: c.help ?? null,
      scores: Object.fromEntries(study.frameworks.map((f, i) => [f.id, c.scores[i]])),
      evidence: Object.fromEntries(study.frameworks.map((f, i) => [f.id, c.evidence[i] ?? null])),
    })),
    trees: study.trees.map((t) => ({
      name: t.name,
      criteria: t.criteria.map((i) => study.criteria[i]!.id),
      max_depth: Number.isFinite(t.maxDepth) ? t.maxDepth : null,
      description: t.description ?? null,
    })),
    default_tree: study.defaultTree,
    random_state: study.randomState,
  };
}
