/**
 * The four 2026 criteria scored from facts records: open source (the package's licence and its
 * server's), self-hosting, maintained (a release within 12 months of the day PyPI was asked) and
 * Python 3.12; facts not measured score nothing and say why; the study, which has no facts, gets
 * no such criteria; and facts in the wrong shape are refused with their JSON path.
 */
import { describe, expect, it } from 'vitest';
import { monthsBefore } from '../../src/measure/fact-rules.js';
import { criteriaFile } from '../../src/measure/criteria.js';
import { notOpenSource } from '../../src/measure/licences.js';
import { readMeasurements } from '../../src/measure/read.js';
import { scoreAll, scoreCriterion } from '../../src/measure/rules.js';
import { parseStudy } from '../../src/study/parse.js';
import { ROOT } from '../helpers/fixtures.js';
import { file, lines, setOf } from './synthetic.js';
import type { Json } from './synthetic.js';

const CHECKED = '2026-11-27T06:00:00Z';

interface FactsOptions {
  spdx?: string | null;
  osi?: boolean;
  server?: string;
  hosting?: string;
  released?: string;
  python?: boolean | string;
}

/** A facts record as the probe writes it; `python: 'init'` failed at that step. */
function facts(tracker: string, o: FactsOptions = {}): Json {
  const python =
    o.python === undefined
      ? { status: 'not-measured', why: 'no Python 3.12 interpreter was given (--python312)' }
      : {
          status: 'measured',
          ok: o.python === true,
          python: '3.12.1',
          failed_step: typeof o.python === 'string' ? o.python : null,
          ...(typeof o.python === 'string' ? { error: "Traceback…\nModuleNotFoundError: No module named 'imp'" } : {}),
        };
  return {
    experiment: 'facts',
    tracker,
    status: 'ok',
    repetitions: 1,
    items: {
      licence: {
        status: 'measured',
        spdx: o.spdx === undefined ? 'MIT' : o.spdx,
        osi_classifier: o.osi ?? true,
        declared: o.spdx === null && o.osi === undefined ? null : 'License :: OSI Approved :: MIT License',
        field: 'Classifier',
        server: o.server ?? 'none',
      },
      'self-hosting': { status: 'documented', mark: o.hosting ?? '+' },
      maintained:
        o.released === undefined
          ? { status: 'not-measured', why: "PyPI's JSON API could not be read: URLError: timed out" }
          : { status: 'measured', latest: '1.0', released: o.released, yanked: false },
      'python-3.12': python,
    },
    sources: {
      licence: { url: 'https://example.org/licence', checked: '2026-11-27' },
      'self-hosting': { url: 'https://example.org/hosting', checked: '2026-11-27' },
      maintained: { url: `https://pypi.org/pypi/${tracker}/json`, checked: CHECKED },
    },
  };
}

const scores = (json: Json, id: Parameters<typeof scoreCriterion>[1]) => scoreCriterion(setOf(json), id);

describe('open source', () => {
  it('is 1 for an OSI-approved package with no proprietary server, 0.5 with one, 0 for a package that is not', () => {
    const r = scores(
      file(
        ['a', 'b', 'c', 'd', 'e'],
        [
          facts('a'),
          facts('b', { server: 'proprietary' }),
          facts('c', { spdx: 'LicenseRef-Proprietary', osi: false }),
          facts('d', { server: 'SSPL-1.0' }),
          facts('e', { spdx: 'MIT OR LicenseRef-x', server: 'Apache-2.0' }),
        ],
      ),
      'open-source',
    );
    expect(r.scores).toEqual([1, 0.5, 0, 0.5, 1]);
    expect(r.evidence[0]).toBe(
      'The installed package declares MIT (its Classifier field says "License :: OSI Approved :: MIT License"), an OSI-approved licence; any server it has comes in that same package, with nothing proprietary behind it (https://example.org/licence, checked 2026-11-27): 1 point.',
    );
    expect(r.evidence[1]).toContain('the server or service it logs to is proprietary');
    expect(r.evidence[2]).toContain('not OSI-approved (LicenseRef-Proprietary)');
    expect(r.evidence[3]).toContain('the server it logs to is under SSPL-1.0, not OSI-approved');
  });

  it('takes the OSI Approved classifier where the metadata names no SPDX id, and no licence as none', () => {
    const r = scores(file(['a', 'b'], [facts('a', { spdx: null, osi: true }), facts('b', { spdx: null })]), 'open-source');
    expect(r.scores).toEqual([1, 0]);
    expect(r.evidence[1]).toMatch(/^The installed package declares no licence/);
  });

  it('reads SPDX expressions: OR needs one open licence, AND all of them, WITH keeps the licence', () => {
    expect(notOpenSource('MIT')).toEqual([]);
    expect(notOpenSource('(MIT OR Proprietary)')).toEqual([]);
    expect(notOpenSource('MIT AND Proprietary')).toEqual(['Proprietary']);
    expect(notOpenSource('GPL-2.0-only WITH Classpath-exception-2.0')).toEqual([]);
    expect(notOpenSource('SSPL-1.0')).toEqual(['SSPL-1.0']);
    expect(notOpenSource('')).toEqual(['']);
    // Brackets group: here the proprietary licence applies whichever of the two is chosen.
    expect(notOpenSource('(MIT OR Apache-2.0) AND LicenseRef-Proprietary')).toEqual(['LicenseRef-Proprietary']);
    expect(notOpenSource('MIT OR (Apache-2.0 AND LicenseRef-Proprietary)')).toEqual([]);
    expect(notOpenSource('MIT OR Apache-2.0 AND LicenseRef-Proprietary')).toEqual([]);
    expect(notOpenSource('(MIT')).toEqual(['(MIT']);
    expect(notOpenSource('MIT AND')).toEqual(['MIT AND']);
  });
});

describe('self-hosting', () => {
  it('scores the documented mark: + 1, (+) 0.5, - 0, citing the page', () => {
    const r = scores(file(['a', 'b', 'c'], [facts('a'), facts('b', { hosting: '(+)' }), facts('c', { hosting: '-' })]), 'self-hosting');
    expect(r.scores).toEqual([1, 0.5, 0]);
    expect(r.evidence[1]).toMatch(
      /^\(\+\): can run on machines you control only with a paid plan .*\(https:\/\/example.org\/hosting, checked 2026-11-27\): 0.5 points\.$/,
    );
  });
});

describe('maintained', () => {
  it('is 1 for a release within 12 calendar months of the day PyPI was asked, else 0', () => {
    const r = scores(
      file(
        ['a', 'b', 'c'],
        [
          facts('a', { released: '2026-10-14T18:03:22Z' }),
          facts('b', { released: '2025-11-27T00:00:00Z' }),
          facts('c', { released: '2025-11-26T23:59:59Z' }),
        ],
      ),
      'maintained',
    );
    expect(r.scores).toEqual([1, 1, 0]);
    expect(r.evidence[0]).toBe(
      'Latest release on PyPI: 1.0, uploaded 2026-10-14; within 12 months before 2026-11-27 (https://pypi.org/pypi/a/json, checked 2026-11-27): 1 point.',
    );
    expect(r.evidence[2]).toContain('more than 12 months before 2026-11-27');
  });

  it('is never guessed: PyPI out of reach scores 0 and says so', () => {
    const r = scores(file(['a', 'b'], [facts('a'), facts('b', { released: '2026-10-14T18:03:22Z' })]), 'maintained');
    expect(r.scores).toEqual([0, 1]);
    expect(r.evidence[0]).toBe("Not measured (PyPI's JSON API could not be read: URLError: timed out): 0 points.");
    expect(r.notes).toEqual(["A: maintenance was not measured (PyPI's JSON API could not be read: URLError: timed out); it scores 0."]);
  });

  it('counts calendar months, a month-end falling back to the shorter month’s last day', () => {
    expect(monthsBefore('2026-11-27', 12)).toBe('2025-11-27');
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-02-28');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
  });
});

describe('Python 3.12', () => {
  it('is 1 when it installs, imports and runs; 0 naming the step that failed; 0 when not measured', () => {
    const r = scores(file(['a', 'b', 'c'], [facts('a', { python: true }), facts('b', { python: 'init' }), facts('c')]), 'python-312');
    expect(r.scores).toEqual([1, 0, 0]);
    expect(r.evidence[1]).toBe(
      "On Python 3.12.1 it installed and imported, but starting and ending a run failed (ModuleNotFoundError: No module named 'imp'): 0 points.",
    );
    expect(r.evidence[2]).toMatch(/^Not measured \(no Python 3.12 interpreter was given/);
  });
});

describe('facts in the criteria file', () => {
  it('become four criteria after the study’s, with questions and help, where they separate the trackers', () => {
    const set = setOf(
      file(
        ['a', 'b'],
        [
          lines('a', 'init', 1),
          lines('b', 'init', 2),
          facts('a', { released: '2026-10-14T18:03:22Z', python: true }),
          facts('b', { server: 'proprietary', hosting: '(+)', released: '2024-01-01T00:00:00Z', python: 'init' }),
        ],
      ),
    );
    const study = parseStudy(criteriaFile(scoreAll(set), set).yamlText, 'f.yaml');
    expect(study.criteria.map((c) => c.id)).toEqual(['lines', 'open-source', 'self-hosting', 'maintained', 'python-312']);
    expect(study.criteria.map((c) => c.scores)).toEqual([
      [1, 0],
      [1, 0.5],
      [1, 0.5],
      [1, 0],
      [1, 0],
    ]);
    for (const c of study.criteria.slice(1)) {
      expect(c.question).toMatch(/\?$/);
      expect(c.help?.length).toBeGreaterThan(60);
    }
  });

  it('are not criteria of the study, which has no facts records', () => {
    const study = readMeasurements(ROOT + 'data/study-2021.measurements.json');
    expect(scoreAll(study).criteria.map((c) => c.id)).not.toContain('open-source');
  });

  it('in the wrong shape are refused with their path', () => {
    const bad = facts('a');
    (bad.items as Json).maintained = 'yes: 3.18.0 listed in November 2026';
    ((bad.items as Json)['self-hosting'] as Json).mark = 'yes';
    expect(() => setOf(file(['a'], [bad]))).toThrow(/records\[0\]\.items\.maintained must be an object with a "status"/);
    expect(() => setOf(file(['a'], [bad]))).toThrow(/records\[0\]\.items\["self-hosting"\]\.mark must be one of/);
  });
});
