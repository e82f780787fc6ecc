/** The study's 128 profiles (test/fixtures/study/study-profiles.csv): what matters, and the best set. */
import { readFileSync } from 'node:fs';
import { FIXTURES } from './fixtures.js';

export const IDS = ['runtime', 'auto-logging', 'lines', 'collaboration', 'memory', 'sklearn', 'keras'];
const ORDER = ['wandb', 'guild', 'mlflow'];

export interface Profile {
  /** The criteria ids that matter in it. */
  readonly important: readonly string[];
  /** The study's best set, in the file's framework order (`wandb+mlflow`). */
  readonly best: string;
}

export function studyProfiles(): Profile[] {
  const rows = readFileSync(`${FIXTURES}study/study-profiles.csv`, 'utf8').trim().split('\n').slice(1);
  return rows.map((row) => {
    const cells = row.split(',');
    const best = cells[cells.length - 1]!.split('+').sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
    return { important: IDS.filter((_, i) => cells[i] === '1'), best: best.join('+') };
  });
}

/** The command-line flags that name a profile's answers. */
export const flagsOf = (p: Profile): string[] => (p.important.length > 0 ? ['--important', p.important.join(',')] : []);
