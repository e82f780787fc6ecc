/**
 * --answers FILE, --important and --not-important → the answers given, by study criterion.
 * Checked here rather than in cli/ because the ids are the loaded study's; the messages name the
 * flags the lists came from. Ids are matched exactly: they are lowercase in every criteria file.
 *
 * Where the lists and the file disagree, the lists win for the ids they name: the command line is
 * the later, more deliberate word (`--answers mine.json --important keras` is mine.json with
 * keras switched on). The switch is noted on stderr so that it never passes unseen.
 */
import { didYouMean, printable, UserError } from '../errors.js';
import { displayName, readInput } from '../study/read.js';
import { studySource } from '../study/types.js';
import type { Study } from '../study/types.js';
import type { IO } from './io.js';
import type { AnswerSources } from './options.js';

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
      throw new UserError(
        `'${printable(part)}' is not a criterion id: ids are lowercase, as in ${printable(studySource(study))}; use '${all[lower]}'.`,
      );
    }
    if (i < 0) {
      throw new UserError(
        `'${printable(part)}' is not a criterion in ${printable(studySource(study))}.${didYouMean(part, all)} The criteria are ${all.join(', ')}.`,
      );
    }
    if (out.includes(i)) throw new UserError(`--${flag} names '${all[i]}' twice; name each criterion once.`);
    out.push(i);
  }
  return out;
}

/** The answers --important and --not-important give, by criterion; unnamed criteria are absent. */
export function listedAnswers(study: Study, important?: string, notImportant?: string): Map<number, boolean> {
  const yes = important === undefined ? [] : ids(important, 'important', study);
  const no = notImportant === undefined ? [] : ids(notImportant, 'not-important', study);
  const both = yes.find((c) => no.includes(c));
  if (both !== undefined) {
    throw new UserError(`'${study.criteria[both]!.id}' is in both --important and --not-important; put it in one of them.`);
  }
  return new Map([...yes.map((c) => [c, true] as const), ...no.map((c) => [c, false] as const)]);
}

/**
 * answers[c] = true when criterion c is in --important. Unnamed criteria do not matter; naming
 * nothing at all is the study's all-zero profile.
 */
export function parseAnswers(study: Study, important?: string, notImportant?: string): boolean[] {
  return everyAnswer(study, listedAnswers(study, important, notImportant));
}

/** Scripted mode's answers: every criterion, those not answered not mattering. */
export function everyAnswer(study: Study, given: ReadonlyMap<number, boolean>): boolean[] {
  return study.criteria.map((_, c) => given.get(c) === true);
}

/** The answers the file gives, by criterion (loading the YAML parser only when there is a file). */
async function fileAnswers(study: Study, file: string): Promise<Map<number, boolean>> {
  const text = await readInput(file, 'answers file');
  const { parseAnswersFile } = await import('../study/yaml.js');
  return parseAnswersFile(text, displayName(file), study);
}

/** Every answer given, from the file and then the lists over it; notes each answer a list changed. */
export async function givenAnswers(study: Study, sources: AnswerSources, io: IO): Promise<Map<number, boolean>> {
  const listed = listedAnswers(study, sources.important, sources.notImportant);
  if (sources.file === undefined) return listed;
  const fromFile = await fileAnswers(study, sources.file);
  const changed = [...listed].filter(([c, v]) => fromFile.has(c) && fromFile.get(c) !== v);
  if (changed.length > 0) {
    const said = changed.map(([c, v]) => `${study.criteria[c]!.id} ${v ? 'matters' : 'does not matter'}`);
    io.err(`reprotree: going by the command line over ${displayName(sources.file)}: ${said.join(', ')}.\n`);
  }
  return new Map([...fromFile, ...listed]);
}

/** Whether any answer was given, by a list or a file. */
export function anyGiven(sources: AnswerSources): boolean {
  return sources.important !== undefined || sources.notImportant !== undefined || sources.file !== undefined;
}
