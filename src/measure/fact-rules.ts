/**
 * The scoring rules of the four 2026 criteria the study lacks, from each tracker's `facts`
 * record (docs/measurements.md): open source, self-hosting without a paid plan, maintained,
 * and running on Python 3.12. Each gives 1, 0.5 or 0; a fact that could not be established
 * (not measured, a failed record, a tracker that did not install) earns 0, and the evidence and
 * notes say why. Nothing is guessed: a fact is scored from the data the record holds.
 */
import type { Facts, FactsRecord, LicenceFact, MaintainedFact, Python312Fact, SelfHostingFact, Source, Tracker } from './format.js';
import { notOpenSource } from './licences.js';
import type { Data, RuleResult } from './records.js';
import { oneLine, points } from './words.js';

/** Maintained: the latest release is at most this many months older than the day PyPI was asked. */
export const MAINTAINED_MONTHS = 12;

/** "(https://…, checked 2026-11-27)" */
function cite(source: Source | undefined): string {
  return source ? ` (${source.url}, checked ${source.checked.slice(0, 10)})` : '';
}

/** One fact rule: how a tracker's fact scores, given its record. */
type FactScore = (fact: NonNullable<Facts[keyof Facts]>, record: FactsRecord) => { score: number; evidence: string; note?: string };

/**
 * Applies a fact rule to every tracker: trackers without the fact (no record, a failed one, not
 * measured) score 0, with the reason in their evidence and, for a tracker that ran, in a note.
 */
function scoreFact(data: Data, item: keyof Facts, name: string, rule: FactScore): RuleResult {
  const notes: string[] = [];
  const evidence: string[] = [];
  const scores = data.trackers.map((t: Tracker) => {
    const found = data.find<FactsRecord>('facts', t, {});
    const fact = found.record?.facts[item];
    if (!found.record || !fact) {
      const why = found.reason ?? 'not recorded';
      evidence.push(`${why}: 0 points.`);
      if (t.status === 'ok') notes.push(`${t.name}: ${name} ${why}; it scores 0.`);
      return 0;
    }
    if (fact.status === 'not-measured') {
      evidence.push(`Not measured (${oneLine(fact.why)}): 0 points.`);
      notes.push(`${t.name}: ${name} was not measured (${oneLine(fact.why)}); it scores 0.`);
      return 0;
    }
    const { score, evidence: text, note } = rule(fact, found.record);
    evidence.push(text);
    if (note) notes.push(`${t.name}: ${note}`);
    return score;
  });
  return { scores, evidence, notes };
}

/** "MIT (declared in its classifier "License :: OSI Approved :: MIT License")" */
function packageLicence(f: LicenceFact): { open: boolean; text: string } {
  const from =
    f.declared === null
      ? ''
      : ` (${f.field === 'License-Expression' ? 'its License-Expression' : `its ${f.field} field says "${oneLine(f.declared, 80)}"`})`;
  if (f.spdx !== null) {
    const bad = notOpenSource(f.spdx);
    return {
      open: bad.length === 0,
      text: `${f.spdx}${from}, ${bad.length === 0 ? 'an OSI-approved licence' : `not OSI-approved (${bad.join(', ')})`}`,
    };
  }
  if (f.declared === null) return { open: false, text: 'no licence' };
  return f.osiClassifier
    ? { open: true, text: `a licence it classifies as OSI Approved${from}` }
    : { open: false, text: `a licence that is neither named by an SPDX id nor classified as OSI Approved${from}` };
}

/**
 * Open source: 1 when the installed package's licence is OSI-approved and so is whatever server it
 * is used with (or it needs none); 0.5 when the package is but its server or hosted service is not
 * (W&B's and Comet's MIT clients log to proprietary servers); 0 when the package is not.
 */
export function scoreOpenSource(data: Data): RuleResult {
  return scoreFact(data, 'licence', 'the licence', (fact, record) => {
    const f = fact as LicenceFact;
    const pkg = packageLicence(f);
    const serverOpen = f.server === 'none' || (f.server !== 'proprietary' && notOpenSource(f.server).length === 0);
    const server =
      f.server === 'none'
        ? 'any server it has comes in that same package, with nothing proprietary behind it'
        : f.server === 'proprietary'
          ? 'the server or service it logs to is proprietary'
          : `the server it logs to is under ${f.server}${serverOpen ? ', OSI-approved' : ', not OSI-approved'}`;
    const score = pkg.open ? (serverOpen ? 1 : 0.5) : 0;
    return { score, evidence: `The installed package declares ${pkg.text}; ${server}${cite(record.sources.get('licence'))}: ${points(score)}.` };
  });
}

const HOSTING: Record<SelfHostingFact['mark'], { score: number; text: string }> = {
  '+': { score: 1, text: 'runs on machines you control without a paid plan or a licence from the vendor' },
  '(+)': { score: 0.5, text: 'can run on machines you control only with a paid plan or a licence from the vendor' },
  '-': { score: 0, text: 'cannot run on machines you control' },
};

/** Self-hosting, from the documentation: `+` 1, `(+)` 0.5, `-` 0. */
export function scoreSelfHosting(data: Data): RuleResult {
  return scoreFact(data, 'self-hosting', 'self-hosting', (fact, record) => {
    const { score, text } = HOSTING[(fact as SelfHostingFact).mark];
    const note = record.notes.get('self-hosting');
    return {
      score,
      evidence: `${(fact as SelfHostingFact).mark}: ${text}${note ? ` (${oneLine(note, 300)})` : ''}${cite(record.sources.get('self-hosting'))}: ${points(score)}.`,
    };
  });
}

/** The day `months` calendar months before `day` (YYYY-MM-DD), the 31st falling back to the month's last day. */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Maintained: 1 when PyPI's latest release was uploaded at most 12 months before the day PyPI was
 * asked (the measurement date), else 0; a PyPI that could not be asked gives no score at all.
 */
export function scoreMaintained(data: Data): RuleResult {
  return scoreFact(data, 'maintained', 'maintenance', (fact, record) => {
    const f = fact as MaintainedFact;
    const source = record.sources.get('maintained');
    const released = f.released.slice(0, 10);
    // Without the day PyPI was asked there is nothing to measure the age against.
    const asked = (source?.checked ?? record.started ?? '').slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asked))
      return {
        score: 0,
        evidence: `Latest release ${f.latest} (${released}), but not when PyPI was asked: 0 points.`,
        note: 'maintenance has no date checked; it scores 0.',
      };
    const since = monthsBefore(asked, MAINTAINED_MONTHS);
    const recent = released >= since;
    const score = recent ? 1 : 0;
    const yanked = f.yanked ? ' (yanked since)' : '';
    return {
      score,
      evidence: `Latest release on PyPI: ${f.latest}${yanked}, uploaded ${released}; ${recent ? 'within' : 'more than'} ${MAINTAINED_MONTHS} months before ${asked}${cite(source)}: ${points(score)}.`,
    };
  });
}

const STEPS: Record<string, string> = {
  venv: 'making a Python 3.12 environment failed',
  install: 'installing its pinned requirements failed',
  import: 'it installed, but importing it failed',
  init: 'it installed and imported, but starting and ending a run failed',
};

/** Python 3.12: 1 when the tracker installed, imported and started and ended a run on it; else 0. */
export function scorePython312(data: Data): RuleResult {
  return scoreFact(data, 'python-3.12', 'Python 3.12', (fact) => {
    const f = fact as Python312Fact;
    const on = `Python ${f.python ?? '3.12'}`;
    if (f.ok) return { score: 1, evidence: `On ${on} it installed from its pinned requirements, imported, and started and ended a run: 1 point.` };
    // Own keys only: a step named 'constructor' in a file is a step, not Object's.
    const known = f.failedStep !== null && Object.hasOwn(STEPS, f.failedStep) ? STEPS[f.failedStep] : undefined;
    const step = known ?? `the ${f.failedStep ?? 'check'} step failed`;
    const error = f.error ? ` (${oneLine(f.error, 120)})` : '';
    return { score: 0, evidence: `On ${on} ${step}${error}: 0 points.` };
  });
}
