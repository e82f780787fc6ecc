/**
 * What a picture of a tree too big to draw whole shows: its top levels and the answers' path, every
 * question drawn without its branches counting what it leaves out, within the budget; and each
 * node's classes as a picture shows them, the most common by name and the rest summed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { walk } from '../../src/advice/advise.js';
import { fitTree } from '../../src/advice/model.js';
import type { FittedTree } from '../../src/advice/model.js';
import { classColor } from '../../src/render/palette.js';
import { cutNote, drawing, MERMAID_CHARS, MERMAID_NODES, PICTURE_NODES, EVERY_NODE } from '../../src/render/tree-drawing.js';
import { renderMermaid } from '../../src/render/mermaid.js';
import { otherCounts, pathNodes, preorder, shares, SHOWN_CLASSES } from '../../src/render/tree-labels.js';
import { renderSvg, SVG_MAX_PX } from '../../src/render/svg.js';
import { treeOutline } from '../../src/render/tree-outline.js';
import { scoredStudy } from '../helpers/study.js';

/** k criteria, framework f scoring only on criterion f: every profile its own tie set, a full tree. */
function oneEach(k: number, frameworks = k): FittedTree {
  const scores = Array.from({ length: k * frameworks }, (_, i) => (Math.floor(i / frameworks) === i % frameworks ? 1 : 0));
  return fitTree(scoredStudy(frameworks, k, scores), 't');
}

const tables = fc.record({ frameworks: fc.integer({ min: 2, max: 6 }), k: fc.integer({ min: 3, max: 10 }) }).chain(({ frameworks, k }) =>
  fc.record({
    fitted: fc
      .array(fc.constantFrom(0, 0.5, 1, 2, 3), { minLength: frameworks * k, maxLength: frameworks * k })
      .map((scores) => fitTree(scoredStudy(frameworks, k, scores), 't')),
    answers: fc.array(fc.boolean(), { minLength: k, maxLength: k }),
    budget: fc.integer({ min: 1, max: 300 }),
  }),
);

describe('drawing', () => {
  it('is the whole tree, in preorder, when it fits the budget', () => {
    const fitted = oneEach(6);
    const d = drawing(fitted, { nodes: fitted.tree.nodeCount });
    expect(d.visits).toEqual(preorder(fitted));
    expect(d.cut.size).toBe(0);
    expect(d.depth).toBeUndefined();
    expect(cutNote(fitted, d, { budget: fitted.tree.nodeCount, where: EVERY_NODE })).toBeUndefined();
  });

  it('keeps to the budget with the deepest whole levels, the path and both branches of its questions', () => {
    let cutTrees = 0;
    fc.assert(
      fc.property(tables, ({ fitted, answers, budget }) => {
        const { tree } = fitted;
        const path = pathNodes(fitted, answers);
        const d = drawing(fitted, { nodes: budget, path });
        const drawn = new Set(d.visits.map((v) => v.node));
        if (tree.nodeCount <= budget) {
          expect(drawn.size).toBe(tree.nodeCount);
          return;
        }
        expect(d.depth).toBeDefined();
        cutTrees++;
        const depth = d.depth!;
        const near = new Set([...path].flatMap((n) => (tree.isLeaf(n) ? [n] : [n, tree.left[n]!, tree.right[n]!])));
        // Within the budget unless even the root level and the path's neighbourhood are more.
        if (depth > 0) expect(drawn.size).toBeLessThanOrEqual(budget);
        for (let n = 0; n < tree.nodeCount; n++) {
          expect(drawn.has(n)).toBe(tree.depthOf[n]! <= depth || near.has(n));
        }
        // One level more would not have fitted.
        const deeper = [...Array(tree.nodeCount).keys()].filter((n) => tree.depthOf[n]! <= depth + 1 || near.has(n)).length;
        if (depth < tree.maxDepth()) expect(deeper).toBeGreaterThan(budget);
        // A drawn question shows both branches or neither, and then counts the nodes under it.
        for (const v of d.visits) {
          if (tree.isLeaf(v.node)) continue;
          const [l, r] = [tree.left[v.node]!, tree.right[v.node]!];
          expect(drawn.has(l)).toBe(drawn.has(r));
          const below = (n: number): number => (tree.isLeaf(n) ? 1 : 1 + below(tree.left[n]!) + below(tree.right[n]!));
          expect(d.cut.get(v.node)).toBe(drawn.has(l) ? undefined : below(l) + below(r));
        }
        // Parents before children, "no" before "yes", as the whole tree's preorder has them.
        const order = preorder(fitted)
          .map((v) => v.node)
          .filter((n) => drawn.has(n));
        expect(d.visits.map((v) => v.node)).toEqual(order);
        expect(d.deeperPath).toBe([...near].some((n) => tree.depthOf[n]! > depth));
      }),
      { numRuns: 150 },
    );
    // Many of the random trees were too big for their budget.
    expect(cutTrees).toBeGreaterThan(30);
  });

  it('says in one sentence how big the tree is, what is drawn and where the rest is', () => {
    const fitted = oneEach(10);
    const answers = Array.from({ length: 10 }, (_, c) => c === 9);
    const d = drawing(fitted, { nodes: 100, path: pathNodes(fitted, answers) });
    expect(cutNote(fitted, d, { budget: 100, where: EVERY_NODE })).toBe(
      'This tree has 2047 nodes, more than a picture can show (100): drawn are its first 5 levels of questions and the path of your answers, ' +
        'a question drawn without its branches marked (+N not drawn) for the N nodes it leaves out; --format json or --format export-text gives every node.',
    );
    // The path runs to its leaf.
    expect(d.visits.map((v) => v.node)).toContain(walk(fitted, answers).leaf);
  });
});

describe('shares', () => {
  it('are the most common classes, most first (class order among equals), and the rest summed', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 1, max: 10 }), ({ fitted }, most) => {
        const { tree } = fitted;
        for (let n = 0; n < tree.nodeCount; n++) {
          const all = tree.counts(n).sort((a, b) => b.count - a.count || a.cls - b.cls);
          const s = shares(fitted, n, most);
          expect(s.top).toEqual(all.slice(0, most));
          expect(s.restClasses).toBe(Math.max(0, all.length - most));
          expect(s.restCount).toBe(all.slice(most).reduce((a, x) => a + x.count, 0));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('name at most SHOWN_CLASSES others beside a leaf’s recommendation', () => {
    const fitted = oneEach(10);
    // A depth-limited tree's leaves hold many tie sets, one profile each.
    const shallow = fitTree(fitted.study, 't', { maxDepth: 3 });
    const leaf = walk(shallow, Array(10).fill(false)).leaf;
    const others = otherCounts(shallow, leaf);
    expect(others.top).toHaveLength(SHOWN_CLASSES);
    expect(others.top.some((o) => o.cls === shallow.tree.predictedClass(leaf))).toBe(false);
    expect(others.restClasses).toBe(shallow.tree.classesIn(leaf) - 1 - SHOWN_CLASSES);
    expect(1 + others.top.length + others.restCount).toBe(shallow.tree.nSamples[leaf]);
  });
});

describe('pictures of big trees', () => {
  const fitted = oneEach(12);

  it('the outline in words reads the drawn nodes, the path down to its leaf, and says what it leaves out', () => {
    const answers = Array.from({ length: 12 }, (_, c) => c % 3 === 0);
    const path = pathNodes(fitted, answers);
    const lines = treeOutline(fitted, { answers });
    const d = drawing(fitted, { nodes: PICTURE_NODES, path });
    expect(lines).toHaveLength(d.visits.length + 1);
    expect(lines.filter((l) => l.includes('(your answer)'))).toHaveLength(path.size - 1);
    // The leaf at the end of the path: one profile, its own tie set.
    expect(lines.find((l) => l.includes('(your answer): recommends'))).toMatch(/: recommends F0, F3, F6 or F9: the one profile here\.$/);
    expect(lines.filter((l) => /\? \(\d+ more below, left out\)$/.test(l)).length).toBe(d.cut.size);
    expect(lines.at(-1)).toBe(
      'This tree has 8191 nodes, more than a picture can show (2047): read out are its first 9 levels of questions and the path of your answers, ' +
        'a question read out without its branches marked (N more below, left out) for the N nodes it leaves out; --format json or --format export-text gives every node.',
    );
  });

  it('Mermaid keeps within its own limits of edges and characters', () => {
    const text = renderMermaid(fitted);
    expect(text.match(/-->/g)!.length).toBeLessThanOrEqual(MERMAID_NODES - 1);
    expect(text.length).toBeLessThanOrEqual(MERMAID_CHARS);
    expect(text).toContain('%% This tree has 8191 nodes, more than a picture can show (501)');
    expect(text).toMatch(/\(\+\d+ not drawn\)"\]:::cut/);
  });

  it('SVG stays within what converters draw, however many nodes the budget allows', () => {
    const svg = renderSvg(fitted);
    const [, width, height] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    expect(width).toBeLessThanOrEqual(SVG_MAX_PX);
    expect(height).toBeLessThanOrEqual(SVG_MAX_PX);
    expect(svg).toContain('This tree has 8191 nodes');
    // The legend lists a few tie sets and says how many more the leaves name.
    expect(svg).toMatch(/and \d+ other sets, named at the leaves/);
    expect((svg.match(/<g[^>]*>/g) ?? []).length).toBeLessThan(2 * PICTURE_NODES);
  });

  it('gives classes next to each other in class order colours apart when there are many', () => {
    const color = classColor(fitted);
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
      const max = Math.max(r, g, b);
      const d = max - Math.min(r, g, b);
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    for (let c = 0; c + 1 < 200; c++) {
      const apart = Math.abs(hue(color(c)) - hue(color(c + 1)));
      expect(Math.min(apart, 360 - apart)).toBeGreaterThan(20);
    }
  });
});
