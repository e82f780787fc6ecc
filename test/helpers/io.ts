/** An IO record for running commands in-process, with what they write captured. */
import { DEFAULT_ALTERNATIVES } from '../../src/advice/alternatives.js';
import type { IO } from '../../src/commands/io.js';
import type { RecommendOptions } from '../../src/commands/options.js';
import { recommend } from '../../src/commands/recommend.js';
import { UNICODE_GLYPHS } from '../../src/render/glyphs.js';
import { createStyle } from '../../src/render/style.js';

export interface Captured {
  readonly io: IO;
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
}

export function captureIO(width = 80): Captured {
  let out = '';
  let err = '';
  const io: IO = {
    out(text) {
      out += text;
    },
    async outPieces(pieces) {
      for (const piece of pieces) out += typeof piece === 'string' ? piece : new TextDecoder().decode(piece);
    },
    err(text) {
      err += text;
    },
    style: createStyle(false),
    styleFor: () => createStyle(false),
    glyphs: UNICODE_GLYPHS,
    width,
    timings: {},
  };
  return { io, out: () => out, err: () => err };
}

/** Runs `recommend` in-process as the CLI would, with its output and notes captured. */
export async function recommended(options: Partial<RecommendOptions>): Promise<{ out: string; err: string }> {
  const c = captureIO();
  const answers = { important: undefined, notImportant: undefined, file: undefined };
  await recommend(
    {
      criteria: undefined,
      data: undefined,
      tree: undefined,
      format: 'text',
      answers,
      accessible: false,
      alternatives: DEFAULT_ALTERNATIVES,
      ...options,
    },
    c.io,
  );
  return { out: c.out(), err: c.err() };
}
