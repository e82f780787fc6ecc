/**
 * Where a study's scores come from, in one sentence and as JSON: every result says it (advice,
 * scores, pictures, the questionnaire), so a reader knows whether they are looking at the
 * study's 2021 table or at trackers measured on a given day, with which versions, on what.
 *
 * A bundled data set is named by its `data:` section. A file the user named is named by its
 * path first, even when it carries a `data:` section: it may be a copy whose scores were edited.
 */
import { printable } from '../errors.js';
import type { DataProvenance, Study } from '../study/types.js';
import { andList } from './format.js';

/** "MLflow 3.17.2, W&B 0.31.0": the versions the data records, in the file's framework order. */
function versionsText(study: Study, data: DataProvenance): string | undefined {
  const known = study.frameworks.flatMap((f, i) => (data.versions[i] == null ? [] : [`${f.name} ${data.versions[i]}`]));
  return known.length > 0 ? andList(known) : undefined;
}

/** "trackers-2026 — measured by …, on 2026-11-27 on …, Python 3.11.7; MLflow 3.17.2 and W&B 0.31.0". */
function describe(study: Study, data: DataProvenance): string {
  const where = [
    data.source ?? data.title,
    data.measuredOn === undefined ? undefined : `measured on ${data.measuredOn}`,
    data.machine === undefined ? undefined : `on ${data.machine}`,
    data.python === undefined ? undefined : `Python ${data.python}`,
  ].filter((x): x is string => x !== undefined);
  const versions = versionsText(study, data);
  return `${data.name}${where.length > 0 ? ` — ${where.join(', ')}` : ''}${versions ? `; ${versions}` : ''}`;
}

/** One sentence: "Scores: study-2021 — Table 11 of Kondratiuk & Rasgauski (2021)." */
export function provenanceLine(study: Study): string {
  const about = study.data === undefined ? undefined : describe(study, study.data);
  const sentence =
    study.dataSet !== undefined
      ? `Scores: ${about ?? study.dataSet}`
      : `Scores: from ${printable(study.file)}${about === undefined ? '' : `, which says they are ${about}`}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The `data` object of the JSON outputs (schema/recommendation.schema.json). */
export function provenanceJson(study: Study): object {
  const d = study.data;
  return {
    name: d?.name ?? null,
    bundled: study.dataSet !== undefined,
    file: study.dataSet === undefined ? study.file : null,
    title: d?.title ?? null,
    source: d?.source ?? null,
    measured_on: d?.measuredOn ?? null,
    machine: d?.machine ?? null,
    python: d?.python ?? null,
    versions: Object.fromEntries(study.frameworks.map((f, i) => [f.id, d?.versions[i] ?? null])),
  };
}
