/** Scripted advice through the library, as the CLI runs it, without starting a process per case. */
import { describe, expect, it } from 'vitest';
import type { IO } from '../../src/commands/io.js';
import type { RecommendOptions } from '../../src/commands/options.js';
import { recommend } from '../../src/commands/recommend.js';
import { UNICODE_GLYPHS } from '../../src/render/glyphs.js';
import { createStyle } from '../../src/render/style.js';
import { studyProfiles } from '../helpers/profiles.js';

/** Runs `recommend` with its output and notes captured. */
async function recommended(options: Partial<RecommendOptions>): Promise<{ out: string; err: string }> {
  const captured = { out: '', err: '' };
  const io: IO = {
    out(text) {
      captured.out += text;
    },
    err(text) {
      captured.err += text;
    },
    style: createStyle(false),
    styleFor: () => createStyle(false),
    glyphs: UNICODE_GLYPHS,
    width: 80,
    timings: {},
  };
  const answers = { important: undefined, notImportant: undefined };
  await recommend({ criteria: undefined, tree: undefined, format: 'text', answers, accessible: false, ...options }, io);
  return captured;
}

describe('recommend', () => {
  it('recommends the exact best for all 128 profiles on the full tree', async () => {
    const profiles = studyProfiles();
    expect(profiles).toHaveLength(128);
    for (const [p, profile] of profiles.entries()) {
      const important = profile.important.length > 0 ? profile.important.join(',') : undefined;
      const r = await recommended({ format: 'json', answers: { important, notImportant: undefined } });
      expect(r.err, `profile ${p}`).toBe('');
      const j = JSON.parse(r.out);
      expect(j.recommendation.join('+'), `profile ${p}`).toBe(profile.best);
      expect(j.agrees, `profile ${p}`).toBe(true);
    }
  });
});
