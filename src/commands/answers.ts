/**
 * --important / --not-important → one answer per study criterion. Checked here rather than in cli/
 * because the ids are the loaded study's; the messages name the flags the lists came from. Ids
 * are matched exactly: they are lowercase in every criteria file.
 */
import { didYouMean, printable, UserError } from '../errors.js';
import type { Study } from '../study/types.js';

function ids(list: string, flag: string, study: Study): number[] {
  const all = study.criteria.map((c) => c.id);
  const out: number[] = [];
  const parts = list.split(',').map((s) => s.trim());
  for (const part of parts) {
    if (part === '') {
      throw new UserError(
        `--${flag} has an empty item in '${printable(list)}'; list criteria ids separated by commas, e.g. --${flag} ${all.slice(0, 2).join(',')}.`,
      );
    }
    const i = all.indexOf(part);
    // Ids are matched exactly, as a criteria file matches them (where an upper-case id is refused).
    const lower = all.indexOf(part.toLowerCase());
    if (i < 0 && lower >= 0) {
      throw new UserError(`'${printable(part)}' is not a criterion id: ids are lowercase, as in ${printable(study.file)}; use '${all[lower]}'.`);
    }
    if (i < 0) {
      throw new UserError(
        `'${printable(part)}' is not a criterion in ${printable(study.file)}.${didYouMean(part, all)} The criteria are ${all.join(', ')}.`,
      );
    }
    if (out.includes(i)) throw new UserError(`--${flag} names '${all[i]}' twice; name each criterion once.`);
    out.push(i);
  }
  return out;
}

/**
 * answers[c] = true when criterion c is in --important. Unnamed criteria do not matter; naming
 * nothing at all is the study's all-zero profile.
 */
export function parseAnswers(study: Study, important?: string, notImportant?: string): boolean[] {
  const yes = important === undefined ? [] : ids(important, 'important', study);
  const no = notImportant === undefined ? [] : ids(notImportant, 'not-important', study);
  const both = yes.find((c) => no.includes(c));
  if (both !== undefined) {
    throw new UserError(`'${study.criteria[both]!.id}' is in both --important and --not-important; put it in one of them.`);
  }
  return study.criteria.map((_, c) => yes.includes(c));
}
