/**
 * The bundled data sets are what their raw measurements give: rescoring the committed raw files
 * (by the same call scripts/make-data-set.js makes) reproduces the committed criteria file
 * exactly. Checked on the development fixture always, and on data/trackers-2026.yaml once the
 * measurements are committed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rescore } from '../../src/measure/rescore.js';
import { DATA_SET_FILES } from '../../src/paths.js';
import { parseStudy } from '../../src/study/parse.js';
import { DEV_DATA_SET, DEV_RAW } from '../helpers/data-sets.js';
import { ROOT } from '../helpers/fixtures.js';

/** What make-data-set.js writes for `name` from `raw` (a path from the top of the repository). */
function generated(name: string, raw: string): string {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    return rescore(raw, { name, raw }).yamlText;
  } finally {
    process.chdir(cwd);
  }
}

describe('a generated data set', () => {
  it('the development fixture is exactly what its raw files give', () => {
    expect(readFileSync(DEV_DATA_SET, 'utf8')).toBe(generated('trackers-2026', relative(ROOT, DEV_RAW)));
  });

  it('the development fixture has today’s criteria and the four facts, and says where its scores come from', () => {
    const study = parseStudy(readFileSync(DEV_DATA_SET, 'utf8'), 'dev.yaml');
    expect(study.frameworks.map((f) => f.id)).toEqual(['mlflow', 'wandb', 'guild', 'comet', 'trackio', 'sacred']);
    expect(study.criteria.map((c) => c.id)).toEqual(expect.arrayContaining(['open-source', 'self-hosting', 'maintained']));
    expect(study.trees.map((t) => [t.name, t.maxDepth])).toEqual([
      ['full', Infinity],
      ['depth-3', 3],
    ]);
    expect(study.data).toMatchObject({ name: 'trackers-2026', measuredOn: '2026-11-27', raw: 'test/fixtures/measured-dev/raw' });
  });

  const files = DATA_SET_FILES['trackers-2026'];
  it.runIf(existsSync(ROOT + files.criteria))('data/trackers-2026.yaml is exactly what data/measured-2026 gives', () => {
    expect(readFileSync(ROOT + files.criteria, 'utf8')).toBe(generated('trackers-2026', files.measurements));
  });
});
