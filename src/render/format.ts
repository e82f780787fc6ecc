/** Small formatting helpers shared by the renderers. */
import type { TieClass } from '../cart/profiles.js';
import { SCORE_DECIMALS } from '../study/limits.js';
import type { Study } from '../study/types.js';

/**
 * A score or total without float noise: 2.5, 3, 0.3 (not 0.30000000000000004). Scores have at
 * most SCORE_DECIMALS decimals, so their totals are shown to that many, exactly as summed.
 */
export function num(n: number): string {
  return String(Number(n.toFixed(SCORE_DECIMALS)));
}

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "W&B", "W&B and MLflow", "W&B, Guild and MLflow". */
export function names(study: Study, frameworks: readonly number[]): string {
  return andList(frameworks.map((f) => study.frameworks[f]!.name));
}

/** How a class reads in a sentence: "MLflow" or "a tie between W&B and MLflow". */
export function classPhrase(study: Study, cls: TieClass): string {
  if (cls.members.length === 1) return names(study, cls.members);
  if (cls.members.length === study.frameworks.length && cls.members.length > 2)
    return `a tie between all ${cls.members.length} (${names(study, cls.members)})`;
  return `a tie between ${names(study, cls.members)}`;
}

/**
 * The largest of many numbers. `Math.max(...xs)` passes every element as an argument and overflows
 * the call stack past about 100 000 of them; a 20-criterion tree has hundreds of thousands of nodes.
 */
export function maxOf(xs: Iterable<number>, start = -Infinity): number {
  let m = start;
  for (const x of xs) if (x > m) m = x;
  return m;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `width` cells for value/max, drawn with eighth blocks so small differences show. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.round((value / max) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 point", "0.5 points": a score difference in words. */
export function points(n: number): string {
  return `${num(n)} ${n === 1 ? 'point' : 'points'}`;
}
