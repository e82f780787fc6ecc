/** Answers files: JSON or YAML keyed by criterion id, every problem at its line and column. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswersFile } from '../../src/study/answers-file.js';
import { StudyError } from '../../src/study/problems.js';
import { study } from '../helpers/study.js';

/** The answers by criterion id, or the problems as "LINE:COL: message". */
function read(text: string): Record<string, boolean> | string[] {
  try {
    const answers = parseAnswersFile(text, 'a.json', study());
    return Object.fromEntries([...answers].map(([c, v]) => [study().criteria[c]!.id, v]));
  } catch (e) {
    if (e instanceof StudyError) return e.problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
    throw e;
  }
}

describe('an answers file', () => {
  it('is JSON or YAML, keyed by criterion id in any order', () => {
    expect(read('{"keras": true, "runtime": false}')).toEqual({ keras: true, runtime: false });
    expect(read('keras: true\nruntime: false\n')).toEqual({ keras: true, runtime: false });
    // JSON indented with tabs, as some editors save it.
    expect(read('{\n\t"lines": true\n}\n')).toEqual({ lines: true });
    expect(read('{}')).toEqual({});
  });

  it('names an unknown id with a suggestion, an id in another case, a value that is not true or false, and an id given twice', () => {
    expect(read('kerass: true\nruntime: yes\nmemory:\nkeras: false\nkeras: true\nRuntime: true\n')).toEqual([
      "5:1: 'keras' appears twice in the answers (one per criterion, e.g. `runtime: true`) (first on line 4); keep one.",
      "1:1: 'kerass' is not a criterion of " +
        'the study-2021 data set' +
        ". Did you mean 'keras'? The criteria are runtime, auto-logging, lines, collaboration, memory, sklearn, keras.",
      '2:10: the answer for \'runtime\' must be true (it matters) or false (it does not), not "yes".',
      "3:8: the answer for 'memory' must be true (it matters) or false (it does not), but it has none.",
      // Ids match exactly, as on the command line and in criteria files.
      `6:1: 'Runtime' is not a criterion id: ids are lowercase, as in the study-2021 data set; use 'runtime'.`,
    ]);
  });

  it('refuses an empty file, a list and broken JSON, saying what is expected', () => {
    expect(read('')).toEqual([
      expect.stringMatching(/^1:1: the file is empty; give one answer per line, e\.g\. `runtime: true`, or \{\} for none\.$/),
    ]);
    expect(read('- keras\n')).toEqual([expect.stringMatching(/^1:1: the answers .* must be a mapping/)]);
    expect(read('{"keras": true,,}')).toEqual([expect.stringMatching(/^1:\d+: /)]);
  });
});

describe('any text as an answers file', () => {
  it('gives answers or problems with positions, never anything else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.dictionary(fc.oneof(fc.constantFrom(...study().criteria.map((c) => c.id)), fc.string()), fc.jsonValue()).map((d) => JSON.stringify(d)),
        ),
        (text) => {
          try {
            const answers = parseAnswersFile(text, 'a.json', study());
            for (const [c, v] of answers) {
              expect(study().criteria[c]).toBeDefined();
              expect(typeof v).toBe('boolean');
            }
          } catch (e) {
            expect(e).toBeInstanceOf(StudyError);
            for (const p of (e as StudyError).problems) expect(p.line).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
