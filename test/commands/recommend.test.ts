/** Scripted advice through the library, as the CLI runs it, without starting a process per case. */
import { describe, expect, it } from 'vitest';
import { recommended } from '../helpers/io.js';
import { studyProfiles } from '../helpers/profiles.js';

describe('recommend', () => {
  it('recommends the exact best for all 128 profiles on the full tree', async () => {
    const profiles = studyProfiles();
    expect(profiles).toHaveLength(128);
    for (const [p, profile] of profiles.entries()) {
      const important = profile.important.length > 0 ? profile.important.join(',') : undefined;
      const r = await recommended({ format: 'json', answers: { important, notImportant: undefined, file: undefined } });
      expect(r.err, `profile ${p}`).toBe('');
      const j = JSON.parse(r.out);
      expect(j.recommendation.join('+'), `profile ${p}`).toBe(profile.best);
      expect(j.agrees, `profile ${p}`).toBe(true);
    }
  });
});
