/** Steps several commands share: load the study (timed) and turn flags into numbers. */
import { MAX_SEED } from '../cart/rng.js';
import { UserError } from '../errors.js';
import { formatOf } from '../cli/parse.js';
import { BUNDLED_CRITERIA } from '../paths.js';
import { toMarkdown, toText } from '../render/blocks.js';
import type { Block } from '../render/blocks.js';
import { loadStudy } from '../study/load.js';
import type { Study } from '../study/types.js';
import type { Context } from './context.js';

export async function load(ctx: Context, file?: string): Promise<Study> {
  const t0 = performance.now();
  const study = await loadStudy(file ?? (ctx.parsed.values.criteria as string | undefined) ?? BUNDLED_CRITERIA);
  ctx.timings.load = performance.now() - t0;
  return study;
}

export function intFlag(ctx: Context, name: 'max-depth' | 'random-state', min: number, max: number): number | undefined {
  const raw = ctx.parsed.values[name];
  if (raw === undefined) return undefined;
  const s = String(raw).trim();
  if (name === 'max-depth' && s.toLowerCase() === 'none') return Infinity;
  if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) {
    const what = name === 'max-depth' ? `a whole number of at least ${min} (or 'none')` : `a whole number from ${min} to ${max}`;
    throw new UserError(`--${name} must be ${what}, not '${s}'.`);
  }
  return Number(s);
}

export const depthFlag = (ctx: Context) => intFlag(ctx, 'max-depth', 1, 1000);
export const seedFlag = (ctx: Context) => intFlag(ctx, 'random-state', 0, MAX_SEED);

/**
 * Writes a report in the format the flags ask for (text, markdown or json), timing the render.
 * Both views are thunks so that only the one asked for is built.
 */
export function writeReport(ctx: Context, view: { json: () => object; blocks: () => Block[] }): void {
  const t0 = performance.now();
  const format = formatOf(ctx.parsed);
  let text: string;
  if (format === 'json') text = JSON.stringify(view.json(), null, 2) + '\n';
  else if (format === 'markdown') text = toMarkdown(view.blocks());
  else text = toText(view.blocks(), ctx.style, Math.min(ctx.width, 100));
  ctx.timings.render = (ctx.timings.render ?? 0) + (performance.now() - t0);
  ctx.out(text);
}
