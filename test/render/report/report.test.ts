/**
 * The HTML report's structure, from the study's data, the development measurements and made-up
 * sets: valid HTML with nothing loaded from anywhere, a described picture per slot with one dot
 * per sample, the scores and rules the criteria file has, failures and substitutions said, and
 * everything from a measurement file escaped. The browser test (test/e2e/report-browser.test.ts)
 * checks what a browser shows of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { helpText } from '../../../src/measure/criteria.js';
import type { MeasurementSet, MemoryRecord, RuntimeRecord } from '../../../src/measure/format.js';
import { readMeasurements } from '../../../src/measure/read.js';
import { scoreAll } from '../../../src/measure/rules.js';
import { readSnippets } from '../../../src/measure/snippets.js';
import { plain } from '../../../src/measure/words.js';
import { PACKAGE_ROOT } from '../../../src/paths.js';
import { esc, idOf } from '../../../src/render/report/html.js';
import { reportHtml } from '../../../src/render/report/report.js';
import { ROOT } from '../../helpers/fixtures.js';
import { around, failed, file, lines, logSize, marks, memory, memoryFromData, runtime, setOf } from '../../measure/synthetic.js';
import type { Json } from '../../measure/synthetic.js';

const STUDY = join(ROOT, 'data/study-2021.measurements.json');
const MEASURED = join(ROOT, 'data/measured-2026');

function render(set: MeasurementSet): string {
  return reportHtml({ set, files: set.files, snippets: readSnippets(set, PACKAGE_ROOT), generated: '2026-11-27' });
}

interface Chart {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly dots: ReadonlyMap<string, number>;
  readonly medians: ReadonlyMap<string, number>;
  readonly published: ReadonlyMap<string, number>;
}

function countBy(svg: string, pattern: RegExp): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of svg.matchAll(pattern)) out.set(m[1]!, (out.get(m[1]!) ?? 0) + (m[2] === undefined ? 1 : (m[2].match(/<circle /g) ?? []).length));
  return out;
}

/** Every picture of the page, with its title, description and marks per tracker. */
function charts(html: string): Chart[] {
  return [...html.matchAll(/<svg class="chart[^"]*"[^>]*aria-labelledby="([^"]+)-t \1-d">([\s\S]*?)<\/svg>/g)].map((m) => {
    const svg = m[2]!;
    return {
      id: m[1]!,
      title: /<title id="[^"]+">([^<]*)<\/title>/.exec(svg)?.[1] ?? '',
      desc: /<desc id="[^"]+">([^<]*)<\/desc>/.exec(svg)?.[1] ?? '',
      dots: countBy(svg, /<g class="samples" data-tracker="([^"]+)">(.*?)<\/g>/g),
      medians: countBy(svg, /<path class="median" data-tracker="([^"]+)"/g),
      published: countBy(svg, /<path class="published" data-tracker="([^"]+)"/g),
    };
  });
}

/** The text of one section, by its id. */
function section(html: string, id: string): string {
  const m = new RegExp(`<section id="${id}"[\\s\\S]*?(?=<section id="(?!.*wide)|</main>)`).exec(html);
  return m?.[0] ?? '';
}

/** `text` contains `part`; on failure the message quotes the part, not the whole page. */
function has(text: string, part: string): void {
  expect(text.includes(part), `missing: ${part.slice(0, 300)}`).toBe(true);
}

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function expectValid(html: string): Promise<void> {
  const report = await validator.validateString(html);
  const messages = report.results.flatMap((r) => r.messages.map((x) => `${x.line}:${x.column} ${x.ruleId}: ${x.message}`));
  expect(messages).toEqual([]);
}

/** Nothing is fetched: no scripts, no external style, images or fonts, and the CSP forbids them. */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(|\ssrc=/i);
  has(html, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^(#[A-Za-z0-9_-]+|https?:\/\/\S+)$/);
}

/** Every picture is an image with a title and a description that its aria-labelledby names. */
function expectDescribed(list: readonly Chart[]): void {
  expect(list.length).toBeGreaterThan(0);
  for (const c of list) {
    expect(c.title.length, c.id).toBeGreaterThan(10);
    expect(c.desc.length, c.id).toBeGreaterThan(20);
  }
  expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
}

describe("the study's data", () => {
  const set = readMeasurements(STUDY);
  const html = render(set);
  const list = charts(html);

  it('is valid, self-contained HTML with one h1, the sections in order and every picture described', async () => {
    await expectValid(html);
    expectSelfContained(html);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    const ids = [...html.matchAll(/<section id="([a-z0-9-]+)" aria-labelledby/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'scores',
      'provenance',
      'auto-logging',
      'runtime',
      'memory',
      'lines',
      'sklearn',
      'log-size',
      'keras',
      'memory-from-data',
      'collaboration',
    ]);
    expectDescribed(list);
  });

  it('draws the published value of each tracker, says there are no samples, and has no dots', () => {
    const strips = list.filter((c) => /^(runtime|peak|increment|log)-/.test(c.id));
    // Runtime and memory: 3 components on 2 machines (memory twice: peak and increment); log size on 2.
    expect(strips).toHaveLength(6 + 12 + 2);
    for (const c of strips) {
      expect(c.dots.size, c.id).toBe(0);
      expect([...c.published.values()], c.id).toEqual([1, 1, 1]);
    }
    has(section(html, 'runtime'), 'No samples: the study published a mean and standard deviation only');
    has(section(html, 'runtime'), '3.74 s ± 0.96s');
    has(section(html, 'memory-from-data'), 'No samples: the study published one peak per size');
  });

  it("shows Table 11's scores and totals, with the rule of each criterion as the criteria file words it", () => {
    const table = scoreAll(set);
    const scores = /<table class="scores">[\s\S]*?<\/table>/.exec(html)![0];
    for (const c of table.criteria) {
      const row = new RegExp(`<a href="#${c.id}">[\\s\\S]*?</tr>`).exec(scores)![0];
      const cells = [...row.matchAll(/<td class="num[^"]*">([\d.]+)/g)].map((m) => m[1]);
      expect(cells, c.id).toEqual(c.scores.map(plain));
      has(html, esc(helpText(c.id, set, c.override !== undefined)));
    }
    const totals = [.../Total of all rows[\s\S]*?<\/tr>/.exec(scores)![0].matchAll(/<td class="num[^"]*">([\d.]+)/g)].map((m) => m[1]);
    expect(totals).toEqual(['30.5', '26.5', '32']);
  });

  it('shows the published lines of code as such, with what the rule gives', () => {
    const scores = /<table class="scores">[\s\S]*?<\/table>/.exec(html)![0];
    const row = /<a href="#lines">[\s\S]*?<\/tr>/.exec(scores)![0];
    expect(row).toContain('published scores, not the rule’s');
    expect([...row.matchAll(/<small>rule: (\d+)<\/small>/g)].map((m) => m[1])).toEqual(['1', '2']);
    has(section(html, 'scores'), 'Lines of code: published scores used');
  });

  it('says the study gives marks only, with its notes', () => {
    has(section(html, 'auto-logging'), 'This data set gives marks only');
    has(section(html, 'auto-logging'), esc('Note: only when the parameters are passed as a dictionary to wandb.config.'));
  });
});

describe('the 2026 measurements (every tracker the probes have)', () => {
  const set = readMeasurements(MEASURED);
  const html = render(set);
  const list = charts(html);

  it('is valid, self-contained HTML with every picture described', async () => {
    await expectValid(html);
    expectSelfContained(html);
    expectDescribed(list);
  });

  it('has one dot per sample and one median per tracker in every run time and memory picture', () => {
    const records = set.records.filter(
      (r): r is RuntimeRecord | MemoryRecord => (r.experiment === 'runtime' || r.experiment === 'memory') && r.status === 'ok',
    );
    // Run time and memory, for each of the three components, of every tracker that installed.
    expect(records.length).toBe(6 * set.trackers.filter((t) => t.status === 'ok').length);
    for (const r of records) {
      const kinds = r.experiment === 'runtime' ? ['runtime'] : ['peak', 'increment'];
      for (const kind of kinds) {
        const c = list.find((x) => x.id === idOf(kind, r.component!, r.machine!))!;
        expect(c.dots.get(r.tracker), `${c.id} ${r.tracker}`).toBe(r.samples!.length);
        expect(c.medians.get(r.tracker), `${c.id} ${r.tracker}`).toBe(1);
      }
    }
  });

  it('has one dot per sample in the log size and data size pictures', () => {
    for (const r of set.records) {
      if (r.experiment === 'log-size') expect(list.find((c) => c.id === idOf('log', r.machine!))!.dots.get(r.tracker)).toBe(r.samples!.length);
      if (r.experiment === 'memory-from-data') {
        const c = list.find((x) => x.id === idOf('mfd', r.machine!, r.tracker))!;
        const all = set.records.filter((x) => x.experiment === 'memory-from-data' && x.tracker === r.tracker) as MemoryRecord[];
        expect(c.dots.get(r.tracker)).toBe(all.reduce((n, x) => n + x.samples!.length, 0));
      }
    }
  });

  it('puts the ranks the rule gave under each name', () => {
    const c = list.find((x) => x.id === idOf('runtime', 'params', '0035969ec53f'))!;
    const svg = new RegExp(`aria-labelledby="${c.id}-t ${c.id}-d">[\\s\\S]*?</svg>`).exec(html)![0];
    const notes = [...svg.matchAll(/<text class="name" x="4" y="14">([^<]+)<\/text><text class="note" x="4" y="28">([^<]+)<\/text>/g)].map(
      (m) => `${m[1]}: ${m[2]}`,
    );
    expect(notes).toHaveLength(set.trackers.length);
    expect(notes.every((n) => /: =?\d(st|nd|rd|th) · (1|0\.5|0) pt$/.test(n))).toBe(true);
  });

  it('shows the text of every workaround snippet a record names, linked from its mark', () => {
    let shown = 0;
    for (const r of set.records) {
      if (!('snippets' in r)) continue;
      for (const [item, path] of r.snippets) {
        const id = idOf('snippet', r.experiment, r.tracker, r.experiment === 'auto-logging' ? (r as { task?: string }).task! : '', item);
        // In full the first time; for the same tracker's other task, a link to it.
        const full = html.includes(`<details id="${id}" class="snippet"><summary>Snippet <code>${esc(path)}</code></summary><pre><code>`);
        const linked = new RegExp(
          `<p id="${id}"><span class="label">Snippet</span> <a href="#snippet-[^"]+"><code>${esc(path)}</code></a>, as above</p>`,
        ).test(html);
        expect(full || linked, `${r.tracker} ${item}`).toBe(true);
        expect(html.includes(esc(readFileSync(join(ROOT, path), 'utf8'))), path).toBe(true);
        shown++;
      }
    }
    expect(shown).toBeGreaterThan(20);
    // Every link from a mark leads to a snippet on the page.
    for (const m of html.matchAll(/<a href="#(snippet-[^"]+)">/g)) {
      expect(html.includes(`<details id="${m[1]}"`) || html.includes(`<p id="${m[1]}">`), m[1]).toBe(true);
    }
  });

  it('gives the points of each mark criterion under its table, and what was read back', () => {
    const table = scoreAll(set);
    // The Keras deep dive is not in this data set (measured without --keras): its section is absent.
    expect(html).not.toContain('<section id="keras"');
    for (const id of ['auto-logging', 'sklearn', 'collaboration'] as const) {
      const foot = /<tfoot><tr><th scope="row">Points<\/th>(.*?)<\/tr>/.exec(section(html, id))![1]!;
      expect(
        [...foot.matchAll(/>([\d.]+)</g)].map((m) => m[1]),
        id,
      ).toEqual(table.criteria.find((c) => c.id === id)!.scores.map(plain));
    }
    has(section(html, 'sklearn'), 'Read back from run');
    expect(section(html, 'sklearn')).toMatch(/Default run<\/span> found: (yes|no)/);
  });

  it('says every substitution where its numbers are, and gives versions, Python and the machine', () => {
    // The one substitution of a run without Keras: the diabetes data for the Boston housing set.
    has(section(html, 'auto-logging'), '<strong>Substitution:</strong> Ridge regression on scikit-learn&#39;s diabetes data');
    const provenance = section(html, 'provenance');
    for (const t of set.trackers) has(provenance, `<td>${esc(t.version!)}</td>`);
    has(provenance, '3.11.7');
    has(provenance, 'AMD EPYC');
  });
});

describe('made-up sets', () => {
  const trackers = {
    aaa: { name: 'Aaa' },
    bbb: { name: 'Bbb' },
    aim: { name: 'Aim', status: 'install-failed' as const, error: 'pip: no matching distribution' },
  };
  const records: Json[] = [
    runtime('aaa', 'init', 'm1', around(1, 10)),
    {
      ...runtime('bbb', 'init', 'm1', around(2, 8)),
      repetitions: 10,
      failures: [
        { repetition: 3, error: 'Killed' },
        { repetition: 7, error: 'Killed' },
      ],
    },
    ...['runtime', 'memory', 'lines', 'log-size', 'memory-from-data', 'auto-logging', 'sklearn', 'keras', 'collaboration'].map((e) =>
      failed(e, 'aim', 'No module named aim'),
    ),
    memory('aaa', 'init', 'm1', around(100, 5)),
    failed('memory', 'bbb', 'the probe ran out of memory', { component: 'init', machine: 'm1' }),
    lines('aaa', 'init', 2),
    lines('bbb', 'init', 3),
  ];

  it('says plainly which tracker did not install and which measurements failed, everywhere they would be', async () => {
    const html = render(setOf(file(trackers, records)));
    await expectValid(html);
    const first = /<div class="alert" role="note">[\s\S]*?<\/div>/.exec(html)![0];
    has(first, '<strong>Aim did not install</strong>: <code>pip: no matching distribution</code>');
    has(first, 'Bbb, memory: failed: the probe ran out of memory');
    const rt = charts(html).find((c) => c.id === idOf('runtime', 'init', 'm1'))!;
    expect(rt.dots.get('aaa')).toBe(10);
    expect(rt.dots.get('bbb')).toBe(8);
    expect(rt.dots.has('aim')).toBe(false);
    expect(rt.desc).toContain('No value: Aim did not install');
    has(html, '<text class="missing" x="118" y="21">did not install</text>');
    has(html, '<td class="num">8 of 10 (2 failed)</td>');
    has(html, '<li>Bbb, repetition 3: Killed</li>');
  });

  it('escapes everything a measurement file says', async () => {
    const hostile = {
      evil: { name: '<b>Evil</b> & "co"', error: '</code><script>alert(1)</script>', status: 'import-failed' as const },
      ok: { name: 'Fine' },
    };
    const html = render(setOf(file(hostile, [runtime('ok', 'init', 'm1', [1, 2, 3])], { title: '<i>t</i>' })));
    await expectValid(html);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Evil');
    has(html, '&lt;b&gt;Evil&lt;/b&gt; &amp; &quot;co&quot;');
    has(html, '&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('stays within a few hundred kB for nine trackers with 30 samples everywhere', () => {
    const ids = Array.from({ length: 9 }, (_, i) => `t${i}`);
    const big: Json[] = ids.flatMap((id, i) => [
      ...(['init', 'params', 'autolog'] as const).flatMap((c) => [
        runtime(id, c, 'm1', around(1 + i, 30)),
        memory(id, c, 'm1', around(100 + 10 * i, 30)),
        lines(id, c, i % 3),
      ]),
      logSize(id, 'm1', around(70_000 * (1 + i / 10), 30).map(Math.round)),
      ...[10_000, 20_000, 30_000, 60_000].map((size) => memoryFromData(id, 'm1', size, around(800 + size / 100, 30))),
      marks('auto-logging', id, ['+', '(+)', '-', '+', '+'], 'ridge-diabetes'),
      marks('auto-logging', id, ['+', '+', '-', '(+)', '+'], 'svc-iris'),
      marks('sklearn', id, ['+', '(+)', '+', '+', '-', '+', '+', '(+)', '+', '+']),
      marks('keras', id, ['+', '+', '(+)', '-']),
      marks('collaboration', id, ['+', '(+)', '-', '+', '-', '+']),
    ]);
    const set = setOf(file(ids, big));
    const html = render(set);
    const list = charts(html);
    expect(list.filter((c) => c.dots.size > 0).reduce((n, c) => n + [...c.dots.values()].reduce((a, b) => a + b, 0), 0)).toBe(
      9 * 30 * (3 + 3 * 2 + 1 + 4),
    );
    expect(Buffer.byteLength(html)).toBeLessThan(400_000);
  });
});

describe('snippets', () => {
  it('are read only from inside measure/, each at most 64 KiB', () => {
    const set = setOf(
      file(
        ['aaa'],
        [
          {
            ...marks('keras', 'aaa', ['(+)', '(+)', '(+)', '(+)']),
            snippets: {
              'model-params': '../../etc/passwd',
              metrics: 'measure/../package.json',
              'model-summary': '/etc/hostname',
              model: 'measure/snippets/README.md',
            },
          },
        ],
      ),
    );
    const snippets = readSnippets(set, PACKAGE_ROOT);
    for (const path of ['../../etc/passwd', 'measure/../package.json', '/etc/hostname'])
      expect(snippets.get(path)?.missing).toMatch(/^Not shown: reprotree shows only/);
    expect(snippets.get('measure/snippets/README.md')?.text).toContain('# Workaround snippets');
    expect(readSnippets(set, '/nonexistent/').get('measure/snippets/README.md')?.missing).toMatch(/^Not shown: no such file/);
  });
});
