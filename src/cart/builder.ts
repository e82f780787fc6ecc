/**
 * Fitting: scikit-learn 1.2's DecisionTreeClassifier with its defaults (min_samples_split=2,
 * min_samples_leaf=1, min_weight_fraction_leaf=0, min_impurity_decrease=0, max_features=None).
 * The builder, splitter and criterion run as WebAssembly (src/cart/wasm/, where each of
 * scikit-learn's rules is reproduced and explained); this side hands it the labels and the seed
 * and wraps what it returns as a Tree.
 */
import type { ScoreTable, TrainingSet } from './profiles.js';
import { buildTrainingSet } from './profiles.js';
import { splitterSeed } from './rng.js';
import { Tree } from './tree.js';
import { FIT_WASM } from './fit-wasm.js';

export interface FitOptions {
  /** Depth limit (>= 1); Infinity for none, as `max_depth=None`. */
  readonly maxDepth: number;
  /** `random_state`: an integer in [0, 2^32 - 1]. */
  readonly randomState: number;
}

interface FitExports {
  readonly memory: WebAssembly.Memory;
  alloc(bytes: number): number;
  fit(k: number, nClasses: number, maxDepth: number, seed: number, labels: number, classCounts: number): number;
  output(i: number): number;
}

let compiled: WebAssembly.Module | undefined;

/** A fresh instance per fit: its memory then belongs to the tree, which keeps views into it. */
function instantiate(): FitExports {
  compiled ??= new WebAssembly.Module(Buffer.from(FIT_WASM, 'base64'));
  return new WebAssembly.Instance(compiled, {}).exports as unknown as FitExports;
}

/** Fits a tree to a prepared training set. */
export function buildTree(data: TrainingSet, options: FitOptions): Tree {
  const wasm = instantiate();
  const n = data.nSamples;
  const nClasses = data.classes.length;
  const labels = wasm.alloc(4 * n);
  const classCounts = wasm.alloc(4 * nClasses);
  new Int32Array(wasm.memory.buffer, labels, n).set(data.labels);
  new Int32Array(wasm.memory.buffer, classCounts, nClasses).set(data.classCounts);
  const maxDepth = Number.isFinite(options.maxDepth) ? options.maxDepth : -1;
  // The splitter's xorshift state is the one number it draws from RandomState(random_state).
  const nodes = wasm.fit(data.k, nClasses, maxDepth, splitterSeed(options.randomState), labels, classCounts);

  // The memory has stopped growing: views into it stay valid.
  const buffer = wasm.memory.buffer;
  const ints = (i: number, length: number) => new Int32Array(buffer, wasm.output(i), length);
  const pairStart = ints(6, nodes + 1);
  return new Tree(data.table.criteria, data.table.frameworks, data.classes, {
    k: data.k,
    nodeCount: nodes,
    feature: ints(0, nodes),
    left: ints(1, nodes),
    right: ints(2, nodes),
    impurity: new Float64Array(buffer, wasm.output(3), nodes),
    depth: ints(4, nodes),
    predicted: ints(5, nodes),
    pairStart,
    pairs: ints(7, 2 * pairStart[nodes]!),
  });
}

/** Profiles, labels and tree in one call. */
export function fit(table: ScoreTable, options: FitOptions): { data: TrainingSet; tree: Tree } {
  const data = buildTrainingSet(table);
  return { data, tree: buildTree(data, options) };
}
