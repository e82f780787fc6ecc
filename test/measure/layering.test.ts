/**
 * src/measure sits low: it may use the shared errors and file reading, and the criteria types at
 * most, never the command line, the commands, the Ink shell or the renderers above it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';

const DIR = ROOT + 'src/measure/';

describe('src/measure imports only from below', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

  it('has its modules', () => {
    expect(files).toEqual(
      expect.arrayContaining(['format.ts', 'parse.ts', 'read.ts', 'stats.ts', 'ranks.ts', 'rules.ts', 'criteria.ts', 'rescore.ts']),
    );
  });

  it.each(files)('%s', (f) => {
    const text = readFileSync(DIR + f, 'utf8');
    const imports = [...text.matchAll(/^import (type )?[^'"]*from '([^']+)';$/gm)].map((m) => ({ typeOnly: m[1] !== undefined, from: m[2]! }));
    // The pattern sees this file's imports at all (the types, the statistics and the licence list need none).
    if (!['stats.ts', 'format.ts', 'licences.ts'].includes(f)) expect(imports.length).toBeGreaterThan(0);
    for (const { typeOnly, from } of imports) {
      const allowed =
        from.startsWith('node:') ||
        /^\.\/[a-z-]+\.js$/.test(from) ||
        from === '../errors.js' ||
        from === '../files.js' ||
        from === '../paths.js' ||
        (typeOnly && from === '../study/types.js');
      expect(allowed, `${f} imports ${from}`).toBe(true);
    }
  });
});
