/**
 * The fitter's shortcuts (subcubes, histograms, counts by subtraction, grouping by class, the
 * streaming labeller) against plain transcriptions, on tables beyond the scikit-learn fixtures:
 * up to 14 frameworks and over a thousand classes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTree } from '../../src/cart/builder.js';
import { buildTrainingSet, compareClasses, isImportant } from '../../src/cart/profiles.js';
import type { ScoreTable } from '../../src/cart/profiles.js';
import type { Tree } from '../../src/cart/tree.js';
import { referenceFit } from './reference-cart.js';

const ids = (n: number, prefix = 'f') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** Every field of every node, against the reference. */
function expectSameTree(tree: Tree, table: ScoreTable, maxDepth: number, seed: number): void {
  const data = buildTrainingSet(table);
  const want = referenceFit(data, maxDepth, seed);
  expect(tree.nodeCount).toBe(want.length);
  want.forEach((node, i) => {
    expect(tree.feature[i], `feature of node ${i}`).toBe(node.feature);
    expect(tree.nSamples[i]).toBe(node.samples);
    expect(tree.impurity[i]).toBe(node.impurity);
    expect(tree.left[i]).toBe(node.left);
    expect(tree.right[i]).toBe(node.right);
    const counts = tree.counts(i);
    expect(counts.map((x) => x.cls)).toEqual([...node.counts.keys()].sort((a, b) => a - b));
    for (const { cls, count } of counts) expect(count).toBe(node.counts.get(cls));
    // numpy's argmax: the first class (in class order) with the largest count.
    const most = Math.max(...node.counts.values());
    expect(tree.predictedClass(i)).toBe(Math.min(...[...node.counts].filter(([, v]) => v === most).map(([c]) => c)));
  });
}

const fitTable = (table: ScoreTable, maxDepth: number, seed: number) => buildTree(buildTrainingSet(table), { maxDepth, randomState: seed });

/** Framework f scores 1 on criterion f only: every profile's best set is its own criteria. */
function identity(k: number, extra = 0): ScoreTable {
  const F = k + extra;
  const scores = new Float64Array(k * F);
  for (let c = 0; c < k; c++) scores[c * F + c] = 1;
  return { frameworks: ids(F), criteria: ids(k, 'c'), scores };
}

const tables = fc
  .record({ frameworks: fc.integer({ min: 2, max: 14 }), criteria: fc.integer({ min: 1, max: 9 }) })
  .chain(({ frameworks, criteria }) =>
    fc.record({
      frameworks: fc.constant(ids(frameworks)),
      criteria: fc.constant(ids(criteria, 'c')),
      scores: fc.array(fc.constantFrom(0, 0, 1, 2, 0.5, 0.1, 0.2, 0.3), { minLength: frameworks * criteria, maxLength: frameworks * criteria }),
    }),
  )
  .map((t): ScoreTable => ({ ...t, scores: Float64Array.from(t.scores) }));
const depths = fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 7 }));
const seeds = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 0xffffffff }));

describe('the fitter against a plain transcription of scikit-learn', () => {
  it('agrees node for node on random tables with up to 14 frameworks', () => {
    fc.assert(
      fc.property(tables, depths, seeds, (table, maxDepth, seed) => expectSameTree(fitTable(table, maxDepth, seed), table, maxDepth, seed)),
      { numRuns: 200 },
    );
  });

  it.each([
    { k: 10, extra: 0, depth: Infinity, seed: 0 },
    { k: 10, extra: 3, depth: 4, seed: 7 },
    { k: 9, extra: 0, depth: Infinity, seed: 0xffffffff },
  ])('agrees when every profile is a class of its own (k=$k, depth $depth)', ({ k, extra, depth, seed }) => {
    const table = identity(k, extra);
    // With no extra framework, "nothing matters" and "everything matters" tie the same set.
    expect(buildTrainingSet(table).classes).toHaveLength(extra > 0 ? 2 ** k : 2 ** k - 1);
    const tree = fitTable(table, depth, seed);
    expectSameTree(tree, table, depth, seed);
    if (depth === Infinity) expect(tree.accuracy()).toBe(1);
  });

  it('training accuracy is the share of profiles whose leaf predicts their label', () => {
    fc.assert(
      fc.property(tables, depths, seeds, (table, maxDepth, seed) => {
        const data = buildTrainingSet(table);
        const tree = buildTree(data, { maxDepth, randomState: seed });
        let right = 0;
        for (let p = 0; p < data.nSamples; p++) {
          if (tree.predictedClass(tree.apply((f) => isImportant(p, f, data.k))) === data.labels[p]) right++;
        }
        expect(tree.accuracy()).toBe(right / data.nSamples);
      }),
      { numRuns: 100 },
    );
  });
});

describe('labels', () => {
  /** The notebook's recipe, profile by profile. */
  function plainLabels(table: ScoreTable): string[] {
    const k = table.criteria.length;
    const F = table.frameworks.length;
    return Array.from({ length: 2 ** k }, (_, p) => {
      const totals = table.frameworks.map((_, f) => {
        let t = 0.0;
        for (let c = 0; c < k; c++) if (isImportant(p, c, k)) t = t + table.scores[c * F + f]!;
        return t;
      });
      const top = Math.max(...totals);
      return table.frameworks.filter((_, f) => totals[f] === top).join('+');
    });
  }

  it('are the frameworks tied at the top, summed in criterion order', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const data = buildTrainingSet(table);
        expect(Array.from(data.labels, (c) => data.classes[c]!.name)).toEqual(plainLabels(table));
        expect(Array.from(data.classCounts).reduce((a, b) => a + b, 0)).toBe(data.nSamples);
      }),
      { numRuns: 200 },
    );
  });

  it('come in the notebook’s class order, whatever the ids', () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,6}$/);
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 2, maxLength: 12 }), fc.integer({ min: 1, max: 7 }), fc.nat(), (frameworks, k, salt) => {
        const F = frameworks.length;
        // Scores from a small pool so that many different tie sets occur.
        const scores = Float64Array.from({ length: k * F }, (_, i) => ((i * 7 + salt) % 5) % 3);
        const data = buildTrainingSet({ frameworks, criteria: ids(k, 'c'), scores });
        const members = data.classes.map((c) => c.members.map((f) => frameworks[f]!));
        const sorted = [...members].sort(compareClasses);
        expect(members).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });
});
