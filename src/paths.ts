/** Files that ship with reprotree, found relative to this module (src/ or the bundle in dist/). */
import { fileURLToPath } from 'node:url';

const shipped = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The bundled study: the default for --criteria, wherever reprotree is run from. */
export const BUNDLED_CRITERIA = shipped('criteria.yaml');

/**
 * The data sets that ship with reprotree, by the name `--data` takes: each a criteria file (what
 * the advice is fitted to) and the raw measurements its scores were derived from (a file, or a
 * folder read as the union of its files). The first is the default.
 */
export const DATA_SETS = {
  'study-2021': { criteria: BUNDLED_CRITERIA, measurements: shipped('data/study-2021.measurements.json') },
  'trackers-2026': { criteria: shipped('data/trackers-2026.yaml'), measurements: shipped('data/measured-2026') },
} as const;

export type DataSetName = keyof typeof DATA_SETS;
export const DATA_SET_NAMES = Object.keys(DATA_SETS) as DataSetName[];

/**
 * The Python probes behind `reprotree measure` (measure/ at the top of the package).
 * REPROTREE_MEASURE_DIR names another copy: a probe checkout being developed, or a test double.
 */
export function measureDir(env: NodeJS.ProcessEnv = process.env): string {
  const other = env.REPROTREE_MEASURE_DIR;
  return other !== undefined && other !== '' ? other : shipped('measure/');
}
