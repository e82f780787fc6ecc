/**
 * An answers file → which criteria matter. The file maps criterion ids to true (it matters) or
 * false (it does not), in JSON or YAML (JSON is YAML, so one parser reads both and every problem
 * has its line and column). Ids are matched exactly, as --important and criteria files match them.
 */
import { didYouMean, printable } from '../errors.js';
import { isScalar } from 'yaml';
import { readDocument, Reader } from './parse.js';
import { StudyError } from './problems.js';
import { studySource } from './types.js';
import type { Study } from './types.js';

/** The answers in `text` by criterion index. Throws StudyError listing every problem. */
export function parseAnswersFile(text: string, file: string, study: Study): Map<number, boolean> {
  const { doc, lines } = readDocument(text, file);
  const r = new Reader(doc, lines, text);
  const ids = study.criteria.map((c) => c.id);
  const example = `${ids[0]}: true`;
  if (r.absent(doc.contents)) {
    throw new StudyError(file, [{ line: 1, col: 1, message: `the file is empty; give one answer per line, e.g. \`${example}\`, or {} for none.` }]);
  }
  const entries = r.map(doc.contents, `the answers (one per criterion, e.g. \`${example}\`)`);
  // A key given twice is reported by map(); ids match exactly, so no two keys answer one criterion.
  const answers = new Map<number, boolean>();
  for (const [name, { key, value }] of entries ?? []) {
    const c = ids.indexOf(name);
    const lower = ids.indexOf(name.toLowerCase());
    if (c < 0 && lower >= 0) {
      r.problem(key, `'${printable(name)}' is not a criterion id: ids are lowercase, as in ${printable(studySource(study))}; use '${ids[lower]}'.`);
      continue;
    }
    if (c < 0) {
      r.problem(
        key,
        `'${printable(name)}' is not a criterion of ${printable(studySource(study))}.${didYouMean(name, ids)} The criteria are ${ids.join(', ')}.`,
      );
      continue;
    }
    const v = r.resolve(value);
    if (!isScalar(v) || typeof v.value !== 'boolean') {
      const found = isScalar(v) && v.value !== null ? `, not ${printable(JSON.stringify(v.value))}` : r.absent(v) ? ', but it has none' : '';
      r.problem(v ?? key, `the answer for '${ids[c]}' must be true (it matters) or false (it does not)${found}.`);
      continue;
    }
    answers.set(c, v.value);
  }
  if (r.problems.length > 0) throw new StudyError(file, r.problems);
  return answers;
}
