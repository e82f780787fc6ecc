/** Loading the committed fixtures, and building score tables from them. */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { ScoreTable } from '../../src/cart/profiles.js';
import type { TreeNodeJson } from '../../src/render/tree-json.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Fixture nodes have the shape `reprotree tree --json` prints. */
export type NodeJson = TreeNodeJson;

/** A scikit-learn tree and the table it was fitted on. */
interface FittedFixture {
  file: string;
  frameworks: string[];
  criteria: { id: string; scores: Record<string, number> }[];
  max_depth: number | null;
  random_state: number;
  classes: string[];
  depth: number;
  leaves: number;
}

export interface SklearnFixture extends FittedFixture {
  export_text: string;
  nodes: NodeJson[];
}

/** A tree on 17 to 20 criteria, stored compactly (see scripts/make-sklearn-fixtures.py). */
export interface LargeFixture extends FittedFixture {
  node_count: number;
  training_accuracy: number;
  /** The split feature of every node in node order: 'a' + feature, '.' for a leaf. */
  features: string;
  export_text_sha256: string;
  /** Of the impurity array and of the n_nodes × n_classes value array, as little-endian doubles. */
  impurity_sha256: string;
  value_sha256: string;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function sklearnFixtures(): SklearnFixture[] {
  const dir = FIXTURES + 'sklearn/';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ ...readJson<Omit<SklearnFixture, 'file'>>(dir + f), file: f }));
}

export function largeFixtures(): LargeFixture[] {
  const dir = FIXTURES + 'sklearn-large/';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json.gz'))
    .sort()
    .map((f) => ({ ...(JSON.parse(gunzipSync(readFileSync(dir + f)).toString('utf8')) as Omit<LargeFixture, 'file'>), file: f }));
}

export function tableOf(t: { frameworks: string[]; criteria: { id: string; scores: Record<string, number> }[] }): ScoreTable {
  return {
    frameworks: t.frameworks,
    criteria: t.criteria.map((c) => c.id),
    scores: Float64Array.from(t.criteria.flatMap((c) => t.frameworks.map((f) => c.scores[f]!))),
  };
}
