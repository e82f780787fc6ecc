/** Properties that must hold for any score table, any tree and any text a user might load. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/advice/advise.js';
import { fitTree } from '../../src/advice/model.js';
import { buildTree } from '../../src/cart/builder.js';
import { buildTrainingSet, isImportant } from '../../src/cart/profiles.js';
import type { ScoreTable } from '../../src/cart/profiles.js';
import { UserError } from '../../src/errors.js';
import { exportText } from '../../src/render/export-text.js';
import { treeNodesJson } from '../../src/render/tree-json.js';
import { parseStudy } from '../../src/study/parse.js';
import { ROOT } from '../helpers/fixtures.js';

/** Score tables with many ties: few distinct values, as hand-made criteria files have. */
const tables = fc
  .record({
    frameworks: fc.integer({ min: 2, max: 5 }),
    criteria: fc.integer({ min: 1, max: 8 }),
  })
  .chain(({ frameworks, criteria }) =>
    fc.record({
      frameworks: fc.constant(Array.from({ length: frameworks }, (_, i) => `f${i}`)),
      criteria: fc.constant(Array.from({ length: criteria }, (_, i) => `c${i}`)),
      scores: fc.array(fc.constantFrom(0, 0.5, 1, 1.5, 2, 3, 0.1, 0.2), { minLength: frameworks * criteria, maxLength: frameworks * criteria }),
    }),
  )
  .map((t): ScoreTable => ({ frameworks: t.frameworks, criteria: t.criteria, scores: Float64Array.from(t.scores) }));

const depths = fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 6 }));
const seeds = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 0xffffffff }));

describe('trees', () => {
  it('an unlimited tree classifies every profile correctly', () => {
    fc.assert(
      fc.property(tables, seeds, (table, seed) => {
        const data = buildTrainingSet(table);
        const tree = buildTree(data, { maxDepth: Infinity, randomState: seed });
        expect(tree.accuracy()).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  it('every profile reaches a leaf, within the depth limit, whose counts include its label', () => {
    fc.assert(
      fc.property(tables, depths, seeds, (table, maxDepth, seed) => {
        const data = buildTrainingSet(table);
        const tree = buildTree(data, { maxDepth, randomState: seed });
        for (let p = 0; p < data.nSamples; p++) {
          let node = 0;
          let steps = 0;
          while (!tree.isLeaf(node)) {
            node = isImportant(p, tree.feature[node]!, data.k) ? tree.right[node]! : tree.left[node]!;
            steps++;
          }
          expect(steps).toBeLessThanOrEqual(Math.min(maxDepth, data.k));
          expect(tree.count(node, data.labels[p]!)).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('node counts add up: each question’s children split its profiles and counts exactly', () => {
    fc.assert(
      fc.property(tables, depths, seeds, (table, maxDepth, seed) => {
        const tree = buildTree(buildTrainingSet(table), { maxDepth, randomState: seed });
        for (let n = 0; n < tree.nodeCount; n++) {
          if (tree.isLeaf(n)) continue;
          const [l, r] = [tree.left[n]!, tree.right[n]!];
          expect(tree.nSamples[l]! + tree.nSamples[r]!).toBe(tree.nSamples[n]);
          for (let c = 0; c < tree.nClasses; c++) expect(tree.count(n, c)).toBe(tree.count(l, c) + tree.count(r, c));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('fitting is deterministic and the JSON round-trips', () => {
    fc.assert(
      fc.property(tables, depths, seeds, (table, maxDepth, seed) => {
        const a = buildTree(buildTrainingSet(table), { maxDepth, randomState: seed });
        const b = buildTree(buildTrainingSet(table), { maxDepth, randomState: seed });
        expect(exportText(a)).toBe(exportText(b));
        const nodes = treeNodesJson(a);
        expect(JSON.parse(JSON.stringify(nodes))).toEqual(nodes);
      }),
      { numRuns: 100 },
    );
  });
});

describe('advice', () => {
  const study = parseStudy(readFileSync(ROOT + 'criteria.yaml', 'utf8'), 'criteria.yaml');
  const answers = fc.array(fc.boolean(), { minLength: 7, maxLength: 7 });

  it('on any tree, the recommendation is a class of its leaf and the exact best is a tie set at the top', () => {
    const trees = study.trees.map((t) => fitTree(study, t.name));
    fc.assert(
      fc.property(answers, fc.constantFrom(...trees), (a, fitted) => {
        const advice = advise(fitted, a);
        expect(advice.leafCounts.map((x) => x.cls.mask)).toContain(advice.recommendation.mask);
        const top = Math.max(...advice.totals);
        expect(advice.best.members.every((f) => advice.totals[f] === top)).toBe(true);
        if (advice.runnerUp) expect(advice.runnerUp.margin).toBeGreaterThan(0);
        if (!Number.isFinite(fitted.maxDepth) && fitted.spec.criteria.length === 7) expect(advice.agrees).toBe(true);
      }),
    );
  });
});

describe('loading arbitrary text', () => {
  const good = readFileSync(ROOT + 'criteria.yaml', 'utf8');
  /** The loader's contract: a Study, or its own error type — never anything else. */
  const loadsOrRefuses = (text: string) => {
    try {
      parseStudy(text, 'x.yaml');
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
    }
  };

  it('random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => loadsOrRefuses(s)),
      { numRuns: 500 },
    );
  });

  it('random YAML documents of any shape', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => loadsOrRefuses(stringify(v))),
      { numRuns: 300 },
    );
  });

  it('the bundled file with random damage', () => {
    const damage = fc.array(
      fc.record({
        at: fc.nat({ max: good.length }),
        cut: fc.nat({ max: 40 }),
        insert: fc.oneof(
          fc.constantFrom(':', '- ', '{', ']', '&a ', '*a', '"', '\n  ', '\t', '__proto__: 1\n', '-1', '.nan'),
          fc.string({ maxLength: 8 }),
        ),
      }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(damage, (edits) => {
        let text = good;
        for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.cut);
        loadsOrRefuses(text);
      }),
      { numRuns: 300 },
    );
  });

  it('structurally plausible files with wrong types anywhere', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string()),
      fc.dictionary(fc.string(), fc.integer()),
    );
    const file = fc.record({
      frameworks: fc.oneof(fc.array(fc.record({ id: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,5}$/), anything), name: anything })), anything),
      criteria: fc.oneof(
        fc.array(
          fc.record({
            id: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,5}$/), anything),
            name: fc.string(),
            scores: fc.oneof(fc.dictionary(fc.stringMatching(/^[a-z]{1,3}$/), fc.oneof(fc.double(), anything)), anything),
          }),
        ),
        anything,
      ),
      trees: fc.oneof(fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), fc.record({ max_depth: anything, criteria: anything })), anything),
      random_state: anything,
    });
    fc.assert(
      fc.property(file, (f) => loadsOrRefuses(stringify(f))),
      { numRuns: 300 },
    );
  });
});
