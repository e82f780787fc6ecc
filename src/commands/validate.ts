/** `reprotree validate [FILE]`: exit 0 and a one-line summary when the file is usable. */
import { BUNDLED_CRITERIA } from '../paths.js';
import { UserError } from '../errors.js';
import { plural } from '../render/format.js';
import { load } from './common.js';
import type { Context } from './context.js';

export async function validate(ctx: Context): Promise<void> {
  const positional = ctx.parsed.positionals[0];
  const flag = ctx.parsed.values.criteria as string | undefined;
  if (positional !== undefined && flag !== undefined && positional !== flag) {
    throw new UserError(`validate was given two files (${positional} and --criteria ${flag}); give one.`);
  }
  const file = positional ?? flag ?? BUNDLED_CRITERIA;
  const study = await load(ctx, file);
  const trees = study.trees.map((t) => t.name).join(', ');
  ctx.out(
    `${file}: OK — ${plural(study.frameworks.length, 'framework')}, ${plural(study.criteria.length, 'criterion', 'criteria')}, trees: ${trees} (default ${study.defaultTree}).\n`,
  );
}
