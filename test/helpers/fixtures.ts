/** Loading the committed fixtures, and building score tables from them. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScoreTable } from '../../src/cart/profiles.js';
import type { TreeNodeJson } from '../../src/render/tree-json.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Fixture nodes have the shape `reprotree tree --json` prints. */
export type NodeJson = TreeNodeJson;

export interface SklearnFixture {
  file: string;
  frameworks: string[];
  criteria: { id: string; scores: Record<string, number> }[];
  max_depth: number | null;
  random_state: number;
  classes: string[];
  depth: number;
  leaves: number;
  export_text: string;
  nodes: NodeJson[];
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

export function tableOf(t: { frameworks: string[]; criteria: { id: string; scores: Record<string, number> }[] }): ScoreTable {
  return {
    frameworks: t.frameworks,
    criteria: t.criteria.map((c) => c.id),
    scores: Float64Array.from(t.criteria.flatMap((c) => t.frameworks.map((f) => c.scores[f]!))),
  };
}
