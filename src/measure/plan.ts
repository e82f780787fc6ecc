/**
 * What a run measures, decided before anything runs: the trackers and experiment groups the
 * probes offer (their `list` command), narrowed by --trackers and --only; and the order of the
 * timed samples. Runtime and memory are sampled in rounds: round r takes repetition r of every
 * tracker and component, in an order shuffled afresh for each round from a recorded seed, so that
 * neither a tracker nor a component is always measured first, last or after the same neighbour
 * (a warm disk cache, a cooling CPU), and the order can be replayed from the raw file.
 */
import { didYouMean, UserError } from '../errors.js';

/** What `python -m reprotree_probe list` prints. */
export interface ProbeList {
  readonly trackers: readonly string[];
  /** Experiment group → the record experiments it writes, in the probes' order. */
  readonly experiments: Readonly<Record<string, readonly string[]>>;
  readonly components: readonly string[];
}

/** The group whose records are made from interleaved `sample` calls rather than `experiment`. */
export const SAMPLED_GROUP = 'components';
/** The record of the 2026 facts, whose group is told which Python 3.12 to try the tracker on. */
export const FACTS_RECORD = 'facts';
/** The group that needs TensorFlow, installed only with --keras. */
export const KERAS_GROUP = 'keras';

export function parseList(stdout: string): ProbeList {
  const v = JSON.parse(stdout) as ProbeList;
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (!strings(v.trackers) || !strings(v.components) || typeof v.experiments !== 'object' || v.experiments === null) {
    throw new Error('the probes\' list has no "trackers", "experiments" or "components"');
  }
  for (const records of Object.values(v.experiments)) if (!strings(records)) throw new Error("the probes' list of experiments is malformed");
  return v;
}

/** Comma-separated names, each once, in the order given. */
function names(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim().toLowerCase()))].filter((s) => s !== '');
}

export function chooseTrackers(list: ProbeList, given: string | undefined): string[] {
  if (given === undefined) return [...list.trackers];
  const wanted = names(given);
  if (wanted.length === 0) throw new UserError(`--trackers needs tracker ids separated by commas; the probes have ${list.trackers.join(', ')}.`);
  for (const t of wanted) {
    if (!list.trackers.includes(t)) {
      throw new UserError(`--trackers: the probes have no tracker '${t}'; they have ${list.trackers.join(', ')}.${didYouMean(t, list.trackers)}`);
    }
  }
  return wanted;
}

/**
 * The groups to run, in the probes' order. A name may be a group (`components`) or one of the
 * experiments it writes (`runtime`). Without --only, every group but Keras unless --keras.
 */
export function chooseGroups(list: ProbeList, only: string | undefined, keras: boolean): { groups: string[]; keras: boolean } {
  const all = Object.keys(list.experiments);
  if (only === undefined) return { groups: all.filter((g) => keras || g !== KERAS_GROUP), keras };
  const wanted = names(only);
  const known = [...new Set([...all, ...Object.values(list.experiments).flat()])];
  if (wanted.length === 0) throw new UserError(`--only needs experiment names separated by commas: ${known.join(', ')}.`);
  const chosen = new Set<string>();
  for (const w of wanted) {
    const group = all.includes(w) ? w : all.find((g) => list.experiments[g]!.includes(w));
    if (group === undefined) throw new UserError(`--only: there is no experiment '${w}'; there are ${known.join(', ')}.${didYouMean(w, known)}`);
    chosen.add(group);
  }
  // Asking for the Keras experiments is asking for the environment they need.
  return { groups: all.filter((g) => chosen.has(g)), keras: keras || chosen.has(KERAS_GROUP) };
}

export interface Unit {
  readonly tracker: string;
  readonly component: string;
}

export interface Slot extends Unit {
  /** The repetition, which is also the round: round r holds repetition r of every unit. */
  readonly repetition: number;
  /** Where in its round it ran, from 1, and how many ran in that round. */
  readonly position: number;
  readonly of: number;
}

/** mulberry32: a small, well-mixed 32-bit generator, enough to shuffle a round. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Round r's order: a Fisher–Yates shuffle of the units driven by mulberry32(seed + r). */
export function roundOrder<T>(units: readonly T[], seed: number, round: number): T[] {
  const random = mulberry32((seed + round) >>> 0);
  const out = [...units];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every sample of the run in the order it is taken: round by round, each round shuffled. */
export function schedule(trackers: readonly string[], components: readonly string[], reps: number, seed: number): Slot[] {
  const units = trackers.flatMap((tracker) => components.map((component) => ({ tracker, component })));
  const out: Slot[] = [];
  for (let r = 1; r <= reps; r++) {
    roundOrder(units, seed, r).forEach((u, i) => {
      out.push({ ...u, repetition: r, position: i + 1, of: units.length });
    });
  }
  return out;
}

/** The method, as the raw file names it next to the seed. */
export const ORDER_METHOD = 'rounds: round r holds repetition r of every tracker and component, shuffled by Fisher-Yates with mulberry32(seed + r)';
