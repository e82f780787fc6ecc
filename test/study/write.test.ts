/** Writing a criteria file: what init and `scores --format yaml` give, read back into the same study. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStudy } from '../../src/study/parse.js';
import type { Criterion, DataProvenance, Framework, Study, TreeSpec } from '../../src/study/types.js';
import { studyToYaml } from '../../src/study/write.js';
import { study } from '../helpers/study.js';

/** The study as read back from its own YAML, named `file`. */
const roundTrip = (s: Study, file = 'f.yaml'): Study => parseStudy(studyToYaml(s), file);

describe('the bundled study as a criteria file', () => {
  const text = studyToYaml(study());

  it('reads back into the same study', () => {
    // Which bundled data set it was loaded as is the loader's to say, not the file's.
    const { dataSet: _, ...file } = study();
    expect(roundTrip(study(), study().file)).toEqual(file);
  });

  it('has a note over every section, and a score table per criterion on one line', () => {
    const lines = text.split('\n');
    for (const key of ['title', 'frameworks', 'criteria', 'trees', 'default_tree', 'random_state']) {
      const at = lines.findIndex((l) => l.startsWith(`${key}:`));
      expect(at, key).toBeGreaterThan(0);
      expect(lines[at - 1], `the line above ${key}`).toMatch(/^# \S/);
    }
    expect(text).toMatch(/^# reprotree criteria file/);
    expect(text).toContain('    scores: {wandb: 1, guild: 2.5, mlflow: 1}\n');
    // A tree on every criterion in order lists none, so a criterion added later joins it.
    expect(text).toMatch(/ {2}full:\n {4}description: [^\n]+\n {2}figure-1:/);
    expect(text).toContain('    criteria: [auto-logging, collaboration, sklearn, keras]\n');
  });
});

/** Text a user might put anywhere: YAML's special words and characters, and anything printable. */
const tricky = [
  'yes',
  'No',
  'null',
  '~',
  '2021',
  '1e3',
  '0x1F',
  '.inf',
  '- item',
  'key: value',
  'a #comment',
  '#hash',
  '"double"',
  "'single'",
  '&anchor',
  '*alias',
  '!tag',
  '%directive',
  '@at',
  '`tick`',
  '{flow}',
  '[list]',
  '> folded',
  '| literal',
  '? key',
  'W&B',
  'trailing:',
  'Grüße, 日本語 and emoji 🎉',
];
const text = fc
  .oneof(fc.constantFrom(...tricky), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }))
  // What parse keeps of a text: no control characters, whitespace runs as one space, trimmed.
  .map((s) =>
    s
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )
  .filter((s) => s !== '');
/** Ids, YAML's tricky ones among them (numbers, booleans, null). */
const id = fc.oneof(fc.constantFrom('123', 'true', 'null', 'no', 'y', '0x1f', '1e3', 'a-b', '0'), fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/));
/** Scores as parse accepts them: 0 to 10^6 with at most 6 decimals, the edges among them. */
const score = fc.oneof(
  fc.constantFrom(0, 0.5, 1, 2.5, 0.000001, 999999.999999, 1_000_000),
  fc.integer({ min: 0, max: 1e12 }).map((n) => n / 1e6),
);
/** A name as parse accepts it: one line of text with no invisible (format) characters. */
const nameText = text.map((s) => s.replace(/\p{Cf}/gu, '').trim()).filter((s) => s !== '');

/** Studies that parse would accept, with every optional field sometimes there and sometimes not. */
const studies = fc
  .record({
    frameworkIds: fc.uniqueArray(id, { minLength: 2, maxLength: 4 }),
    criterionIds: fc.uniqueArray(id, { minLength: 1, maxLength: 5 }),
    treeNames: fc.uniqueArray(id, { minLength: 0, maxLength: 3 }),
  })
  .chain(({ frameworkIds, criterionIds, treeNames }) => {
    const names = (n: number) => fc.uniqueArray(nameText, { minLength: n, maxLength: n, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() });
    const optional = fc.option(text, { nil: undefined });
    const frameworks = names(frameworkIds.length).chain((ns) =>
      fc.tuple(
        ...ns.map((name, i) =>
          fc.record({
            id: fc.constant(frameworkIds[i]!),
            name: fc.constant(name),
            fullName: fc.option(nameText, { nil: undefined }),
            url: optional,
            summary: optional,
          }),
        ),
      ),
    );
    const criteria = names(criterionIds.length).chain((ns) =>
      fc.tuple(
        ...ns.map((name, i) =>
          fc.record({
            id: fc.constant(criterionIds[i]!),
            name: fc.constant(name),
            question: text,
            help: optional,
            scores: fc.array(score, { minLength: frameworkIds.length, maxLength: frameworkIds.length }),
            evidence: fc.array(optional, { minLength: frameworkIds.length, maxLength: frameworkIds.length }),
          }),
        ),
      ),
    );
    const indices = criterionIds.map((_, i) => i);
    const trees = fc.tuple(
      ...treeNames.map((name) =>
        fc.record({
          name: fc.constant(name),
          criteria: fc.oneof(fc.constant(indices), fc.shuffledSubarray(indices, { minLength: 1 })),
          maxDepth: fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 10 })),
          description: optional,
        }),
      ),
    );
    // Versions are text (a bare 3.10 would be the number 3.1); null where none is recorded.
    const version = fc.option(nameText, { nil: null });
    const day = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const data = fc.option(
      fc
        .record({
          name: id,
          title: optional,
          source: optional,
          measuredOn: fc.option(day, { nil: undefined }),
          machine: optional,
          python: optional,
          versions: fc.array(version, { minLength: frameworkIds.length, maxLength: frameworkIds.length }),
          repetitions: fc.uniqueArray(fc.record({ experiment: id, count: fc.integer({ min: 1, max: 1_000_000 }) }), {
            selector: (r) => r.experiment,
            maxLength: 4,
          }),
          raw: optional,
        })
        // Parse leaves absent fields out rather than undefined.
        .map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as unknown as DataProvenance),
      { nil: undefined },
    );
    return fc.record({
      title: optional,
      source: optional,
      data,
      frameworks: frameworks as fc.Arbitrary<Framework[]>,
      criteria: criteria as fc.Arbitrary<Criterion[]>,
      trees: trees as fc.Arbitrary<TreeSpec[]>,
      defaultIndex: fc.nat(),
      randomState: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffffffff })),
    });
  })
  .map(({ defaultIndex, trees, ...rest }): Study => {
    // Without trees the file stands for one tree "full" on every criterion, as parse reads it.
    const all = trees.length > 0 ? trees : [{ name: 'full', criteria: rest.criteria.map((_, i) => i), maxDepth: Infinity }];
    const { data, ...others } = rest;
    return { ...others, ...(data === undefined ? {} : { data }), file: 'f.yaml', trees: all, defaultTree: all[defaultIndex % all.length]!.name };
  });

describe('any study', () => {
  it('reads back from its criteria file exactly as it was', () => {
    fc.assert(
      fc.property(studies, (s) => {
        expect(roundTrip(s)).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });
});
