/** `reprotree validate [FILE]`: exit 0 and a one-line summary when the file is usable. */
import { printable } from '../errors.js';
import { BUNDLED_CRITERIA } from '../paths.js';
import { plural } from '../render/format.js';
import { load } from './common.js';
import type { IO } from './io.js';
import type { ValidateOptions } from './options.js';

export async function validate(options: ValidateOptions, io: IO): Promise<void> {
  const file = options.file ?? BUNDLED_CRITERIA;
  const study = await load(io, file);
  const trees = study.trees.map((t) => t.name).join(', ');
  io.out(
    `${printable(file)}: OK — ${plural(study.frameworks.length, 'framework')}, ${plural(study.criteria.length, 'criterion', 'criteria')}, trees: ${trees} (default ${study.defaultTree}).\n`,
  );
}
