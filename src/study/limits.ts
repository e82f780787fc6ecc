/**
 * What a criteria file's values may be beyond their type, apart from the parser so that help
 * and messages can state the limits without loading it.
 */

/**
 * Scores are numbers from 0 to MAX_SCORE with at most SCORE_DECIMALS decimals. A total of 20
 * such scores is below 2·10^7 and needs 14 significant digits, within the 15 a double keeps, so
 * totals never overflow to Infinity and always print as the exact sum of what the file says.
 */
export const MAX_SCORE = 1_000_000;
export const SCORE_DECIMALS = 6;

/** The score rule as the help and the README state it. */
export const SCORE_RULE = `a number from 0 to ${MAX_SCORE} with at most ${SCORE_DECIMALS} decimals`;

/** Whether `v` is a score a file may give. */
export function isScore(v: number): boolean {
  return Number.isFinite(v) && v >= 0 && v <= MAX_SCORE && Number(v.toFixed(SCORE_DECIMALS)) === v;
}
