/**
 * The scoring rules of docs/measurements.md: one function per criterion, each giving every
 * tracker of a measurement set a score, the evidence behind it (the raw numbers and how they make
 * the score) and notes on anything missing or failed. With the study's three trackers they give
 * its Table 11; with more trackers, ranked criteria still pay only the top places, so every
 * criterion keeps the study's range.
 *
 * A tracker that did not install or import, a failed or unsupported record and a measurement that
 * is simply absent all count the same way: the tracker stores nothing there, is the slowest and
 * heaviest there, and earns no points there. The evidence and notes say which of these it was.
 */
import { COMPONENTS, CRITERIA, FACT_CRITERIA, ITEMS, SHARED_ITEMS } from './format.js';
import type {
  Component,
  CriterionId,
  LinesRecord,
  LogSizeRecord,
  Mark,
  MarkExperiment,
  MarksRecord,
  MeasurementSet,
  MemoryRecord,
  RuntimeRecord,
  Tracker,
} from './format.js';
import { rankSlot } from './ranks.js';
import type { Entry, Tie } from './ranks.js';
import { scoreMaintained, scoreOpenSource, scorePython312, scoreSelfHosting } from './fact-rules.js';
import { Data } from './records.js';
import type { Keys, RuleResult } from './records.js';
import { median } from './stats.js';
import { approx, COMPONENT_NAMES, count, ITEM_NAMES, kilobytes, listing, meanAndSd, mib, ordinal, plain, points, seconds } from './words.js';

/** Log size: within this many times the smallest earns 1, within the second 0.5. */
export const LOG_SIZE_LIMITS = [1.5, 3] as const;
/** Memory from data: within this many times the lowest peak earns 1, within the second 0.5. */
export const MEMORY_FROM_DATA_LIMITS = [1.25, 2] as const;

export const CRITERION_NAMES: Record<CriterionId, string> = {
  'auto-logging': 'Auto-logging',
  runtime: 'Runtime',
  memory: 'Memory',
  lines: 'Lines of code',
  sklearn: 'scikit-learn deep dive',
  'log-size': 'Log size',
  keras: 'Keras deep dive',
  'memory-from-data': 'Memory from data',
  collaboration: 'Collaboration',
  'open-source': 'Open source',
  'self-hosting': 'Self-hosting',
  maintained: 'Maintained',
  'python-312': 'Python 3.12',
};

export type { RuleResult } from './records.js';

export interface CriterionResult extends RuleResult {
  readonly id: CriterionId;
  readonly name: string;
  /** The most a tracker can earn. */
  readonly max: number;
  /** What the rule gives; `scores` differs only where a published score overrides it. */
  readonly rule: readonly number[];
  readonly override?: { readonly why: string; readonly where: string };
}

export interface ScoredTable {
  readonly trackers: readonly Tracker[];
  /** In the order of the study's Table 11. */
  readonly criteria: readonly CriterionResult[];
  readonly notes: readonly string[];
}

/** The experiment whose records a criterion is scored from: its own, or the facts for the 2026 facts. */
export function experimentOf(id: CriterionId): string {
  return (FACT_CRITERIA as readonly string[]).includes(id) ? 'facts' : id;
}

/** Scores every criterion; a published override replaces the rule's scores and says so. */
export function scoreAll(set: MeasurementSet): ScoredTable {
  const data = new Data(set);
  const notes = set.trackers
    .filter((t) => t.status !== 'ok')
    .map((t) => `${t.name} ${data.trackerFailure(t)}: it is scored as storing nothing and as the slowest and heaviest tracker.`);
  // A criterion is scored only where its experiment was run for some tracker (failed records count:
  // a tracker that did not install was still asked). The study has no facts records, so no 2026
  // facts; a run without --keras has no Keras records, so no Keras criteria, rather than zeros
  // that would read as "stores nothing".
  const run = new Set<string>(set.records.map((r) => r.experiment));
  const scored = CRITERIA.filter(({ id }) => run.has(experimentOf(id)));
  for (const { id } of CRITERIA) {
    if (!run.has(experimentOf(id)) && !(FACT_CRITERIA as readonly string[]).includes(id))
      notes.push(`${CRITERION_NAMES[id]} is left out: no tracker was measured on it (the ${experimentOf(id)} experiment was not run).`);
  }
  const criteria = scored.map(({ id, max }): CriterionResult => {
    const result = RULES[id](data);
    const override = set.overrides.find((o) => o.criterion === id);
    if (!override) return { id, name: CRITERION_NAMES[id], max, rule: result.scores, ...result };
    const published = set.trackers.map((t) => override.scores.get(t.id)!);
    const evidence = result.evidence.map((e, i) =>
      published[i] === result.scores[i]
        ? `${e} Published: ${plain(published[i]!)}, as the rule gives.`
        : `${e} Published: ${plain(published[i]!)}; the score used is the published one.`,
    );
    return {
      id,
      name: CRITERION_NAMES[id],
      max,
      rule: result.scores,
      scores: published,
      evidence,
      notes: result.notes,
      override: { why: override.why, where: override.where },
    };
  });
  return { trackers: set.trackers, criteria, notes };
}

/** "W&B 2 (rule 2), Guild 2 (rule 1)": the published scores next to the rule's. */
export function publishedVsRule(trackers: readonly Tracker[], c: CriterionResult): string {
  return trackers.map((t, i) => `${t.name} ${plain(c.scores[i]!)} (rule ${plain(c.rule[i]!)})`).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Marks

const MARK_POINTS: Record<Mark, number> = { '+': 1, '(+)': 0.5, '-': 0 };

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** "run metadata +; train metrics (+) (only when printed)" — with the record's note, if any. */
function markText(item: string, mark: Mark, note?: string): string {
  return `${ITEM_NAMES[item] ?? item} ${mark}${note ? ` (${note})` : ''}`;
}

/** The items of one mark experiment for one tracker: marks, or "-" with the reason. */
function marksOf(
  data: Data,
  experiment: MarkExperiment,
  t: Tracker,
  keys: Keys = {},
): { marks: Map<string, Mark>; record?: MarksRecord; reason?: string } {
  const found = data.find<MarksRecord>(experiment, t, keys);
  if (!found.record) return { marks: new Map(ITEMS[experiment].map((i) => [i, '-' as Mark])), reason: found.reason };
  return { marks: new Map(found.record.items), record: found.record };
}

/** Per item, + 1, (+) 0.5, - 0, summed: Tables 5 and 10 as they stand; more trackers change nothing. */
function scoreMarks(data: Data, experiment: 'sklearn' | 'collaboration'): RuleResult {
  const notes: string[] = [];
  const evidence: string[] = [];
  const scores = data.trackers.map((t) => {
    const { marks, record, reason } = marksOf(data, experiment, t);
    if (reason) {
      evidence.push(`${reason}: counted as storing nothing, 0 points.`);
      if (t.status === 'ok') notes.push(`${t.name}: ${experiment} ${reason}; it scores 0.`);
      return 0;
    }
    const s = sum([...marks.values()].map((m) => MARK_POINTS[m]));
    evidence.push(`${[...marks].map(([i, m]) => markText(i, m, record?.notes.get(i))).join('; ')}: ${points(s)}.`);
    return s;
  });
  return { scores, evidence, notes };
}

/**
 * Study: per item 1 for "+", 0.5 for a workaround, 0 for none (Table 1, max 5). Added: with
 * several tasks (a ridge regression and an SVC), an item counts at its worst mark over them.
 */
export function scoreAutoLogging(data: Data): RuleResult {
  const tasks = data.keysOf('auto-logging', 'task');
  const notes: string[] = [];
  const evidence: string[] = [];
  const items = ITEMS['auto-logging'];
  const scores = data.trackers.map((t) => {
    const perTask = tasks.map((task) => ({ task, ...marksOf(data, 'auto-logging', t, { task }) }));
    const missing = perTask.filter((p) => p.reason);
    for (const p of missing) if (t.status === 'ok') notes.push(`${t.name}: auto-logging on ${p.task} ${p.reason}; its items count as not stored.`);
    if (tasks.length === 0 || missing.length === tasks.length) {
      evidence.push(`${missing[0]?.reason ?? 'not measured'}: counted as storing nothing, 0 points.`);
      return 0;
    }
    const parts: string[] = [];
    let s = 0;
    for (const item of items) {
      const marks = perTask.map((p) => p.marks.get(item)!);
      const worst = marks.reduce((a, b) => (MARK_POINTS[b] < MARK_POINTS[a] ? b : a));
      s += MARK_POINTS[worst];
      const note = perTask.length === 1 ? perTask[0]!.record?.notes.get(item) : undefined;
      const differs = new Set(marks).size > 1;
      parts.push(
        differs ? `${markText(item, worst)} (${perTask.map((p, i) => `${marks[i]} on ${p.task}`).join(', ')})` : markText(item, worst, note),
      );
    }
    const over = tasks.length > 1 ? ` (worst over ${listing(tasks)})` : '';
    evidence.push(`${parts.join('; ')}${over}: ${points(s)}.`);
    return s;
  });
  return { scores, evidence, notes };
}

/** Study: per item as Table 5 (max 10). Nothing to generalise. */
export function scoreSklearn(data: Data): RuleResult {
  return scoreMarks(data, 'sklearn');
}

/** Study: per item as Table 10, "(+)" meaning a paid plan (max 6). Nothing to generalise. */
export function scoreCollaboration(data: Data): RuleResult {
  return scoreMarks(data, 'collaboration');
}

/**
 * Study: the four Keras items of Table 8 plus the five `**` items of Table 5, which do not depend
 * on the library (max 9). Added: when the scikit-learn record is missing, those five count as not
 * stored, and the evidence says so.
 */
export function scoreKeras(data: Data): RuleResult {
  const notes: string[] = [];
  const evidence: string[] = [];
  const scores = data.trackers.map((t) => {
    const keras = marksOf(data, 'keras', t);
    const shared = marksOf(data, 'sklearn', t);
    if (keras.reason && t.status === 'ok') notes.push(`${t.name}: keras ${keras.reason}; its Keras items count as not stored.`);
    if (t.status !== 'ok') {
      evidence.push(`${keras.reason}: counted as storing nothing, 0 points.`);
      return 0;
    }
    const own = sum([...keras.marks.values()].map((m) => MARK_POINTS[m]));
    const common = sum(SHARED_ITEMS.map((i) => MARK_POINTS[shared.marks.get(i)!]));
    const ownText = keras.reason ? `Keras ${keras.reason}` : [...keras.marks].map(([i, m]) => markText(i, m, keras.record?.notes.get(i))).join('; ');
    const sharedText = shared.reason
      ? `the scikit-learn record ${shared.reason}, so the five shared items count as not stored`
      : `shared with the scikit-learn deep dive: ${SHARED_ITEMS.map((i) => markText(i, shared.marks.get(i)!)).join('; ')}`;
    evidence.push(`${ownText}; ${sharedText}: ${plain(own)} + ${plain(common)} = ${points(own + common)}.`);
    return own + common;
  });
  return { scores, evidence, notes };
}

// ---------------------------------------------------------------------------------------------
// Ranked criteria: runtime and memory (ranks.ts ranks one slot)

/** What a slot holds for each tracker: its entry and how it reads, or why it has none. */
interface Slot {
  readonly component: Component;
  readonly machine: string;
  readonly entries: Entry[];
  /** Per tracker: "mean 3.74 s ± 0.96 s", or the reason there is no value. */
  readonly shown: string[];
  readonly missing: boolean[];
}

function slotsOf<R extends RuntimeRecord | MemoryRecord>(
  data: Data,
  experiment: 'runtime' | 'memory',
  read: (r: R) => { entry: Omit<Entry, 'tracker'>; shown: string },
): { slots: Slot[]; notes: string[] } {
  const machines = data.keysOf(experiment, 'machine');
  const slots: Slot[] = [];
  const notes: string[] = [];
  for (const component of COMPONENTS) {
    for (const machine of machines) {
      const slot: Slot = { component, machine, entries: [], shown: [], missing: [] };
      const found = data.trackers.map((t) => data.find<R>(experiment, t, { component, machine }));
      found.forEach((f, i) => {
        if (f.reason !== undefined) {
          slot.shown.push(f.reason);
          slot.missing.push(true);
        } else {
          const { entry, shown } = read(f.record);
          slot.entries.push({ tracker: i, ...entry });
          slot.shown.push(shown);
          slot.missing.push(false);
        }
      });
      // A part nobody measured (a partial run) ranks nobody; say so once, not once per tracker.
      if (slot.entries.length === 0) {
        notes.push(
          `No tracker has a ${experiment} measurement of ${COMPONENT_NAMES[component]} on ${data.machineName(machine)}; that part gives no points.`,
        );
        continue;
      }
      data.trackers.forEach((t, i) => {
        if (slot.missing[i] && t.status === 'ok')
          notes.push(`${t.name}: ${COMPONENT_NAMES[component]} on ${data.machineName(machine)} ${slot.shown[i]}; it ranks last there.`);
      });
      slots.push(slot);
    }
  }
  if (machines.length === 0) notes.push(`There are no ${experiment} measurements; every tracker scores 0.`);
  return { slots, notes };
}

/** Runtime: what a slot's central value is (the median, or the published mean) and how it reads. */
function readRuntime(r: RuntimeRecord): { entry: Omit<Entry, 'tracker'>; shown: string } {
  return r.samples
    ? { entry: { central: median(r.samples), samples: r.samples }, shown: `median ${seconds(median(r.samples))} ${repetitionsText(r)}` }
    : { entry: { central: r.summary!.mean }, shown: `mean ${meanAndSd(r.summary!.mean, r.summary!.sd)}` };
}

/** Memory: the median peak, or the published peak, and how it reads. */
function readMemory(r: MemoryRecord): { entry: Omit<Entry, 'tracker'>; shown: string } {
  if (!r.samples) return { entry: { central: r.summary!.peak }, shown: `peak ${mib(r.summary!.peak, r.summary!.increment, true)}` };
  const peaks = r.samples.map((s) => s.peak);
  const shown = `median peak ${mib(median(peaks), median(r.samples.map((s) => s.increment)), false)} ${repetitionsText(r)}`;
  return { entry: { central: median(peaks), samples: peaks }, shown };
}

/** Runtime points of a rank in one slot: 1 for the first place, 0.5 for the second, else nothing. */
export function runtimePoints(rank: number | undefined): number {
  return rank === 1 ? 1 : rank === 2 ? 0.5 : 0;
}

/** One slot (a component on a machine) as the runtime or memory rule ranked it. */
export interface SlotRanking {
  readonly component: Component;
  readonly machine: string;
  /** Tracker index → rank, for the trackers measured in the slot. */
  readonly ranks: ReadonlyMap<number, number>;
  /** Pairs whose central values differ but which the test could not tell apart. */
  readonly ties: readonly Tie[];
}

/**
 * The ranks the runtime or memory rule gave in every slot it scored, for showing next to the
 * samples: the same slots, central values and tests as the rule, so a picture cannot disagree
 * with a score.
 */
export function slotRankings(set: MeasurementSet, experiment: 'runtime' | 'memory'): SlotRanking[] {
  const data = new Data(set);
  const { slots } = experiment === 'runtime' ? slotsOf(data, 'runtime', readRuntime) : slotsOf(data, 'memory', readMemory);
  return slots.map((s) => ({ component: s.component, machine: s.machine, ...rankSlot(s.entries) }));
}

/** "of 30" or "of 28 (2 failed)". */
function repetitionsText(r: RuntimeRecord | MemoryRecord | LogSizeRecord): string {
  const n = r.samples?.length ?? 0;
  return r.failures.length > 0 ? `of ${n} (${r.failures.length} failed)` : `of ${n}`;
}

function tieNotes(data: Data, slot: Slot, ties: readonly Tie[], what: string): string[] {
  return ties.map(
    ({ a, b, p }) =>
      `${what} of ${COMPONENT_NAMES[slot.component]} on ${data.machineName(slot.machine)}: ${data.trackers[a]!.name} and ${data.trackers[b]!.name} differ too little to tell apart (Holm-adjusted p = ${approx(p)}), so they share a rank.`,
  );
}

/**
 * Study: per component and machine, 1 point for the fastest and 0.5 for the second (Table 2),
 * added up over components and averaged over the two machines (max 3). Added: trackers that a
 * Mann–Whitney test with Holm's correction cannot tell apart share a rank (see rankSlot); ranks
 * past the second earn nothing however many trackers there are; a tracker without a measurement
 * in a slot earns nothing there.
 */
export function scoreRuntime(data: Data): RuleResult {
  const { slots, notes } = slotsOf<RuntimeRecord>(data, 'runtime', readRuntime);
  const machines = data.keysOf('runtime', 'machine');
  const perMachine = data.trackers.map(() => new Map<string, number>(machines.map((m) => [m, 0])));
  const lines = data.trackers.map(() => new Map<Component, string[]>());
  for (const slot of slots) {
    const { ranks, ties } = rankSlot(slot.entries);
    notes.push(...tieNotes(data, slot, ties, 'Runtime'));
    data.trackers.forEach((_, i) => {
      const rank = ranks.get(i);
      const earned = runtimePoints(rank);
      perMachine[i]!.set(slot.machine, perMachine[i]!.get(slot.machine)! + earned);
      const list = lines[i]!.get(slot.component) ?? [];
      list.push(`${slot.shown[i]} on ${data.machineName(slot.machine)}${rank === undefined ? '' : ` (${ordinal(rank)})`}`);
      lines[i]!.set(slot.component, list);
    });
  }
  const evidence: string[] = [];
  const scores = data.trackers.map((t, i) => {
    if (t.status !== 'ok') {
      evidence.push(`${data.trackerFailure(t)}: slowest everywhere, 0 points.`);
      return 0;
    }
    const totals = machines.map((m) => perMachine[i]!.get(m)!);
    const score = machines.length === 0 ? 0 : sum(totals) / machines.length;
    const parts = [...lines[i]!].map(([c, l]) => `${COMPONENT_NAMES[c]}: ${l.join(', ')}`);
    const how = machines.length > 1 ? `${machines.map((m, k) => `${plain(totals[k]!)} on ${data.machineName(m)}`).join(', ')}, averaged: ` : '';
    evidence.push(`${parts.join('; ')}. ${how}${points(score)}.`);
    return score;
  });
  return { scores, evidence, notes };
}

/**
 * Study: the trackers ranked by memory across all run components, 1.5, 1 and 0.5 points in that
 * order (Table 3). Made precise: per component and machine trackers rank by peak memory (ties as
 * for runtime); the mean rank orders them (compared as sums: every tracker has a rank in every
 * slot); the first three places earn 1.5, 1 and 0.5, equal means sharing the higher place. Added: a tracker without a measurement
 * in a slot ranks behind every tracker with one; a tracker with none at all earns nothing.
 */
export function scoreMemory(data: Data): RuleResult {
  const { slots, notes } = slotsOf<MemoryRecord>(data, 'memory', readMemory);
  const rankSums = data.trackers.map(() => 0);
  const measured = data.trackers.map(() => false);
  const lines = data.trackers.map(() => new Map<Component, string[]>());
  for (const slot of slots) {
    const { ranks, ties } = rankSlot(slot.entries);
    notes.push(...tieNotes(data, slot, ties, 'Memory'));
    data.trackers.forEach((_, i) => {
      // Without a measurement: behind every tracker that has one.
      const rank = ranks.get(i) ?? slot.entries.length + 1;
      rankSums[i] = rankSums[i]! + rank;
      if (ranks.has(i)) measured[i] = true;
      const list = lines[i]!.get(slot.component) ?? [];
      list.push(`${slot.shown[i]} on ${data.machineName(slot.machine)}${ranks.has(i) ? ` (${ordinal(rank)})` : ''}`);
      lines[i]!.set(slot.component, list);
    });
  }
  const evidence: string[] = [];
  const scores = data.trackers.map((t, i) => {
    const place = 1 + rankSums.filter((s) => s < rankSums[i]!).length;
    const score = measured[i] ? ([1.5, 1, 0.5][place - 1] ?? 0) : 0;
    if (t.status !== 'ok') {
      evidence.push(`${data.trackerFailure(t)}: heaviest everywhere, 0 points.`);
      return 0;
    }
    const parts = [...lines[i]!].map(([c, l]) => `${COMPONENT_NAMES[c]}: ${l.join(', ')}`);
    const mean = slots.length > 0 ? approx(rankSums[i]! / slots.length) : '-';
    evidence.push(`${parts.join('; ')}. Mean rank ${mean}, ${ordinal(place)} of ${data.trackers.length}: ${points(score)}.`);
    return score;
  });
  return { scores, evidence, notes };
}

// ---------------------------------------------------------------------------------------------
// Lines

/**
 * Study: per component, 1 point for the fewest added lines (Table 4, max 3). Added: trackers
 * that tie on the fewest all earn it; a tracker whose component failed, is unsupported or was not
 * measured earns nothing there.
 */
export function scoreLines(data: Data): RuleResult {
  const notes: string[] = [];
  const earned = data.trackers.map(() => 0);
  const parts = data.trackers.map((): string[] => []);
  const fewestIn = data.trackers.map((): string[] => []);
  for (const component of COMPONENTS) {
    const found = data.trackers.map((t) => data.find<LinesRecord>('lines', t, { component }));
    const counts = found.map((f) => f.record?.added);
    const known = counts.filter((c): c is number => c !== undefined);
    const fewest = known.length > 0 ? Math.min(...known) : undefined;
    data.trackers.forEach((t, i) => {
      const f = found[i]!;
      const name = COMPONENT_NAMES[component];
      if (!f.record) {
        parts[i]!.push(`${name} ${f.reason}`);
        if (t.status === 'ok') notes.push(`${t.name}: lines for ${name} ${f.reason}; no point there.`);
        return;
      }
      const note = f.record.note ? ` (the study writes "${f.record.note}")` : '';
      parts[i]!.push(`${name} ${f.record.added}${note}`);
      if (f.record.added === fewest) {
        earned[i] = earned[i]! + 1;
        fewestIn[i]!.push(name);
      }
    });
  }
  const evidence = data.trackers.map((t, i) => {
    if (t.status !== 'ok') return `${data.trackerFailure(t)}: 0 points.`;
    const where = fewestIn[i]!.length > 0 ? `fewest in ${listing(fewestIn[i]!)}` : 'fewest in no component';
    return `Added lines: ${parts[i]!.join(', ')}; ${where}: ${points(earned[i]!)} by the rule.`;
  });
  return { scores: earned, evidence, notes };
}

// ---------------------------------------------------------------------------------------------
// Thresholds: log size and memory from data

/** One place where trackers are compared: a machine, or a data size on a machine. */
interface RatioSlot {
  /** "at 10 000 examples", or "" where the machine alone says where. */
  readonly group: string;
  readonly machine: string;
  readonly values: (number | undefined)[];
  /** Per tracker: how the value reads, or why there is none. */
  readonly shown: string[];
}

/**
 * Per slot, each tracker's value over the lowest of the slot; a tracker's tier is set by its
 * worst ratio over all slots (a missing slot counts as beyond every limit).
 */
function scoreRatios(data: Data, slots: readonly RatioSlot[], limits: readonly [number, number], what: string): RuleResult {
  const notes: string[] = [];
  const worst = data.trackers.map(() => 1);
  const parts = data.trackers.map(() => new Map<string, string[]>());
  for (const slot of slots) {
    const known = slot.values.filter((v): v is number => v !== undefined);
    const lowest = Math.min(...known);
    const where = `on ${data.machineName(slot.machine)}`;
    data.trackers.forEach((t, i) => {
      const v = slot.values[i];
      let text: string;
      if (v === undefined) {
        worst[i] = Infinity;
        text = `${slot.shown[i]} ${where}`;
        if (t.status === 'ok') notes.push(`${t.name}: ${what}${slot.group ? ` ${slot.group}` : ''} ${where} ${slot.shown[i]}; it scores 0.`);
      } else {
        // A lowest value of 0 makes every other value infinitely larger; two zeros are equal.
        const ratio = v === lowest ? 1 : v / lowest;
        worst[i] = Math.max(worst[i]!, ratio);
        text = `${slot.shown[i]} ${where} (${approx(ratio)}×)`;
      }
      const list = parts[i]!.get(slot.group) ?? [];
      list.push(text);
      parts[i]!.set(slot.group, list);
    });
  }
  if (slots.length === 0) notes.push(`There are no ${what} measurements; every tracker scores 0.`);
  const evidence: string[] = [];
  const scores = data.trackers.map((t, i) => {
    if (t.status !== 'ok') {
      evidence.push(`${data.trackerFailure(t)}: 0 points.`);
      return 0;
    }
    const w = slots.length === 0 ? Infinity : worst[i]!;
    const score = w <= limits[0] ? 1 : w <= limits[1] ? 0.5 : 0;
    const limit = Number.isFinite(w) ? `at most ${approx(w)}× the lowest` : 'not measured everywhere';
    const text = [...parts[i]!].map(([group, list]) => (group ? `${group}: ${list.join(', ')}` : list.join(', '))).join('; ');
    evidence.push(`${text}; ${limit}: ${points(score)}.`);
    return score;
  });
  return { scores, evidence, notes };
}

/**
 * Study: the log sizes (66–89 kB) differed too little to score, so every tracker got 1 (Table 6).
 * Made a rule: 1 within 1.5× the smallest median log on every machine, 0.5 within 3×, else 0.
 */
export function scoreLogSize(data: Data): RuleResult {
  const slots = data.keysOf('log-size', 'machine').map((machine) => {
    const found = data.trackers.map((t) => data.find<LogSizeRecord>('log-size', t, { machine }));
    return {
      group: '',
      machine,
      values: found.map((f) => (f.record ? (f.record.samples ? median(f.record.samples) : f.record.summary!.size) : undefined)),
      shown: found.map((f) =>
        f.record
          ? f.record.samples
            ? `median ${kilobytes(median(f.record.samples), false)} ${repetitionsText(f.record)}`
            : kilobytes(f.record.summary!.size, true)
          : f.reason,
      ),
    };
  });
  return scoreRatios(data, slots, LOG_SIZE_LIMITS, 'log size');
}

/**
 * Study: peak memory at four data sizes differed too little to score, so every tracker got 1
 * (Table 9). Made a rule: 1 within 1.25× the lowest peak at every size and machine, 0.5 within
 * 2×, else 0.
 */
export function scoreMemoryFromData(data: Data): RuleResult {
  const sizes = data.keysOf('memory-from-data', 'size').sort((a, b) => a - b);
  const machines = data.keysOf('memory-from-data', 'machine');
  const slots = sizes.flatMap((size) =>
    machines.map((machine) => {
      const found = data.trackers.map((t) => data.find<MemoryRecord>('memory-from-data', t, { machine, size }));
      return {
        group: `peak at ${count(size)} examples`,
        machine,
        values: found.map((f) => (f.record ? (f.record.samples ? median(f.record.samples.map((s) => s.peak)) : f.record.summary!.peak) : undefined)),
        shown: found.map((f) => {
          const r = f.record;
          if (!r) return f.reason;
          if (!r.samples) return `${plain(r.summary!.peak)} MiB`;
          return `median ${approx(median(r.samples.map((s) => s.peak)))} MiB ${repetitionsText(r)}`;
        }),
      };
    }),
  );
  return scoreRatios(data, slots, MEMORY_FROM_DATA_LIMITS, 'memory from data');
}

const RULES: Record<CriterionId, (data: Data) => RuleResult> = {
  'auto-logging': scoreAutoLogging,
  runtime: scoreRuntime,
  memory: scoreMemory,
  lines: scoreLines,
  sklearn: scoreSklearn,
  'log-size': scoreLogSize,
  keras: scoreKeras,
  'memory-from-data': scoreMemoryFromData,
  collaboration: scoreCollaboration,
  'open-source': scoreOpenSource,
  'self-hosting': scoreSelfHosting,
  maintained: scoreMaintained,
  'python-312': scorePython312,
};

/** For tests and tools: one criterion's rule on a set, without overrides. */
export function scoreCriterion(set: MeasurementSet, id: CriterionId): RuleResult {
  return RULES[id](new Data(set));
}
