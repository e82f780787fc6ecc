/** The study's own criteria.yaml, its questionnaire trees, and a plain style, for tests without a terminal. */
import { readFileSync } from 'node:fs';
import { questionnaireTrees } from '../../src/questionnaire/trees.js';
import type { Trees } from '../../src/questionnaire/trees.js';
import { createStyle } from '../../src/render/style.js';
import { parseStudy } from '../../src/study/parse.js';
import type { Study } from '../../src/study/types.js';
import { ROOT } from './fixtures.js';

let cached: Study | undefined;
export function study(): Study {
  cached ??= parseStudy(readFileSync(ROOT + 'criteria.yaml', 'utf8'), ROOT + 'criteria.yaml');
  return cached;
}

export function trees(name?: string): Trees {
  return questionnaireTrees(study(), name);
}

/** No colour, so frames and texts compare as plain text. */
export const PLAIN = createStyle(false);
