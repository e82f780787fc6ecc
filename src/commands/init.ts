/**
 * `reprotree init [FILE]`: a criteria file of one's own to start from, the bundled data with a
 * note on each section, written where the user can edit it (after a global install the bundled
 * criteria.yaml sits deep in node_modules). Never overwrites a file unless told to.
 */
import { printable } from '../errors.js';
import { writeUserFile } from '../files.js';
import { quoteArg } from '../questionnaire/wording.js';
import { load } from './common.js';
import type { IO } from './io.js';
import type { InitOptions } from './options.js';

export async function init(options: InitOptions, io: IO): Promise<void> {
  const study = await load(io, { criteria: undefined, data: options.data });
  const { studyToYaml } = await import('../study/yaml.js');
  const text = studyToYaml(study);
  if (options.file === '-') {
    io.out(text);
    return;
  }
  writeUserFile(options.file, text, {
    replace: options.force,
    ifExists: 'name another file (reprotree init OTHER.yaml) or add --force to replace it',
  });
  const q = quoteArg(options.file);
  const what = study.data?.name ?? 'bundled';
  io.out(
    `Wrote ${printable(options.file)}: the ${what} data's frameworks, criteria, scores and trees, with a note on each section.\n` +
      `Edit it, check it with \`reprotree validate ${q}\`, and use it with \`reprotree --criteria ${q}\`.\n`,
  );
}
