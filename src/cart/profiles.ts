/**
 * The training set the study's notebook builds: every profile of "this criterion matters / does
 * not", labelled with the set of frameworks that score best on the criteria that matter.
 *
 * Everything is a typed array indexed by profile number, never an object per profile: a table of
 * 20 criteria has 2^20 profiles, and with 30 frameworks nearly every profile can have a tie set of
 * its own (a framework per criterion that only it scores on gives 2^20 classes), so nothing here
 * may cost per possible class, only per profile.
 */

/** The scores a tree is fitted on: criteria × frameworks, row-major. */
export interface ScoreTable {
  /** Framework ids in the file's order (the order tie names are written in). */
  readonly frameworks: readonly string[];
  /** Criterion ids in feature order: criterion 0 is feature 0 and the profile's most significant bit. */
  readonly criteria: readonly string[];
  /** scores[c * frameworks.length + f] = score of framework f on criterion c. */
  readonly scores: Float64Array;
}

/** One class of the training set: a set of frameworks tied at the top. */
export interface TieClass {
  /** Bit f set = framework f (file order) belongs to the set. */
  readonly mask: number;
  /** Member framework indices in file order. */
  readonly members: readonly number[];
  /** Member ids joined by '+' in file order, as the study's figures write them (`wandb+mlflow`). */
  readonly name: string;
}

export interface TrainingSet {
  readonly table: ScoreTable;
  /** Number of features (criteria); there are 2^k profiles. */
  readonly k: number;
  readonly nSamples: number;
  /** The classes that occur, in the order that fixes scikit-learn's class indices. */
  readonly classes: readonly TieClass[];
  /** labels[p] = index into `classes` of profile p's best set. */
  readonly labels: Int32Array;
  /** classCounts[c] = how many profiles have class c (the root's class counts). */
  readonly classCounts: Int32Array;
}

/** Most criteria a table may have: 2^20 profiles is what we promise to fit quickly. */
export const MAX_CRITERIA = 20;
/** Tie sets are bit masks in a 32-bit integer. */
export const MAX_FRAMEWORKS = 30;

/** Whether criterion `c` matters in profile `p` of a k-criterion table (criterion 0 = top bit). */
export function isImportant(p: number, c: number, k: number): boolean {
  return ((p >>> (k - 1 - c)) & 1) === 1;
}

function membersOf(mask: number, F: number): number[] {
  const out: number[] = [];
  for (let f = 0; f < F; f++) if (mask & (1 << f)) out.push(f);
  return out;
}

/**
 * The study notebook's class order (see shared reference README): single frameworks first,
 * alphabetically by id; then tie sets by descending size; then alphabetically by their sorted ids.
 * The order matters: a leaf whose counts tie predicts the class that comes first.
 */
export function compareClasses(a: readonly string[], b: readonly string[]): number {
  const sizeA = a.length === 1 ? 0 : 1;
  const sizeB = b.length === 1 ? 0 : 1;
  if (sizeA !== sizeB) return sizeA - sizeB;
  if (a.length !== b.length) return b.length - a.length;
  const ka = [...a].sort().join('+');
  const kb = [...b].sort().join('+');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * A tie set whose member list and name are made when asked for, not kept: a table can have a
 * million classes, and most are seldom or never printed.
 */
class LazyTieClass implements TieClass {
  constructor(
    readonly mask: number,
    private readonly frameworks: readonly string[],
  ) {}

  get members(): readonly number[] {
    return membersOf(this.mask, this.frameworks.length);
  }

  get name(): string {
    return this.members.map((f) => this.frameworks[f]).join('+');
  }
}

export function classOf(mask: number, frameworks: readonly string[]): TieClass {
  return new LazyTieClass(mask, frameworks);
}

/**
 * The classes' order (`compareClasses`) as a permutation of their provisional ids. Each class gets
 * a 36-bit key: ids are lowercase letters, digits and '-', all above '+' in code order, so
 * comparing two names joined with '+' is comparing their sorted id lists element by element; for
 * sets of one size that is decided by the alphabetically first id in one set and not the other.
 * With framework f at bit F-1-rank(f) (rank = alphabetical position), that set has the larger
 * number, so it sorts first. A radix sort on the keys costs per class, whatever their number.
 */
function classOrder(masks: Int32Array, count: number, frameworks: readonly string[]): Int32Array {
  const F = frameworks.length;
  const rank = new Int32Array(F);
  frameworks
    .map((id, f) => ({ id, f }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .forEach(({ f }, r) => {
      rank[f] = r;
    });
  // The key as two 18-bit halves.
  const high = new Int32Array(count);
  const low = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const mask = masks[i]!;
    let size = 0;
    let byRank = 0;
    let first = 0;
    for (let f = 0; f < F; f++) {
      if (mask & (1 << f)) {
        size++;
        first = rank[f]!;
        byRank |= 1 << (F - 1 - first);
      }
    }
    // Singles first, by rank (0..29); then by size, largest first; then the larger byRank first.
    const key = size === 1 ? first : 32 + (31 - size) * 2 ** 30 + (2 ** 30 - 1 - byRank);
    high[i] = Math.floor(key / 2 ** 18);
    low[i] = key % 2 ** 18;
  }
  // Least significant digit first, 9 bits at a time; each pass is stable.
  let order = Int32Array.from({ length: count }, (_, i) => i);
  let next = new Int32Array(count);
  const buckets = new Int32Array(512);
  for (let pass = 0; pass < 4; pass++) {
    const half = pass < 2 ? low : high;
    const shift = (pass & 1) * 9;
    buckets.fill(0);
    for (let i = 0; i < count; i++) buckets[(half[i]! >>> shift) & 511]! += 1;
    let sum = 0;
    for (let d = 0; d < 512; d++) {
      const n = buckets[d]!;
      buckets[d] = sum;
      sum += n;
    }
    for (let i = 0; i < count; i++) {
      const id = order[i]!;
      next[buckets[(half[id]! >>> shift) & 511]!++] = id;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * Bit mask of the frameworks whose total equals the highest total of profile p (row p of
 * `totals`, F per row): the label rule, for callers outside the fit. buildTrainingSet applies
 * the same comparisons inline, in the same order, so both give the same set.
 */
export function bestMask(totals: Float64Array, p: number, F: number): number {
  let best = -Infinity;
  let mask = 0;
  for (let f = 0; f < F; f++) {
    const t = totals[p * F + f]!;
    if (t > best) {
      best = t;
      mask = 1 << f;
    } else if (t === best) mask |= 1 << f;
  }
  return mask >>> 0;
}

/**
 * Distinct tie masks → provisional ids, in an open-addressing table of integers (masks are never
 * 0: some framework always has the highest total).
 */
class MaskIds {
  private keys = new Int32Array(64);
  private ids = new Int32Array(64);
  /** Fibonacci hashing: the top bits of mask × 2^32/φ pick the slot. */
  private shift = 32 - 6;
  /** masks[id]: the mask given provisional id `id`. */
  masks = new Int32Array(64);
  count = 0;

  id(mask: number): number {
    const keys = this.keys;
    const wrap = keys.length - 1;
    let slot = Math.imul(mask, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = keys[slot]!;
      if (k === mask) return this.ids[slot]!;
      if (k === 0) break;
      slot = (slot + 1) & wrap;
    }
    const id = this.count++;
    keys[slot] = mask;
    this.ids[slot] = id;
    if (id >= this.masks.length) {
      const grown = new Int32Array(this.masks.length * 2);
      grown.set(this.masks);
      this.masks = grown;
    }
    this.masks[id] = mask;
    if (this.count * 2 > keys.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldIds = this.ids;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.ids = new Int32Array(oldKeys.length * 2);
    this.shift -= 1;
    const wrap = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k === 0) continue;
      let slot = Math.imul(k, 0x9e3779b1) >>> this.shift;
      while (this.keys[slot] !== 0) slot = (slot + 1) & wrap;
      this.keys[slot] = k;
      this.ids[slot] = oldIds[i]!;
    }
  }
}

/**
 * Builds all 2^k profiles and their labels. Each framework's total is summed over the important
 * criteria in criterion order (criterion 0 first): ties are decided by exact float equality and
 * float addition is not associative, so the order of additions is the notebook's.
 */
export function buildTrainingSet(table: ScoreTable): TrainingSet {
  const k = table.criteria.length;
  const F = table.frameworks.length;
  const n = 2 ** k;
  const scores = table.scores;
  // level[l * F + f]: framework f's total over the first l important criteria of the current
  // profile. Going from p - 1 to p keeps every important criterion above p's lowest set bit, so
  // p's totals are the level below plus the scores of that one criterion: k + 1 rows, not 2^k.
  const level = new Float64Array((k + 1) * F);
  const ids = new MaskIds();
  const labels = new Int32Array(n);
  // Profile 0: nothing matters, every total is 0 and every framework ties.
  labels[0] = ids.id((2 ** F - 1) | 0);
  let ones = 0;
  let lastMask = 0;
  let lastId = 0;
  for (let p = 1; p < n; p++) {
    const low = p & -p;
    // p - 1 ended in (trailing zeros of p) ones; p drops them and sets `low`.
    ones = ones - (31 - Math.clz32(low)) + 1;
    const c = k - 1 - (31 - Math.clz32(low));
    const from = (ones - 1) * F;
    const to = ones * F;
    const row = c * F;
    let best = -Infinity;
    let mask = 0;
    for (let f = 0; f < F; f++) {
      const t = level[from + f]! + scores[row + f]!;
      level[to + f] = t;
      if (t > best) {
        best = t;
        mask = 1 << f;
      } else if (t === best) mask |= 1 << f;
    }
    // Neighbouring profiles often tie the same set: skip the table then.
    if (mask !== lastMask) {
      lastMask = mask;
      lastId = ids.id(mask);
    }
    labels[p] = lastId;
  }

  const count = ids.count;
  // finalId[c] = the provisional id of class c; toFinal the other way.
  const finalId = classOrder(ids.masks, count, table.frameworks);
  const toFinal = new Int32Array(count);
  for (let c = 0; c < count; c++) toFinal[finalId[c]!] = c;
  const classCounts = new Int32Array(count);
  for (let p = 0; p < n; p++) {
    const c = toFinal[labels[p]!]!;
    labels[p] = c;
    classCounts[c]! += 1;
  }
  const classes: TieClass[] = new Array<TieClass>(count);
  for (let c = 0; c < count; c++) classes[c] = new LazyTieClass(ids.masks[finalId[c]!]! >>> 0, table.frameworks);
  return { table, k, nSamples: n, classes, labels, classCounts };
}
