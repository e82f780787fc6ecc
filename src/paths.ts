/** Files that ship with reprotree, found relative to this module (src/ or the bundle in dist/). */
import { fileURLToPath } from 'node:url';

const shipped = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The folder reprotree runs from (a checkout, or the installed package), with a trailing '/'. */
export const PACKAGE_ROOT = shipped('');

/**
 * The data sets that ship with reprotree, by the name `--data` takes, as paths from the top of
 * the package: each a criteria file (what the advice is fitted to) and the raw measurements its
 * scores were derived from (a file, or a folder read as the union of its files). The first is
 * the default. The build reads this table too, to check each criteria file and snapshot it.
 */
export const DATA_SET_FILES = {
  'study-2021': { criteria: 'criteria.yaml', measurements: 'data/study-2021.measurements.json', about: "the study's scores, from 2021" },
  'trackers-2026': { criteria: 'data/trackers-2026.yaml', measurements: 'data/measured-2026', about: "today's trackers, measured in 2026" },
} as const;

export type DataSetName = keyof typeof DATA_SET_FILES;
export const DATA_SET_NAMES = Object.keys(DATA_SET_FILES) as DataSetName[];
export const DEFAULT_DATA_SET: DataSetName = 'study-2021';

export interface DataSetPaths {
  readonly criteria: string;
  readonly measurements: string;
  /** Where the build leaves the checked criteria file as JSON (all but the default, which it embeds). */
  readonly snapshot: string;
}

/** The data sets' files where this copy of reprotree has them. */
export const DATA_SETS: Readonly<Record<DataSetName, DataSetPaths>> = Object.fromEntries(
  DATA_SET_NAMES.map((name) => [
    name,
    {
      criteria: shipped(DATA_SET_FILES[name].criteria),
      measurements: shipped(DATA_SET_FILES[name].measurements),
      snapshot: shipped(snapshotFile(name)),
    },
  ]),
) as Record<DataSetName, DataSetPaths>;

/** The snapshot of a data set's criteria file, from the top of the package. */
export function snapshotFile(name: DataSetName): string {
  return `dist/data-${name}.json`;
}

/** The bundled study: the default for --criteria, wherever reprotree is run from. */
export const BUNDLED_CRITERIA = DATA_SETS[DEFAULT_DATA_SET].criteria;

/**
 * The Python probes behind `reprotree measure` (measure/ at the top of the package).
 * REPROTREE_MEASURE_DIR names another copy: a probe checkout being developed, or a test double.
 */
export function measureDir(env: NodeJS.ProcessEnv = process.env): string {
  const other = env.REPROTREE_MEASURE_DIR;
  return other !== undefined && other !== '' ? other : shipped('measure/');
}
