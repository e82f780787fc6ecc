/** Files that ship with reprotree, found relative to this module (src/ or the bundle in dist/). */
import { fileURLToPath } from 'node:url';

/** The bundled study: the default for --criteria, wherever reprotree is run from. */
export const BUNDLED_CRITERIA = fileURLToPath(new URL('../criteria.yaml', import.meta.url));

/**
 * The Python probes behind `reprotree measure` (measure/ at the top of the package).
 * REPROTREE_MEASURE_DIR names another copy: a probe checkout being developed, or a test double.
 */
export function measureDir(env: NodeJS.ProcessEnv = process.env): string {
  const other = env.REPROTREE_MEASURE_DIR;
  return other !== undefined && other !== '' ? other : fileURLToPath(new URL('../measure/', import.meta.url));
}
