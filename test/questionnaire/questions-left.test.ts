/**
 * `questionsLeft` reads a table built once per tree. It must say exactly what walking the
 * remaining subtree says: the walk it replaced is kept here as the reference, and the two are
 * compared at every node of trees fitted to random tables, for random known answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDecided } from '../../src/advice/advise.js';
import { fitTree } from '../../src/advice/model.js';
import type { FittedTree } from '../../src/advice/model.js';
import { questionsLeft } from '../../src/questionnaire/session.js';
import { scoredStudy } from '../helpers/study.js';

/**
 * The reference: from `node`, follow known answers and pass over decided nodes; at the first
 * question still open, ask it and take the longer of its two branches, each walked afresh with
 * that answer known.
 */
function walkedQuestionsLeft(fitted: FittedTree, known: ReadonlyMap<number, boolean>, node: number): number {
  const { tree, featureCriteria } = fitted;
  let at = node;
  while (!tree.isLeaf(at)) {
    const criterion = featureCriteria[tree.feature[at]!]!;
    const answer = known.get(criterion);
    if (answer !== undefined) at = answer ? tree.right[at]! : tree.left[at]!;
    else if (isDecided(fitted, at)) at = tree.left[at]!;
    else break;
  }
  if (tree.isLeaf(at)) return 0;
  const criterion = featureCriteria[tree.feature[at]!]!;
  const yes = new Map(known).set(criterion, true);
  const no = new Map(known).set(criterion, false);
  return 1 + Math.max(walkedQuestionsLeft(fitted, yes, tree.right[at]!), walkedQuestionsLeft(fitted, no, tree.left[at]!));
}

const cases = fc.record({ frameworks: fc.integer({ min: 2, max: 5 }), k: fc.integer({ min: 1, max: 9 }) }).chain(({ frameworks, k }) =>
  fc.record({
    frameworks: fc.constant(frameworks),
    k: fc.constant(k),
    scores: fc.array(fc.constantFrom(0, 0.5, 1, 1.5, 2, 3), { minLength: frameworks * k, maxLength: frameworks * k }),
    // The tree's criteria: a shuffled subset, so features and criteria are numbered differently.
    treeCriteria: fc.shuffledSubarray(
      Array.from({ length: k }, (_, c) => c),
      { minLength: 1 },
    ),
    maxDepth: fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 5 })),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    // Per criterion: unknown, known not to matter, known to matter.
    known: fc.array(fc.constantFrom(undefined, false, true), { minLength: k, maxLength: k }),
  }),
);

describe('questionsLeft', () => {
  it('equals walking the remaining subtree, at every node, for any known answers', () => {
    let compared = 0;
    fc.assert(
      fc.property(cases, ({ frameworks, k, scores, treeCriteria, maxDepth, seed, known }) => {
        const fitted = fitTree(scoredStudy(frameworks, k, scores, treeCriteria), 't', { maxDepth, randomState: seed });
        const answers = new Map<number, boolean>();
        known.forEach((a, c) => {
          if (a !== undefined) answers.set(c, a);
        });
        for (const given of [new Map<number, boolean>(), answers]) {
          for (let node = 0; node < fitted.tree.nodeCount; node++) {
            expect(questionsLeft(fitted, given, node)).toBe(walkedQuestionsLeft(fitted, given, node));
            compared++;
          }
        }
      }),
      { numRuns: 300 },
    );
    // The trees were not all trivial: many nodes were compared.
    expect(compared).toBeGreaterThan(3000);
  });

  it('relies on a fitted tree never asking a criterion twice on one path', () => {
    // The table's longest runs assume it; scikit-learn never splits on a feature the path fixed.
    fc.assert(
      fc.property(cases, ({ frameworks, k, scores, treeCriteria, maxDepth, seed }) => {
        const { tree } = fitTree(scoredStudy(frameworks, k, scores, treeCriteria), 't', { maxDepth, randomState: seed });
        const asked = (node: number, above: number): void => {
          if (tree.isLeaf(node)) return;
          const bit = 1 << tree.feature[node]!;
          expect(above & bit).toBe(0);
          asked(tree.left[node]!, above | bit);
          asked(tree.right[node]!, above | bit);
        };
        asked(0, 0);
      }),
      { numRuns: 100 },
    );
  });
});
