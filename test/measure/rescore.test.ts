/** rescore: a measurement file or directory in, a criteria file and what to tell the user out. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { rescore } from '../../src/measure/rescore.js';
import { parseStudy } from '../../src/study/parse.js';
import { ROOT } from '../helpers/fixtures.js';
import { around, failed, file, lines, marks, runtime } from './synthetic.js';

const STUDY = ROOT + 'data/study-2021.measurements.json';
const dir = mkdtempSync(join(tmpdir(), 'reprotree-rescore-'));

function userError(path: string): string {
  try {
    rescore(path);
  } catch (e) {
    expect(e instanceof UserError).toBe(true);
    return (e as Error).message;
  }
  throw new Error('rescore succeeded');
}

describe('rescoring the study', () => {
  const r = rescore(STUDY);

  it('gives a criteria file the loader reads, with the bundled criteria.yaml’s scores', () => {
    const bundled = parseStudy(readFileSync(ROOT + 'criteria.yaml', 'utf8'), 'criteria.yaml');
    const study = parseStudy(r.yamlText, 'rescored.yaml');
    expect(study.criteria.map((c) => [c.id, c.scores])).toEqual(bundled.criteria.map((c) => [c.id, c.scores]));
  });

  it('tells the user which published scores it keeps and which criteria it leaves out', () => {
    expect(r.notes).toHaveLength(3);
    expect(r.notes[0]).toMatch(
      /^Lines of code: the published scores are used, not the rule's: W&B 2 \(rule 2\), Guild 2 \(rule 1\), MLflow 3 \(rule 2\)\. The study publishes/,
    );
    expect(r.notes.slice(1)).toEqual([
      'Log size is left out of the criteria file: every tracker scores 1 on it.',
      'Memory from data is left out of the criteria file: every tracker scores 1 on it.',
    ]);
  });

  it('returns the provenance and the whole table, nine rows', () => {
    expect(r.provenance.files).toEqual([STUDY]);
    expect(r.table.criteria).toHaveLength(9);
  });

  it('gives the same from a directory holding the file', () => {
    const d = join(dir, 'study');
    mkdirSync(d);
    copyFileSync(STUDY, join(d, 'study-2021.json'));
    expect(rescore(d).table.criteria.map((c) => c.scores)).toEqual(r.table.criteria.map((c) => c.scores));
  });
});

describe('rescoring a run', () => {
  it('reads one file per tracker, scores a tracker that did not import as storing nothing, and says so', () => {
    const d = join(dir, 'run');
    mkdirSync(d);
    writeFileSync(
      join(d, 'mlflow.json'),
      JSON.stringify(
        file(['mlflow'], [runtime('mlflow', 'init', 'ci', around(1.7)), lines('mlflow', 'init', 2), marks('sklearn', 'mlflow', ['+', '(+)'])]),
      ),
    );
    writeFileSync(
      join(d, 'guild.json'),
      JSON.stringify(
        file(
          {
            guild: {
              status: 'import-failed',
              version: '0.9.0',
              error: "Traceback (most recent call last):\n  ...\nModuleNotFoundError: No module named 'imp'",
            },
          },
          [failed('runtime', 'guild', 'import failed'), failed('lines', 'guild', 'import failed'), failed('sklearn', 'guild', 'import failed')],
        ),
      ),
    );
    const r = rescore(d);
    const study = parseStudy(r.yamlText, 'run.yaml');
    expect(study.frameworks.map((f) => f.id)).toEqual(['guild', 'mlflow']);
    for (const c of study.criteria) expect(c.scores[0]).toBe(0);
    expect(r.notes[0]).toBe(
      "GUILD did not import (ModuleNotFoundError: No module named 'imp'): it is scored as storing nothing and as the slowest and heaviest tracker.",
    );
    expect(study.criteria.find((c) => c.id === 'runtime')!.evidence[1]).toMatch(/^initialisation: median 1\.70 s of 30 on ci \(1st\)\./);
    expect(r.yamlText).toContain('# Trackers: GUILD version 0.9.0, did not import; MLFLOW version 1.0.');
  });

  it('refuses a single tracker with a sentence saying what to pass instead', () => {
    const f = join(dir, 'one.json');
    writeFileSync(f, JSON.stringify(file(['mlflow'], [runtime('mlflow', 'init', 'ci', [1])])));
    expect(userError(f)).toBe(
      `${f} holds measurements of MLFLOW only; a criteria file compares at least two trackers, so pass a directory with several trackers' files.`,
    );
  });

  it('refuses measurements on which every tracker ties', () => {
    const f = join(dir, 'ties.json');
    writeFileSync(f, JSON.stringify(file(['a', 'b'], [lines('a', 'init', 1), lines('b', 'init', 1)])));
    expect(userError(f)).toBe(
      `Every tracker in ${f} scores the same on every criterion, so there is nothing to choose between and no criteria file to write.`,
    );
  });

  it('says so when no experiment was measured at all, rather than calling it a tie', () => {
    const f = join(dir, 'empty.json');
    writeFileSync(f, JSON.stringify(file(['a', 'b'], [])));
    expect(userError(f)).toBe(
      `${f} holds no measurement of any criterion (no experiment was run), so there is no criteria file to write; run reprotree measure first.`,
    );
  });

  it('passes on the reader’s sentence for a broken file', () => {
    const f = join(dir, 'broken.json');
    writeFileSync(f, '{"format": "reprotree-measurements/1"');
    expect(userError(f)).toBe(`${f} is not valid JSON: it ends too early (cut off while being written?).`);
  });
});
