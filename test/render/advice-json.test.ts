/**
 * `recommend --json` against its published JSON Schema (schema/recommendation.schema.json): every
 * profile of the study on every tree, in-process, and the built binary on files that reach the
 * edge cases (ties, a tree of one leaf, answers the tree ignores). The schema is checked by Ajv,
 * a validator kept for tests only; and it must be able to fail.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { readJson, ROOT } from '../helpers/fixtures.js';
import { recommended } from '../helpers/io.js';
import { studyProfiles } from '../helpers/profiles.js';

const schema = readJson<{ properties: Record<string, unknown> }>(ROOT + 'schema/recommendation.schema.json');
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

/** The schema's complaints about `value`, as text (empty when it conforms). */
function complaints(value: unknown): string {
  return validate(value) ? '' : ajv.errorsText(validate.errors);
}

describe('the JSON Schema of recommend --json', () => {
  it('is a valid 2020-12 schema', () => {
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it.each(['full', 'figure-1', 'figure-2'])('describes the output for all 128 profiles on the %s tree', async (tree) => {
    const profiles = studyProfiles();
    for (const [p, profile] of profiles.entries()) {
      const important = profile.important.length > 0 ? profile.important.join(',') : undefined;
      const { out } = await recommended({ tree, format: 'json', answers: { important, notImportant: undefined, file: undefined } });
      expect(complaints(JSON.parse(out)), `profile ${p} on ${tree}`).toBe('');
    }
  });

  it('describes what the built program prints, edge cases included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reprotree-schema-'));
    // Every tracker scores alike: the tree is a single leaf, the answer a tie with no runner-up.
    const flat = join(dir, 'flat.yaml');
    writeFileSync(
      flat,
      'frameworks: [{id: a, name: A}, {id: b2, name: B}]\ncriteria:\n  - {id: x, name: X, scores: {a: 1, b2: 1}}\n  - {id: y-1, name: Y, scores: {a: 0, b2: 0}}\n',
    );
    const cases = [
      ['--json'],
      ['--important', 'auto-logging,keras', '--json'],
      ['--important', 'runtime', '--tree', 'figure-1', '--json'],
      // Answers the figure-2 tree does not use are listed as ignored.
      ['--important', 'runtime,memory,keras', '--tree', 'figure-2', '--json'],
      ['recommend', '--format', 'json', '--not-important', 'runtime'],
      ['--criteria', flat, '--important', 'x', '--json'],
      // Pairs of changed answers, and a change under which every tracker ties (margin null).
      ['--important', 'runtime,auto-logging,lines,collaboration,memory,sklearn,keras', '--json'],
      ['--important', 'memory', '--alternatives', '10', '--json'],
      ['--important', 'memory', '--alternatives', '0', '--json'],
    ];
    const seen = {
      tie: false,
      leafOnly: false,
      ignored: false,
      noRunnerUp: false,
      disagrees: false,
      noAlternative: false,
      pair: false,
      allTie: false,
      manyAlternatives: false,
    };
    for (const args of cases) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(complaints(j), args.join(' ')).toBe('');
      seen.tie ||= j.recommendation.length > 1;
      seen.leafOnly ||= j.path.length === 0;
      seen.ignored ||= j.ignored.length > 0;
      seen.noRunnerUp ||= j.runner_up === null;
      seen.disagrees ||= !j.agrees;
      seen.noAlternative ||= j.alternatives.length === 0;
      seen.pair ||= j.alternatives.some((a: { flip: object }) => Object.keys(a.flip).length === 2);
      seen.allTie ||= j.alternatives.some((a: { margin: number | null }) => a.margin === null);
      seen.manyAlternatives ||= j.alternatives.length > 3;
    }
    // The cases reach every edge they are there for.
    expect(Object.entries(seen).filter(([, reached]) => !reached)).toEqual([]);
  });

  it('refuses output that differs from it: a field missing, a field too many, a wrong type, a bad id', async () => {
    const good = JSON.parse((await recommended({ format: 'json', answers: { important: 'keras', notImportant: undefined, file: undefined } })).out);
    expect(complaints(good)).toBe('');
    const { agrees: _, ...missing } = good;
    expect(complaints(missing)).toMatch(/agrees/);
    expect(complaints({ ...good, extra: 1 })).toMatch(/additional properties/);
    expect(complaints({ ...good, answers: { ...good.answers, keras: 'yes' } })).toMatch(/answers\/keras must be boolean/);
    expect(complaints({ ...good, recommendation: ['Not An Id'] })).toMatch(/recommendation\/0 must match pattern/);
    expect(complaints({ ...good, runner_up: { ...good.runner_up, margin: 0 } })).toMatch(/margin must be > 0/);
    const alternative = good.alternatives[0];
    expect(alternative).toBeDefined();
    expect(complaints({ ...good, alternatives: [{ ...alternative, flip: {} }] })).toMatch(/flip must NOT have fewer than 1 properties/);
    expect(complaints({ ...good, alternatives: [{ ...alternative, flip: { Keras: true } }] })).toMatch(/property name must be valid/);
    expect(complaints({ ...good, alternatives: [{ ...alternative, margin: 0 }] })).toMatch(/margin must be > 0/);
    expect(complaints({ ...good, alternatives: [{ ...alternative, best: [] }] })).toMatch(/best must NOT have fewer than 1 items/);
    const { versions: _v, ...noVersions } = good.data;
    expect(complaints({ ...good, data: noVersions })).toMatch(/data must have required property 'versions'/);
    expect(complaints({ ...good, data: { ...good.data, measured_on: '27.11.2026' } })).toMatch(/measured_on/);
  });

  it('says where the scores come from: the bundled study, or the file named', () => {
    const bundled = JSON.parse(run(['--important', 'keras', '--json']).stdout).data;
    expect(bundled).toEqual({
      name: 'study-2021',
      bundled: true,
      file: null,
      title: "The study's scores (2021)",
      source: 'Table 11 of Kondratiuk & Rasgauski (2021)',
      measured_on: null,
      machine: 'a MacBook and a Dell laptop',
      python: null,
      versions: { wandb: null, guild: null, mlflow: null },
    });
    // The same file named by the user may have been edited: its path is given with what it says.
    const named = JSON.parse(run(['--criteria', ROOT + 'criteria.yaml', '--important', 'keras', '--json']).stdout).data;
    expect(named).toEqual({ ...bundled, bundled: false, file: ROOT + 'criteria.yaml' });
  });

  it('has exactly the fields the README documents', () => {
    const readme = readFileSync(ROOT + 'README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### JSON output'), readme.indexOf('\n### ', readme.indexOf('### JSON output') + 1));
    const documented = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(schema.properties).sort());
  });
});
