/** What reprotree asks of the machine it runs on: no install scripts, no network, no writes. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const pkg = JSON.parse(readFileSync(ROOT + 'package.json', 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };

describe('the package', () => {
  it('runs nothing when someone installs it', () => {
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(pkg.scripts[hook]).toBeUndefined();
  });

  it('justifies every runtime dependency in the README', () => {
    const readme = readFileSync(ROOT + 'README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Dependencies'), readme.indexOf('\n## ', readme.indexOf('## Dependencies') + 1));
    for (const name of Object.keys(pkg.dependencies)) expect(section).toContain(`**${name}**`);
  });

  it('imports no networking module in any bundle', () => {
    const dist = ROOT + 'dist/';
    const network = /(?:from ?|require\(|import\()"(?:node:)?(?:http|https|http2|net|tls|dgram|dns|ws)"/;
    const bundles = readdirSync(dist).filter((f) => /\.(c|m)?js$/.test(f));
    expect(bundles.length).toBeGreaterThan(1);
    for (const f of bundles) expect(readFileSync(dist + f, 'utf8'), f).not.toMatch(network);
  });
});

describe('running it', () => {
  it('writes nothing: not in the working folder, not in HOME', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'reprotree-cwd-'));
    const home = mkdtempSync(join(tmpdir(), 'reprotree-home-'));
    const env = { HOME: home, XDG_CONFIG_HOME: undefined, XDG_CACHE_HOME: undefined };
    for (const args of [
      ['--important', 'keras'],
      ['--json'],
      ['scores', '--format', 'markdown'],
      ['tree', '--format', 'svg'],
      ['tree', '--format', 'dot', '--important', 'runtime'],
      ['validate'],
      ['validate', ROOT + 'test/fixtures/broken/two-problems.yaml'],
    ]) {
      const r = run(args, { cwd, env });
      expect([0, 2]).toContain(r.code);
    }
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(home)).toEqual([]);
  });
});
