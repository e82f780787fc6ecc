/**
 * The two random generators that decide scikit-learn's feature-visiting order.
 *
 * `DecisionTreeClassifier(random_state=S)` hands `np.random.RandomState(S)` to its splitter, which
 * draws ONE number from it (`randint(0, RAND_R_MAX)`) as the seed of its own xorshift generator,
 * `our_rand_r`; every later draw (which feature to try next) comes from that xorshift state.
 * Reproducing a tree bit for bit means reproducing both.
 */

/** scikit-learn's RAND_R_MAX (sklearn/utils/_random.pxd): 2^31 - 1. */
export const RAND_R_MAX = 0x7fffffff;

/** Largest seed numpy's legacy RandomState accepts (it raises above 2^32 - 1). */
export const MAX_SEED = 0xffffffff;

/**
 * MT19937 as numpy's legacy `RandomState` runs it: `mt19937_seed` (Knuth's init_genrand) for an
 * integer seed, then genrand_int32 for each 32-bit output.
 */
export class MT19937 {
  private readonly mt = new Uint32Array(624);
  private index = 624;

  constructor(seed: number) {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = mt[i - 1]!;
      const x = prev ^ (prev >>> 30);
      // 1812433253 * x overflows 2^53: multiply the 16-bit halves separately (as 32-bit C would wrap).
      mt[i] = ((((x & 0xffff0000) >>> 16) * 1812433253) << 16) + (x & 0x0000ffff) * 1812433253 + i;
    }
  }

  /** The next raw 32-bit output (genrand_int32). */
  nextUint32(): number {
    const mt = this.mt;
    if (this.index >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % 624]! & 0x7fffffff);
        mt[k] = mt[(k + 397) % 624]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}

/**
 * `np.random.RandomState(seed).randint(0, 2**31 - 1)`: numpy's legacy bounded integer draw.
 * The range 2^31 - 2 fits in 32 bits, so numpy takes 32-bit outputs masked to the smallest
 * all-ones mask covering the range (2^31 - 1) and rejects values above the range: only
 * 2^31 - 1 itself is rejected, and then the next output is tried.
 */
export function splitterSeed(seed: number): number {
  const mt = new MT19937(seed);
  for (;;) {
    const v = mt.nextUint32() & RAND_R_MAX;
    if (v <= RAND_R_MAX - 1) return v;
  }
}

/**
 * scikit-learn's `our_rand_r` (sklearn/utils/_random.pxd), a 32-bit xorshift. The fitter draws
 * from its own copy inside the WebAssembly (wasm/random.ts); this one, checked against values
 * transcribed from scikit-learn, drives the plain reference fitter of the tests. The state is held
 * as the int32 with the same bits as the C code's uint32: JavaScript's `<<` and `^` wrap exactly
 * as uint32 arithmetic does, and `>>>` shifts in zeros as an unsigned shift does.
 */
export class RandR {
  private bits: number;

  constructor(seed: number) {
    this.bits = seed | 0;
  }

  /** The state as scikit-learn's uint32. */
  get state(): number {
    return this.bits >>> 0;
  }

  /** our_rand_r: a value in [0, RAND_R_MAX]. */
  next(): number {
    let x = this.bits;
    // A zero state would stay zero forever; scikit-learn replaces it with DEFAULT_SEED = 1.
    if (x === 0) x = 1;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.bits = x;
    // `% (RAND_R_MAX + 1)` of a uint32 keeps its low 31 bits.
    return x & RAND_R_MAX;
  }

  /** rand_int (sklearn/tree/_utils.pyx): an integer in [low, high). */
  int(low: number, high: number): number {
    return low + (this.next() % (high - low));
  }
}
