/**
 * The bundled 2026 data set is what its raw measurements give: rescoring the committed raw files
 * (by the same call scripts/make-data-set.js makes) reproduces the committed criteria file
 * exactly, and it holds what the issue asks of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMeasurements } from '../../src/measure/read.js';
import { rescore } from '../../src/measure/rescore.js';
import { DATA_SET_FILES } from '../../src/paths.js';
import { parseStudy } from '../../src/study/parse.js';
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

const files = DATA_SET_FILES['trackers-2026'];

describe('the trackers-2026 data set', () => {
  it('is exactly what data/measured-2026 gives', () => {
    expect(readFileSync(ROOT + files.criteria, 'utf8')).toBe(generated('trackers-2026', files.measurements));
  });

  it('has a raw file per tracker, each tracker in the criteria file, and says where its scores come from', () => {
    const raw = readdirSync(ROOT + files.measurements).filter((f) => f.endsWith('.json'));
    const set = readMeasurements(ROOT + files.measurements);
    const study = parseStudy(readFileSync(ROOT + files.criteria, 'utf8'), 'trackers-2026.yaml');
    expect(raw).toHaveLength(set.trackers.length);
    expect(study.frameworks.map((f) => f.id).sort()).toEqual(set.trackers.map((t) => t.id).sort());
    // The trackers: the study's three and at least three of today's.
    expect(study.frameworks.map((f) => f.id)).toEqual(expect.arrayContaining(['mlflow', 'wandb', 'guild']));
    expect(study.frameworks.length).toBeGreaterThanOrEqual(6);
    expect(study.trees.map((t) => [t.name, t.maxDepth])).toEqual([
      ['full', Infinity],
      ['depth-3', 3],
    ]);
    expect(study.data).toMatchObject({ name: 'trackers-2026', raw: 'data/measured-2026' });
    expect(study.data?.measuredOn).toMatch(/^2026-\d\d-\d\d$/);
    // Every version in the data section is the one its raw file records.
    const versions = Object.fromEntries(study.frameworks.map((f, i) => [f.id, study.data?.versions[i]]));
    for (const t of set.trackers) expect(versions[t.id]).toBe(t.version);
  });
});
