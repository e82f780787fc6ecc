/**
 * The fitter against scikit-learn 1.2.1: the study's three trees, random tables with heavy ties,
 * random seeds and depths, some with hundreds of classes (test/fixtures/sklearn), and trees on 17
 * to 20 criteria (test/fixtures/sklearn-large), all made by scripts/make-sklearn-fixtures.py.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fit as fitTable } from '../../src/cart/builder.js';
import { buildTrainingSet, isImportant } from '../../src/cart/profiles.js';
import { exportText } from '../../src/render/export-text.js';
import { treeNodesJson } from '../../src/render/tree-json.js';
import { FIXTURES, largeFixtures, readJson, sklearnFixtures, tableOf } from '../helpers/fixtures.js';
import type { NodeJson } from '../helpers/fixtures.js';

const STUDY = readJson<{ frameworks: string[]; criteria: { id: string; scores: Record<string, number> }[] }>(FIXTURES + 'study/study-table.json');

/** The nodes of a fit, as the JSON command prints them. */
function nodesOf(table: ReturnType<typeof tableOf>, maxDepth: number, randomState: number): { nodes: NodeJson[]; text: string } {
  const { tree } = fitTable(table, { maxDepth, randomState });
  return { nodes: treeNodesJson(tree), text: exportText(tree) };
}

describe("the study's trees", () => {
  const study = tableOf(STUDY);
  const reproducibility = tableOf({
    frameworks: STUDY.frameworks,
    criteria: ['auto-logging', 'collaboration', 'sklearn', 'keras'].map((id) => STUDY.criteria.find((c) => c.id === id)!),
  });
  const cases = [
    { name: 'figure-1', table: study, depth: 3 },
    { name: 'full', table: study, depth: Infinity },
    { name: 'figure-2', table: reproducibility, depth: 3 },
  ];

  it.each(cases)('$name: export_text is byte-identical to scikit-learn', ({ name, table, depth }) => {
    const want = readFileSync(`${FIXTURES}study/${name}.export.txt`, 'utf8');
    expect(nodesOf(table, depth, 0).text).toBe(want);
  });

  it.each(cases)('$name: every node has scikit-learn’s split, counts, impurity and class', ({ name, table, depth }) => {
    const want = readJson<{ nodes: NodeJson[]; classes: string[] }>(`${FIXTURES}study/${name}.json`);
    expect(nodesOf(table, depth, 0).nodes).toEqual(want.nodes);
    expect(buildTrainingSet(table).classes.map((c) => c.name)).toEqual(want.classes);
  });

  it('labels all 128 profiles as the study does', () => {
    const rows = readFileSync(`${FIXTURES}study/study-profiles.csv`, 'utf8').trim().split('\n').slice(1);
    const data = buildTrainingSet(study);
    expect(rows).toHaveLength(128);
    rows.forEach((row, p) => {
      const cells = row.split(',');
      const bits = cells.slice(0, 7).map(Number);
      expect(bits).toEqual([0, 1, 2, 3, 4, 5, 6].map((c) => (isImportant(p, c, 7) ? 1 : 0)));
      expect(data.classes[data.labels[p]!]!.name).toBe(cells[cells.length - 1]);
    });
  });

  it('gives another, equally valid tree for another seed (the seed really decides ties)', () => {
    const other = nodesOf(study, Infinity, 1).text;
    expect(other).not.toBe(nodesOf(study, Infinity, 0).text);
  });
});

describe('scikit-learn parity on random tables', () => {
  const fixtures = sklearnFixtures();

  it('has a broad set of fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(104);
    const sizes = new Set(fixtures.map((f) => f.frameworks.length));
    for (const n of [2, 3, 4, 5]) expect(sizes.has(n)).toBe(true);
    expect(fixtures.some((f) => f.max_depth === null)).toBe(true);
    // Beyond 64 classes the splitter counts differently.
    expect(fixtures.filter((f) => f.classes.length > 64).length).toBeGreaterThanOrEqual(8);
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s', (_file, f) => {
    const table = tableOf(f);
    const { nodes, text } = nodesOf(table, f.max_depth ?? Infinity, f.random_state);
    expect(buildTrainingSet(table).classes.map((c) => c.name)).toEqual(f.classes);
    expect(text).toBe(f.export_text);
    expect(nodes).toEqual(f.nodes);
  });
});

describe('scikit-learn parity on 17 to 20 criteria', () => {
  const all = largeFixtures();
  const sha256 = (data: string | Float64Array) =>
    createHash('sha256')
      .update(typeof data === 'string' ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      .digest('hex');

  it('covers k = 17 to 20 with several seeds and depths', () => {
    expect(new Set(all.map((f) => f.criteria.length))).toEqual(new Set([17, 18, 19, 20]));
    expect(new Set(all.map((f) => f.random_state)).size).toBeGreaterThanOrEqual(5);
    expect(all.some((f) => f.max_depth === null && f.criteria.length === 20)).toBe(true);
    expect(new Set(all.map((f) => f.max_depth)).size).toBeGreaterThanOrEqual(5);
  });

  it.each(all.map((f) => [f.file, f] as const))('%s', (_file, f) => {
    const { data, tree } = fitTable(tableOf(f), { maxDepth: f.max_depth ?? Infinity, randomState: f.random_state });
    expect(data.classes.map((c) => c.name)).toEqual(f.classes);
    const features = Array.from(tree.feature.subarray(0, tree.nodeCount), (x) => (x < 0 ? '.' : String.fromCharCode(97 + x))).join('');
    // The first node that differs, rather than two long strings.
    const at = [...f.features].findIndex((c, i) => c !== features[i]);
    expect(at === -1 ? features.length : `node ${at} splits on ${features[at]} instead of ${f.features[at]}`).toBe(f.features.length);
    expect(tree.nodeCount).toBe(f.node_count);
    expect(tree.maxDepth()).toBe(f.depth);
    expect(tree.leafCount()).toBe(f.leaves);
    expect(tree.accuracy()).toBe(f.training_accuracy);
    expect(sha256(exportText(tree))).toBe(f.export_text_sha256);
    expect(sha256(tree.impurity.slice(0, tree.nodeCount))).toBe(f.impurity_sha256);
    const value = new Float64Array(tree.nodeCount * tree.nClasses);
    for (let node = 0; node < tree.nodeCount; node++) {
      for (let i = 0; i < tree.classesIn(node); i++) value[node * tree.nClasses + tree.classAt(node, i)] = tree.countAt(node, i);
    }
    expect(sha256(value)).toBe(f.value_sha256);
  });
});
