/**
 * `reprotree validate [FILE...]`: each file's problems as FILE:LINE:COL lines on stderr, or a
 * one-line summary on stdout when it is usable; exit 2 when any file has a problem.
 */
import { UserError } from '../errors.js';
import { BUNDLED_CRITERIA } from '../paths.js';
import { plural } from '../render/format.js';
import { StudyError } from '../study/problems.js';
import { displayName } from '../study/read.js';
import { load } from './common.js';
import type { IO } from './io.js';
import type { ValidateOptions } from './options.js';

/** Checks one file: its summary on stdout, or its problems thrown. */
async function check(file: string, io: IO): Promise<void> {
  const study = await load(io, file);
  const trees = study.trees.map((t) => t.name).join(', ');
  io.out(
    `${displayName(file)}: OK — ${plural(study.frameworks.length, 'framework')}, ${plural(study.criteria.length, 'criterion', 'criteria')}, trees: ${trees} (default ${study.defaultTree}).\n`,
  );
}

export async function validate(options: ValidateOptions, io: IO): Promise<void> {
  const files = options.files.length > 0 ? options.files : [BUNDLED_CRITERIA];
  // One file: its problems are the error, printed as for any command.
  if (files.length === 1) return check(files[0]!, io);
  let failed = 0;
  for (const file of files) {
    try {
      await check(file, io);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      failed++;
      // A file's problems begin with its name already; other errors (unreadable) get the prefix.
      io.err(e instanceof StudyError ? `${e.message}\n` : `reprotree: ${e.message}\n`);
    }
  }
  if (failed > 0) throw new UserError(`${failed} of ${files.length} files ${failed === 1 ? 'has problems' : 'have problems'}; see above.`);
}
