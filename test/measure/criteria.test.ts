/**
 * The criteria file written from a scored table: valid for the loader, in the bundled file's
 * order, and for the study's data the very scores and trees of the bundled criteria.yaml.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitTree } from '../../src/advice/model.js';
import { criteriaFile } from '../../src/measure/criteria.js';
import { readMeasurements } from '../../src/measure/read.js';
import { scoreAll } from '../../src/measure/rules.js';
import { exportText } from '../../src/render/export-text.js';
import { treeNodesJson } from '../../src/render/tree-json.js';
import { parseStudy } from '../../src/study/parse.js';
import type { Study } from '../../src/study/types.js';
import { ROOT } from '../helpers/fixtures.js';
import { arbitrarySet, around, failed, file, lines, marks, runtime, setOf } from './synthetic.js';

const BUNDLED = parseStudy(readFileSync(ROOT + 'criteria.yaml', 'utf8'), 'criteria.yaml');
const STUDY_SET = readMeasurements(ROOT + 'data/study-2021.measurements.json');
const STUDY_FILE = criteriaFile(scoreAll(STUDY_SET), STUDY_SET);
const GENERATED = parseStudy(STUDY_FILE.yamlText, 'generated.yaml');

/** A fitted tree as scikit-learn's export_text and as nodes. */
function fitted(study: Study, tree: string) {
  const t = fitTree(study, tree);
  return { text: exportText(t.tree), nodes: treeNodesJson(t.tree) };
}

describe("the criteria file from the study's data", () => {
  it('has the bundled file’s trackers and criteria, in its order, with its scores', () => {
    expect(GENERATED.frameworks.map((f) => [f.id, f.name, f.fullName, f.url])).toEqual(
      BUNDLED.frameworks.map((f) => [f.id, f.name, f.fullName, f.url]),
    );
    expect(GENERATED.criteria.map((c) => c.id)).toEqual(['runtime', 'auto-logging', 'lines', 'collaboration', 'memory', 'sklearn', 'keras']);
    expect(GENERATED.criteria.map((c) => [c.id, c.scores])).toEqual(BUNDLED.criteria.map((c) => [c.id, c.scores]));
    expect(GENERATED.criteria.map((c) => c.question)).toEqual(BUNDLED.criteria.map((c) => c.question));
  });

  it('fits the same trees as the bundled file: full, and depth 3 (Figure 1)', () => {
    expect(GENERATED.trees.map((t) => [t.name, t.maxDepth])).toEqual([
      ['full', Infinity],
      ['depth-3', 3],
    ]);
    expect(fitted(GENERATED, 'full')).toEqual(fitted(BUNDLED, 'full'));
    expect(fitted(GENERATED, 'depth-3')).toEqual(fitted(BUNDLED, 'figure-1'));
    expect(GENERATED.randomState).toBe(BUNDLED.randomState);
  });

  it('leaves out log size and memory from data, saying why, with their numbers', () => {
    expect(STUDY_FILE.leftOut.map((c) => c.id)).toEqual(['log-size', 'memory-from-data']);
    expect(STUDY_FILE.yamlText).toContain('  # Left out: log-size (Log size). Every tracker scores 1, so it cannot change any advice.\n');
    expect(STUDY_FILE.yamlText).toContain('  # Guild: 66.5 kB on the MacBook (1.00×), 65.9 kB on the Dell (1.00×); at most 1.00× the lowest: 1');
    expect(STUDY_FILE.yamlText).toMatch(
      /# Left out: memory-from-data \(Memory from data\)\. Every tracker scores 1, so it cannot change any\n {2}# advice\./,
    );
  });

  it('cites the raw numbers as evidence for every tracker and criterion', () => {
    for (const c of GENERATED.criteria) expect(c.evidence.every((e) => typeof e === 'string' && /\d/.test(e))).toBe(true);
    const runtime = GENERATED.criteria.find((c) => c.id === 'runtime')!;
    expect(runtime.evidence[0]).toContain('mean 3.74 s ± 0.96 s on the MacBook');
  });

  it('says where the numbers come from, in comments and as data', () => {
    const p = STUDY_FILE.provenance;
    expect(p.dataSet).toBe('study-2021');
    expect(p.date).toBe('2021-04-20');
    expect(p.source).toMatch(/^Kondratiuk & Rasgauski \(2021\)/);
    expect(p.machines.map((m) => [m.id, m.label])).toEqual([
      ['macbook', 'MacBook'],
      ['dell', 'Dell'],
    ]);
    expect(p.trackers.map((t) => [t.id, t.version])).toEqual([
      ['wandb', null],
      ['guild', null],
      ['mlflow', null],
    ]);
    expect(p.overrides.map((o) => o.criterion)).toEqual(['lines']);
    const header = STUDY_FILE.yamlText.slice(0, STUDY_FILE.yamlText.indexOf('\ntitle:'));
    expect(header.split('\n').every((l) => l.startsWith('#') || l === '')).toBe(true);
    for (const s of [
      '# Data set: study-2021',
      '# Date: 2021-04-20.',
      '# Machines: MacBook (macbook); Dell (dell).',
      '# Trackers: W&B version not recorded;',
    ])
      expect(header).toContain(s);
    expect(header).toContain('# Published scores kept for lines: W&B 2 (rule 2), Guild 2 (rule 1), MLflow 3 (rule 2).');
  });

  it('says in the help of lines that its scores are the published ones', () => {
    expect(GENERATED.criteria.find((c) => c.id === 'lines')!.help).toMatch(/These are the published scores, which the stated rule does not give/);
  });
});

describe('criteria files from measurements', () => {
  it('keep every criterion that separates the trackers, in file order, and fit trees on nine trackers', () => {
    const ids = Array.from({ length: 9 }, (_, i) => `t${i}`);
    const records = ids.flatMap((t, k) => [
      runtime(t, 'init', 'm', around(k + 1)),
      lines(t, 'init', k % 3),
      marks('sklearn', t, k % 2 ? ['+'] : ['-']),
    ]);
    const set = setOf(file(ids, records));
    const f = criteriaFile(scoreAll(set), set);
    const study = parseStudy(f.yamlText, 'nine.yaml');
    expect(study.frameworks).toHaveLength(9);
    // Keras borrows the five library-independent sklearn items, but with no Keras run it is left out.
    expect(study.criteria.map((c) => c.id)).toEqual(['runtime', 'lines', 'sklearn']);
    for (const tree of ['full', 'depth-3']) expect(fitTree(study, tree).tree.nodeCount).toBeGreaterThan(1);
  });

  it('say in a tracker’s summary that it did not install', () => {
    const set = setOf(
      file({ a: {}, b: { status: 'import-failed', error: "ModuleNotFoundError: No module named 'imp'" } }, [
        runtime('a', 'init', 'm', [1]),
        failed('runtime', 'b', 'no import'),
      ]),
    );
    const study = parseStudy(criteriaFile(scoreAll(set), set).yamlText, 'f.yaml');
    expect(study.frameworks[1]!.summary).toBe(
      'Version 1.0 as measured in measured-test; it did not import, so it is scored as storing nothing and as the slowest and heaviest.',
    );
  });

  it('read back through the loader whatever the ids, names and text (YAML-special words included)', () => {
    const id = fc.oneof(
      fc.constantFrom('true', 'null', 'false', 'e3', 'yes', 'no', 'on', 'y', 'nan', 'inf'),
      fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
    );
    const text = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => s.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/.test(s));
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { minLength: 2, maxLength: 5 }),
        fc.uniqueArray(text, { minLength: 5, maxLength: 5, selector: (s) => s.trim().toLowerCase() }),
        (ids, names) => {
          const trackers = Object.fromEntries(ids.map((t, i) => [t, { name: names[i]!, version: names[4]! }]));
          const set = setOf(
            file(
              trackers,
              ids.map((t, k) => lines(t, 'init', k)),
            ),
          );
          const study = parseStudy(criteriaFile(scoreAll(set), set).yamlText, 'f.yaml');
          expect(study.frameworks.map((f) => f.id)).toEqual(ids);
          expect(study.frameworks.map((f) => f.name)).toEqual(ids.map((_, i) => names[i]!.replace(/\s+/g, ' ').trim()));
          expect(study.criteria.find((c) => c.id === 'lines')!.scores).toEqual(ids.map((_, k) => (k === 0 ? 1 : 0)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('load for any random data set with at least one criterion that separates the trackers', () => {
    fc.assert(
      fc.property(arbitrarySet(), (json) => {
        const set = setOf(json);
        const table = scoreAll(set);
        const f = criteriaFile(table, set);
        fc.pre(f.kept.length > 0);
        const study = parseStudy(f.yamlText, 'random.yaml');
        expect(study.criteria.map((c) => c.id)).toEqual(f.kept.map((c) => c.id));
        for (const c of study.criteria) expect(c.scores).toEqual(table.criteria.find((x) => x.id === c.id)!.scores);
      }),
      { numRuns: 40 },
    );
  });
});
