/** scikit-learn's random draws inside the splitter (sklearn/utils/_random.pxd, sklearn/tree/_utils.pyx). */

/** scikit-learn's RAND_R_MAX (sklearn/utils/_random.pxd): 2^31 - 1. */
const RAND_R_MAX: u32 = 0x7fffffff;

let rngState: u32 = 0;

/** our_rand_r (sklearn/utils/_random.pxd): a 32-bit xorshift, a value in [0, RAND_R_MAX]. */
function ourRandR(): u32 {
  let x = rngState;
  // A zero state would stay zero forever; scikit-learn replaces it with DEFAULT_SEED = 1.
  if (x == 0) x = 1;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  rngState = x;
  // `% (RAND_R_MAX + 1)`: the low 31 bits.
  return x & RAND_R_MAX;
}

/** rand_int (sklearn/tree/_utils.pyx): an integer in [low, high). */
export function randInt(low: i32, high: i32): i32 {
  return low + <i32>(ourRandR() % <u32>(high - low));
}

/** The xorshift state the splitter starts from: the one number it draws from RandomState(random_state). */
export function seedRandom(seed: u32): void {
  rngState = seed;
}
