/** `reprotree tree`: the fitted tree in one of several formats. */
import { fitTree } from '../advice/model.js';
import { formatOf } from '../cli/parse.js';
import { exportText } from '../render/export-text.js';
import { treeJson } from '../render/tree-json.js';
import { depthFlag, load, seedFlag } from './common.js';
import type { Context } from './context.js';

export async function tree(ctx: Context): Promise<void> {
  const study = await load(ctx);
  const v = ctx.parsed.values;
  const overrides = { maxDepth: depthFlag(ctx), randomState: seedFlag(ctx) };
  const fitted = fitTree(study, v.tree as string | undefined, overrides, ctx.timings);
  const t0 = performance.now();
  const format = formatOf(ctx.parsed);
  const text = format === 'json' ? JSON.stringify(treeJson(fitted), null, 2) + '\n' : exportText(fitted.tree);
  ctx.timings.render = performance.now() - t0;
  ctx.out(text);
}
