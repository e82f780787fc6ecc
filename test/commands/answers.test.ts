/** Answers from --important, --not-important and --answers together: which wins, and saying so. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { everyAnswer, givenAnswers } from '../../src/commands/answers.js';
import type { AnswerSources } from '../../src/commands/options.js';
import { captureIO } from '../helpers/io.js';
import { study } from '../helpers/study.js';

const dir = mkdtempSync(join(tmpdir(), 'reprotree-answers-'));
const file = join(dir, 'mine.yaml');
writeFileSync(file, 'keras: false\nruntime: true\nmemory: false\n');

/** The answers given, by id, and what was said on stderr. */
async function given(sources: Partial<AnswerSources>): Promise<{ answers: Record<string, boolean>; err: string }> {
  const c = captureIO();
  const answers = await givenAnswers(study(), { important: undefined, notImportant: undefined, file: undefined, ...sources }, c.io);
  return { answers: Object.fromEntries([...answers].map(([i, v]) => [study().criteria[i]!.id, v])), err: c.err() };
}

describe('answers given before advice', () => {
  it('are the file’s, with the lists over them for the ids they name, and each change said on stderr', async () => {
    const r = await given({ file, important: 'keras', notImportant: 'lines' });
    expect(r.answers).toEqual({ keras: true, runtime: true, memory: false, lines: false });
    expect(r.err).toBe(`reprotree: going by the command line over ${file}: keras matters.\n`);
  });

  it('say nothing when the lists agree with the file or add to it', async () => {
    const r = await given({ file, important: 'runtime', notImportant: 'memory,sklearn' });
    expect(r.answers).toEqual({ keras: false, runtime: true, memory: false, sklearn: false });
    expect(r.err).toBe('');
  });

  it('leave the criteria nobody answered out, and scripted mode takes those as not mattering', async () => {
    const r = await given({ important: 'collaboration' });
    expect(r.answers).toEqual({ collaboration: true });
    const ids = study().criteria.map((c) => c.id);
    const vector = everyAnswer(study(), new Map([[ids.indexOf('collaboration'), true]]));
    expect(vector).toEqual(ids.map((id) => id === 'collaboration'));
  });
});
