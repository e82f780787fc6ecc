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

/**
 * The study with some display names changed (by id), as a user's own file might name things:
 * `renamed({ wandb: 'Aim 🚀 Größe 速度', runtime: '速度' })`. Ids and scores stay.
 */
export function renamed(names: Readonly<Record<string, string>>): Study {
  const s = study();
  return {
    ...s,
    frameworks: s.frameworks.map((f) => ({ ...f, name: names[f.id] ?? f.name })),
    criteria: s.criteria.map((c) => ({ ...c, name: names[c.id] ?? c.name })),
  };
}

/** No colour, so frames and texts compare as plain text. */
export const PLAIN = createStyle(false);
