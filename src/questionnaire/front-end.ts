/**
 * What each front end of the questionnaire (the Ink app, the accessible line mode) is given by
 * the `ask` command: which walk to run, and where to write. Declared here, below both, so that
 * neither reaches up into commands/.
 */
import type { FitTimings } from '../advice/model.js';
import type { Glyphs } from '../render/glyphs.js';
import type { Style } from '../render/style.js';
import type { Study } from '../study/types.js';
import type { StartMode } from './session.js';

/** The other bundled data set, offered by one key: the walk starts over on it. */
export interface DataSwitch {
  /** Its name, as --data takes it. */
  readonly name: string;
  /** What it is, in a few words ("today's trackers, measured in 2026"). */
  readonly about: string;
  /** Loads it, with what to offer once it is in use (the data set left behind). */
  load(): Promise<{ readonly study: Study; readonly other: DataSwitch | undefined }>;
}

export interface WalkOptions {
  /** The tree to walk; undefined for the file's default. */
  readonly tree: string | undefined;
  readonly start: StartMode;
  /** The criteria file the user named, for the scripted command given at the end. */
  readonly criteria: string | undefined;
  /** Answers given before the walk (flags, an answers file), by criterion: not asked again. */
  readonly preset: ReadonlyMap<number, boolean>;
  /** Where to save the answers when the walk ends (--save-answers); `s` on the result saves there too. */
  readonly saveAnswers: string | undefined;
  /** How many answers that would change the best the result shows (--alternatives). */
  readonly alternatives: number;
  /** The other bundled data set, when the walk is on a bundled one and the other is there. */
  readonly other?: DataSwitch;
}

export interface FrontEndIO {
  /** The result and the closing summary (stdout). */
  out(text: string): void;
  /** Questions, prompts and remarks that are not the result (stderr). */
  err(text: string): void;
  /** Styling for stdout. */
  readonly style: Style;
  /** Styling for another stream (the terminal the questions are drawn on), by the same flags. */
  styleFor(stream: { readonly isTTY?: boolean }): Style;
  /** The characters the terminal can show. */
  readonly glyphs: Glyphs;
  /** Columns available on stdout. */
  readonly width: number;
  readonly timings?: FitTimings;
}
