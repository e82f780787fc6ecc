/**
 * Ranking the trackers measured in one place (a run component on a machine) by a central value,
 * with ties where a Mann–Whitney test with Holm's correction cannot tell two trackers apart.
 */
import { holm, mannWhitneyU } from './stats.js';

/** Significance level of the tie tests, after Holm's correction. */
export const ALPHA = 0.05;

export interface Entry {
  /** Index of the tracker in the set. */
  readonly tracker: number;
  /** Median of the samples, or the published mean (runtime) or peak (memory). */
  readonly central: number;
  /** The finished repetitions, when the record has them; a summary has none. */
  readonly samples?: readonly number[];
}

/**
 * Ranks the trackers measured in one slot (a component on a machine): a tracker's rank is 1 plus
 * the number of trackers clearly better than it. "Clearly better" means a lower central value
 * and, where both have samples, a two-sided Mann–Whitney test that rejects equality at ALPHA
 * after Holm's correction over all pairs of the slot; with a summary (the study's means) any
 * lower value counts. So trackers that cannot be told apart share a rank, and the ranks do not
 * depend on the order of the trackers in the file.
 */
export function rankSlot(entries: readonly Entry[]): { ranks: Map<number, number>; ties: Tie[] } {
  const pairs: { a: Entry; b: Entry; p: number }[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [a, b] = canonical(entries[i]!, entries[j]!);
      if (a.samples && b.samples && a.samples.length > 0 && b.samples.length > 0) pairs.push({ a, b, p: mannWhitneyU(a.samples, b.samples).p });
    }
  }
  const adjusted = holm(pairs.map((p) => p.p));
  const indistinct = new Set<string>();
  const ties: Tie[] = [];
  pairs.forEach((pair, k) => {
    if (adjusted[k]! >= ALPHA) {
      indistinct.add(`${pair.a.tracker} ${pair.b.tracker}`).add(`${pair.b.tracker} ${pair.a.tracker}`);
      if (pair.a.central !== pair.b.central) ties.push({ a: pair.a.tracker, b: pair.b.tracker, p: adjusted[k]! });
    }
  });
  const better = (s: Entry, t: Entry) => s.central < t.central && !indistinct.has(`${s.tracker} ${t.tracker}`);
  const ranks = new Map<number, number>();
  for (const t of entries) ranks.set(t.tracker, 1 + entries.filter((s) => better(s, t)).length);
  return { ranks, ties };
}

/** The pair in an order that does not depend on the file: by central value, then by samples. */
function canonical(a: Entry, b: Entry): [Entry, Entry] {
  if (a.central !== b.central) return a.central < b.central ? [a, b] : [b, a];
  const sa = JSON.stringify([...(a.samples ?? [])].sort((x, y) => x - y));
  const sb = JSON.stringify([...(b.samples ?? [])].sort((x, y) => x - y));
  return sa <= sb ? [a, b] : [b, a];
}

/** Two trackers whose central values differ but which the test ties, with the adjusted p-value. */
export interface Tie {
  readonly a: number;
  readonly b: number;
  readonly p: number;
}
