/** The import-layer check that `npm run lint` runs: it passes on src/ and fails on each kind of violation. */
import { describe, expect, it } from 'vitest';
import { checkLayers, readSources } from '../../scripts/check-layers.js';
import { ROOT } from '../helpers/fixtures.js';

const check = (files: Record<string, string>) => checkLayers(new Map(Object.entries(files)));

describe('the layer check', () => {
  it('finds nothing wrong in src/', () => {
    expect(checkLayers(readSources(`${ROOT}src`))).toEqual([]);
  });

  it.each([
    [
      'commands → cli',
      { 'commands/a.ts': "import { x } from '../cli/b.js';", 'cli/b.ts': '' },
      /commands\/a\.ts: imports cli\/b\.ts, but commands sits below cli/,
    ],
    ['render → tui', { 'render/a.ts': "import type { X } from '../tui/b.js';", 'tui/b.ts': '' }, /render\/a\.ts: imports tui\/b\.ts/],
    [
      'questionnaire → tui',
      { 'questionnaire/a.ts': "export { x } from '../tui/b.js';", 'tui/b.tsx': '' },
      /questionnaire\/a\.ts: imports tui\/b\.tsx/,
    ],
    ['cart → study', { 'cart/a.ts': "import { x } from '../study/b.js';", 'study/b.ts': '' }, /cart sits below study/],
    ['advice → ink', { 'advice/a.ts': "import { Box } from 'ink';" }, /advice\/a\.ts: imports ink, which only tui may import/],
    ['questionnaire → react', { 'questionnaire/a.ts': "import { useState } from 'react';" }, /imports react, which only tui may import/],
    ['render → yaml', { 'render/a.ts': "import { parse } from 'yaml';" }, /imports yaml, which only study may import/],
    [
      'a lazy module imported statically',
      { 'commands/a.ts': "import { runInteractive } from '../tui/run.js';", 'tui/run.ts': '' },
      /imports tui\/run\.ts statically/,
    ],
    [
      'a package reached from the entry without import()',
      {
        'cli.ts': "import { load } from './study/load.js';",
        'study/load.ts': "import { parseStudy } from './parse.js';",
        'study/parse.ts': "import { parseDocument } from 'yaml';",
      },
      /study\/parse\.ts: imports yaml, yet cli\.ts → study\/load\.ts → study\/parse\.ts loads it at every start/,
    ],
    ['a file in no layer', { 'extra/a.ts': '' }, /extra\/a\.ts: is in no layer/],
    [
      'a cycle',
      { 'render/a.ts': "import { b } from './b.js';", 'render/b.ts': "import { a } from './a.js';" },
      /render\/a\.ts: imports itself through render\/b\.ts/,
    ],
  ])('fails on %s', (_, files, message) => {
    const problems = check(files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('allows imports downward, dynamic imports of lazy modules, and Node built-ins', () => {
    expect(
      check({
        'cli.ts': "import { ask } from './commands/ask.js'; import { scores } from './commands/scores.js';",
        'commands/ask.ts': "import { load } from '../study/load.js'; const m = await import('../tui/run.js');",
        'tui/run.ts': "import { Box } from 'ink'; import type { Study } from '../study/types.js'; import { readFileSync } from 'node:fs';",
        'study/load.ts': "const p = await import('./yaml.js'); import { UserError } from '../errors.js';",
        'study/yaml.ts': "export { parseStudy } from './parse.js';",
        'study/parse.ts': "import { parseDocument } from 'yaml';",
        'study/types.ts': '',
        'errors.ts': '',
        'render/terminal-text.ts': "import { eastAsianWidth } from 'get-east-asian-width';",
        'commands/scores.ts': "import { wrap } from '../render/terminal-text.js';",
      }),
    ).toEqual([]);
  });
});
