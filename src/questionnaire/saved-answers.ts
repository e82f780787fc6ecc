/**
 * Keeping a walk's answers: the answers file that `s` on the result (or its line-mode word) and
 * --save-answers write, and that --answers reads back. JSON, which every YAML reader reads too,
 * so it needs no library here.
 */
import { existsSync } from 'node:fs';
import { UserError } from '../errors.js';
import { writeUserFile } from '../files.js';
import type { Study } from '../study/types.js';
import { knownAnswers } from './session.js';
import type { Session } from './session.js';

/** Where answers go when --save-answers names no file: in the current folder. */
export const DEFAULT_ANSWERS_FILE = 'reprotree-answers.json';

/** The answers in force, by criterion id in the study's order. */
export function answersText(study: Study, session: Session): string {
  const known = knownAnswers(session);
  const entries = study.criteria.flatMap((c, i) => (known.has(i) ? [[c.id, known.get(i)] as const] : []));
  return JSON.stringify(Object.fromEntries(entries), null, 2) + '\n';
}

export type SaveOutcome = { readonly kind: 'saved'; readonly file: string } | { readonly kind: 'failed'; readonly message: string };

/** `reprotree-answers.json`, or `reprotree-answers-2.json` and so on when that is taken. */
function freeName(exists: (file: string) => boolean): string {
  const [stem, ext] = [DEFAULT_ANSWERS_FILE.replace(/\.json$/, ''), '.json'];
  for (let n = 1; ; n++) {
    const name = n === 1 ? DEFAULT_ANSWERS_FILE : `${stem}-${n}${ext}`;
    if (!exists(name)) return name;
  }
}

/**
 * Saves one walk's answers, each time to the same file: the one --save-answers names (replaced,
 * as the user asked for it), else a default name that no existing file has, chosen on the first
 * save and kept, so saving again after a change updates that file rather than starting another.
 */
export class AnswersSaver {
  private chosen: string | undefined;
  /** What the last save wrote. */
  private written: string | undefined;

  constructor(
    private readonly study: Study,
    private readonly named: string | undefined,
    private readonly exists: (file: string) => boolean = existsSync,
  ) {}

  /** The file saved to so far, if any. */
  get file(): string | undefined {
    return this.chosen;
  }

  /** Whether the file saved to holds exactly the answers `session` is at. */
  holds(session: Session): boolean {
    return this.written !== undefined && this.written === answersText(this.study, session);
  }

  /** The file the next save writes. */
  target(): string {
    return this.named ?? this.chosen ?? freeName(this.exists);
  }

  save(session: Session): SaveOutcome {
    const first = this.chosen === undefined;
    const file = this.target();
    const text = answersText(this.study, session);
    try {
      // A default name is only ever created, never replaced: the file might be someone else's.
      writeUserFile(file, text, { replace: this.named !== undefined || !first });
    } catch (e) {
      if (e instanceof UserError) return { kind: 'failed', message: e.message };
      throw e;
    }
    this.chosen = file;
    this.written = text;
    return { kind: 'saved', file };
  }
}
