/**
 * `reprotree report`: a measurement set → one self-contained HTML page that a team can attach to
 * a decision. A pure function: the caller reads the files (measurements, snippets) and passes
 * them in; everything shown is scored here by the same rules as the criteria file.
 */
import type { CriterionId, MeasurementSet } from '../../measure/format.js';
import { Data } from '../../measure/records.js';
import { scoreAll } from '../../measure/rules.js';
import { listing } from '../../measure/words.js';
import { criterion } from './context.js';
import type { Context, ReportInput } from './context.js';
import { esc } from './html.js';
import { page } from './layout.js';
import { factSection, linesSection, marksSection } from './marks.js';
import { provenanceSection } from './provenance.js';
import { logSizeSection, memoryFromDataSection, memorySection, runtimeSection } from './samples.js';
import { evidenceBlock, ruleText, scoresSection } from './scores.js';

export type { ReportInput } from './context.js';

/** Each criterion's section, in the order of the study's Table 11. */
const SECTIONS: Record<CriterionId, { readonly title: string; readonly body: (ctx: Context) => string }> = {
  'auto-logging': { title: 'Auto-logging', body: (ctx) => marksSection(ctx, 'auto-logging') },
  runtime: { title: 'Run time', body: runtimeSection },
  memory: { title: 'Memory', body: memorySection },
  lines: { title: 'Lines of code', body: linesSection },
  sklearn: { title: 'scikit-learn deep dive', body: (ctx) => marksSection(ctx, 'sklearn') },
  'log-size': { title: 'Log size', body: logSizeSection },
  keras: { title: 'Keras deep dive', body: (ctx) => marksSection(ctx, 'keras') },
  'memory-from-data': { title: 'Memory against data size', body: memoryFromDataSection },
  collaboration: { title: 'Collaboration', body: (ctx) => marksSection(ctx, 'collaboration') },
  'open-source': { title: 'Open source', body: (ctx) => factSection(ctx, 'licence') },
  'self-hosting': { title: 'Self-hosting', body: (ctx) => factSection(ctx, 'self-hosting') },
  maintained: { title: 'Maintained', body: (ctx) => factSection(ctx, 'maintained') },
  'python-312': { title: 'Python 3.12', body: (ctx) => factSection(ctx, 'python-3.12') },
};

/** The substitution made in an experiment, said where its numbers are shown. */
function substitutionNote(set: MeasurementSet, experiment: string): string {
  return set.substitutions
    .filter((s) => s.experiment === experiment)
    .map(
      (s) =>
        `<p class="alert" role="note"><strong>Substitution:</strong> ${esc(`${s.here}, in place of ${s.study}, because ${s.why.replace(/\.$/, '')}.`)}</p>`,
    )
    .join('');
}

function lead(ctx: Context): string {
  const { set } = ctx;
  const measured = set.trackers.some((t) => t.version !== null);
  const what = measured
    ? `Measured with reprotree's probes: ${listing(set.trackers.map((t) => `${t.name}${t.version ? ` ${t.version}` : ''}`))}.`
    : `${set.title ?? 'Published measurements'}: ${listing(set.trackers.map((t) => t.name))}, as the study published them, without the samples behind them.`;
  return `<p class="lead">${esc(`Data set ${set.dataSet}. ${what} Every score below is derived from these numbers by the rules in reprotree's docs/measurements.md, which the criteria file uses too.`)}</p>`;
}

export function reportHtml(input: ReportInput): string {
  const set = input.set;
  const ctx: Context = { input, set, data: new Data(set), table: scoreAll(set), trackers: set.trackers };
  const criteria = ctx.table.criteria.map((c) => {
    const s = SECTIONS[c.id];
    const body = `<p>${esc(ruleText(ctx, criterion(ctx, c.id)))}</p>${substitutionNote(set, c.id)}${s.body(ctx)}${evidenceBlock(ctx, c)}`;
    return { id: c.id, title: s.title, body };
  });
  const sections = [
    { id: 'scores', title: 'Scores', body: scoresSection(ctx) },
    { id: 'provenance', title: 'Where the numbers come from', body: provenanceSection(ctx) },
    ...criteria,
  ];
  return page({
    title: `Experiment trackers compared: ${set.dataSet}`,
    lead: lead(ctx),
    sections,
    footer: esc(`Made by reprotree report on ${input.generated} from ${listing([...input.files])}.`),
  });
}
