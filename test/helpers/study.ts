/** The study's own criteria.yaml, its questionnaire trees, and a plain style, for tests without a terminal. */
import { readFileSync } from 'node:fs';
import { questionnaireTrees } from '../../src/questionnaire/trees.js';
import type { Trees } from '../../src/questionnaire/trees.js';
import { createStyle } from '../../src/render/style.js';
import { parseStudy } from '../../src/study/parse.js';
import type { Study } from '../../src/study/types.js';
import { ROOT } from './fixtures.js';

let cached: Study | undefined;
/** The bundled study as `--data study-2021` (the default) loads it. */
export function study(): Study {
  cached ??= { ...parseStudy(readFileSync(ROOT + 'criteria.yaml', 'utf8'), ROOT + 'criteria.yaml'), dataSet: 'study-2021' };
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

/**
 * A study made from bare scores, `frameworks` scores per criterion, with one tree "t" over
 * `treeCriteria` (criterion indices in feature order; all of them by default), no depth limit.
 */
export function scoredStudy(frameworks: number, k: number, scores: readonly number[], treeCriteria: readonly number[] = [...Array(k).keys()]): Study {
  return {
    file: 'scores.yaml',
    frameworks: Array.from({ length: frameworks }, (_, f) => ({ id: `f${f}`, name: `F${f}` })),
    criteria: Array.from({ length: k }, (_, c) => ({
      id: `c${c}`,
      name: `C${c}`,
      question: `C${c}?`,
      scores: scores.slice(c * frameworks, (c + 1) * frameworks),
      evidence: [],
    })),
    trees: [{ name: 't', criteria: treeCriteria, maxDepth: Infinity }],
    defaultTree: 't',
    randomState: 0,
  };
}
