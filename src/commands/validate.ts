/**
 * `reprotree validate [FILE...]`: each file's problems as FILE:LINE:COL lines on stderr, or a
 * one-line summary on stdout when it is usable; exit 2 when any file has a problem. `--data NAME`
 * checks a bundled data set's file as well.
 */
import { UserError } from '../errors.js';
import { BUNDLED_CRITERIA, DATA_SETS } from '../paths.js';
import { plural } from '../render/format.js';
import { StudyError } from '../study/problems.js';
import { displayName } from '../study/read.js';
import { load } from './common.js';
import type { IO } from './io.js';
import type { StudyOptions, ValidateOptions } from './options.js';

/** One file to check: how to load it, and how the summary names it. */
interface Target {
  readonly from: StudyOptions;
  readonly shown: string;
}

/** Checks one file: its summary on stdout, or its problems thrown. */
async function check(target: Target, io: IO): Promise<void> {
  const study = await load(io, target.from);
  const trees = study.trees.map((t) => t.name).join(', ');
  io.out(
    `${target.shown}: OK — ${plural(study.frameworks.length, 'framework')}, ${plural(study.criteria.length, 'criterion', 'criteria')}, trees: ${trees} (default ${study.defaultTree}).\n`,
  );
}

export async function validate(options: ValidateOptions, io: IO): Promise<void> {
  const file = (f: string): Target => ({ from: { criteria: f, data: undefined }, shown: displayName(f) });
  const targets: Target[] = options.files.map(file);
  if (options.data !== undefined)
    targets.push({ from: { criteria: undefined, data: options.data }, shown: displayName(DATA_SETS[options.data].criteria) });
  if (targets.length === 0) targets.push(file(BUNDLED_CRITERIA));
  // One file: its problems are the error, printed as for any command.
  if (targets.length === 1) return check(targets[0]!, io);
  let failed = 0;
  for (const target of targets) {
    try {
      await check(target, io);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      failed++;
      // A file's problems begin with its name already; other errors (unreadable) get the prefix.
      io.err(e instanceof StudyError ? `${e.message}\n` : `reprotree: ${e.message}\n`);
    }
  }
  if (failed > 0) throw new UserError(`${failed} of ${targets.length} files ${failed === 1 ? 'has problems' : 'have problems'}; see above.`);
}
