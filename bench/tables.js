// The study-shaped score tables the benches share: F frameworks, k criteria, scores in steps of
// 0.5 from 0 to 5 drawn from a fixed xorshift seeded by k, so every run fits the same trees.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function scoresFor(k, F) {
  let s = 0x2545f491 ^ (k * 7919);
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  const scores = new Float64Array(k * F);
  for (let i = 0; i < scores.length; i++) scores[i] = Math.floor(next() * 11) / 2;
  return scores;
}

/** Writes the table as a criteria file `k<k>.yaml` in `dir`; returns its path and the table. */
export function criteriaFile(dir, k, F, scores = scoresFor(k, F)) {
  const fw = Array.from({ length: F }, (_, f) => `f${f + 1}`);
  const lines = ['frameworks:', ...fw.map((id) => `  - {id: ${id}, name: ${id.toUpperCase()}}`), 'criteria:'];
  for (let c = 0; c < k; c++) {
    const row = fw.map((id, f) => `${id}: ${scores[c * F + f]}`).join(', ');
    lines.push(`  - {id: c${c + 1}, name: C${c + 1}, scores: {${row}}}`);
  }
  const file = join(dir, `k${k}.yaml`);
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, table: { frameworks: fw, criteria: Array.from({ length: k }, (_, c) => `c${c + 1}`), scores } };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
