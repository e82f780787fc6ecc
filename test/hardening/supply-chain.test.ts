/** What reprotree asks of the machine it runs on: no install scripts, no network, no writes. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, readSources } from '../../scripts/check-layers.js';
import { run } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const pkg = JSON.parse(readFileSync(ROOT + 'package.json', 'utf8')) as {
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The packages src/ imports, which the build bundles into dist/. */
function bundledPackages(): string[] {
  const names = new Set<string>();
  for (const [file, text] of readSources(ROOT + 'src')) {
    for (const { specifier } of importsOf(file, text)) {
      if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
      names.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  }
  return [...names].sort();
}

describe('the package', () => {
  it('runs nothing when someone installs it', () => {
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(pkg.scripts[hook]).toBeUndefined();
  });

  it('has no runtime dependency: what the program imports is bundled, kept with the tools, and justified in the README', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    const bundled = bundledPackages();
    expect(bundled).toEqual(['get-east-asian-width', 'ink', 'ink-select-input', 'react', 'yaml']);
    const readme = readFileSync(ROOT + 'README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Dependencies'), readme.indexOf('\n## ', readme.indexOf('## Dependencies') + 1));
    for (const name of bundled) {
      expect(Object.keys(pkg.devDependencies)).toContain(name);
      expect(section).toContain(`**${name}**`);
    }
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
