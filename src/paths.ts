/** Files that ship with reprotree, found relative to this module (src/ or the bundle in dist/). */
import { fileURLToPath } from 'node:url';

/** The bundled study: the default for --criteria, wherever reprotree is run from. */
export const BUNDLED_CRITERIA = fileURLToPath(new URL('../criteria.yaml', import.meta.url));
