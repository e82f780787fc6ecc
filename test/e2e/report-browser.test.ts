/**
 * The report as a browser shows it: headless Chromium (Debian's `chromium`, which .ci/run
 * installs) opens the page the built binary writes, on a desktop, on a phone in dark mode and as
 * printed, renders it to a PNG, and the test reads what is on screen through the DOM: one dot
 * per sample in every tracker's picture, a median each, every label and mark inside its
 * picture, the tables' cells, nothing wider than the screen, colours that follow the scheme, and
 * not one request beyond the page itself. Outside CI a machine without Chromium skips, saying so;
 * in CI a missing browser fails.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEMS } from '../../src/measure/format.js';
import type { MarksRecord, MeasurementSet, MemoryRecord, RuntimeRecord } from '../../src/measure/format.js';
import { readMeasurements } from '../../src/measure/read.js';
import { scoreAll } from '../../src/measure/rules.js';
import { plain } from '../../src/measure/words.js';
import { idOf } from '../../src/render/report/html.js';
import { Browser, CHROMIUM, chromiumAvailable } from '../helpers/chromium.js';
import type { Page } from '../helpers/chromium.js';
import { run } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const IN_CI = !['', '0', 'false', undefined].includes(process.env.CI);
const HAS_CHROMIUM = chromiumAvailable();
const SKIP = `skipped: no Chromium at ${CHROMIUM} (Debian package chromium; .ci/run installs it)`;
const named = (title: string) => (HAS_CHROMIUM ? title : `${title} — ${SKIP}`);
/** Set REPORT_SCREENSHOTS to a folder to keep the PNGs for a look. */
const keep = process.env.REPORT_SCREENSHOTS;
const dir = mkdtempSync(join(tmpdir(), 'reprotree-report-browser-'));

const PAGES = [
  { name: 'study', args: [] as string[], set: () => readMeasurements(join(ROOT, 'data/study-2021.measurements.json')) },
  { name: '2026', args: ['--data', 'trackers-2026'], set: () => readMeasurements(join(ROOT, 'data/measured-2026')) },
] as const;

const VIEWS = [
  { name: 'desktop', width: 1280, height: 900, mobile: false, dark: false, media: 'screen' },
  { name: 'phone-dark', width: 390, height: 844, mobile: true, dark: true, media: 'screen' },
  { name: 'print', width: 794, height: 1123, mobile: false, dark: false, media: 'print' },
] as const;

interface ChartSeen {
  readonly id: string;
  readonly width: number;
  readonly role: string | null;
  /** The texts aria-labelledby names: the title and the description. */
  readonly labelled: readonly (string | null)[];
  readonly dots: Record<string, number>;
  readonly medians: Record<string, number>;
  readonly published: Record<string, number>;
  /** Labels and marks drawn outside the picture's box. */
  readonly outside: readonly string[];
}

interface Seen {
  readonly scrollWidth: number;
  readonly innerWidth: number;
  /** Elements outside every scrolling box that reach past the right edge of the screen. */
  readonly wider: readonly string[];
  readonly charts: readonly ChartSeen[];
  readonly scores: readonly (readonly string[])[];
  readonly marks: Record<string, readonly (readonly string[])[]>;
  readonly background: string;
  readonly color: string;
  readonly navShown: boolean;
  /** Whether the first collapsed block's contents can be seen: not on screen, in print they are. */
  readonly collapsedShown: boolean | null;
  readonly h1: number;
}

/** What the page shows, read through the DOM after layout. */
const READ = `(() => {
  const vw = innerWidth;
  const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
  const wider = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > vw + 0.5 && !scrolls(e)).map((e) => e.tagName + '.' + e.className.baseVal + e.className + ' ' + (e.textContent || '').slice(0, 40));
  const count = (list, key) => { const out = {}; for (const e of list) out[e.dataset[key]] = (out[e.dataset[key]] || 0) + 1; return out; };
  const charts = [...document.querySelectorAll('svg.chart')].map((svg) => {
    const box = svg.getBoundingClientRect();
    const dots = {};
    for (const g of svg.querySelectorAll('g.samples')) dots[g.dataset.tracker] = g.querySelectorAll('circle').length;
    const outside = [...svg.querySelectorAll('text, circle, path.median, path.published')].filter((e) => {
      const b = e.getBoundingClientRect();
      return b.left < box.left - 0.5 || b.right > box.right + 0.5 || b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5;
    }).map((e) => e.textContent || e.tagName);
    return {
      id: svg.querySelector('title').id.replace(/-t$/, ''),
      width: box.width,
      role: svg.getAttribute('role'),
      labelled: (svg.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id)?.textContent ?? null),
      dots,
      medians: count(svg.querySelectorAll('path.median[data-tracker]'), 'tracker'),
      published: count(svg.querySelectorAll('path.published[data-tracker]'), 'tracker'),
      outside,
    };
  });
  const rows = (table) => table ? [...table.rows].map((r) => [...r.cells].map((c) => (c.querySelector('[aria-hidden]') || c).textContent.trim())) : [];
  const marks = {};
  for (const id of ['auto-logging', 'sklearn', 'keras', 'collaboration']) marks[id] = rows(document.querySelector('#' + id + ' table.marks'));
  const hidden = document.querySelector('details:not([open]) > summary + *');
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: vw,
    wider,
    charts,
    scores: rows(document.querySelector('table.scores')),
    marks,
    background: getComputedStyle(document.body).backgroundColor,
    color: getComputedStyle(document.body).color,
    navShown: getComputedStyle(document.querySelector('nav')).display !== 'none',
    collapsedShown: hidden ? hidden.checkVisibility() : null,
    h1: document.querySelectorAll('h1').length,
  };
})()`;

/** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255);
  const lin = (c: number) => (c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** What each picture should hold, from the measurements: per chart id, samples per tracker. */
function expectedDots(set: MeasurementSet): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  const add = (id: string, tracker: string, n: number) => out.set(id, { ...out.get(id), [tracker]: (out.get(id)?.[tracker] ?? 0) + n });
  for (const r of set.records) {
    if (r.status !== 'ok') continue;
    if (r.experiment === 'runtime') add(idOf('runtime', r.component!, r.machine!), r.tracker, (r as RuntimeRecord).samples?.length ?? 0);
    if (r.experiment === 'memory') {
      const n = (r as MemoryRecord).samples?.length ?? 0;
      add(idOf('peak', r.component!, r.machine!), r.tracker, n);
      add(idOf('increment', r.component!, r.machine!), r.tracker, n);
    }
    if (r.experiment === 'log-size') add(idOf('log', r.machine!), r.tracker, r.samples?.length ?? 0);
    if (r.experiment === 'memory-from-data') add(idOf('mfd', r.machine!, r.tracker), r.tracker, r.samples?.length ?? 0);
  }
  return out;
}

let browser: Browser | undefined;
beforeAll(async () => {
  if (HAS_CHROMIUM) browser = await Browser.launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

it.runIf(IN_CI)('has Chromium to test with in CI', () => {
  expect(HAS_CHROMIUM, SKIP).toBe(true);
});

describe.each(PAGES)('the $name page', (p) => {
  const file = join(dir, `${p.name}.html`);
  const set = p.set();
  const table = scoreAll(set);

  describe.each(VIEWS)('$name', (v) => {
    let page: Page;
    let seen: Seen;
    let png: Buffer;

    beforeAll(async () => {
      if (!browser) return;
      const r = run(['report', ...p.args]);
      if (r.code !== 0) throw new Error(r.stderr);
      writeFileSync(file, r.stdout);
      page = await browser.newPage();
      await page.emulate(v);
      await page.open(pathToFileURL(file).href);
      seen = await page.evaluate<Seen>(READ);
      png = await page.screenshot(8000);
      writeFileSync(join(dir, `${p.name}-${v.name}.png`), png);
      if (keep) {
        mkdirSync(keep, { recursive: true });
        writeFileSync(join(keep, `${p.name}-${v.name}.png`), png);
      }
    }, 120_000);

    it.skipIf(!HAS_CHROMIUM)(named('renders to a PNG as wide as the screen, asking the network for nothing'), () => {
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(png.readUInt32BE(16)).toBe(v.width);
      expect(png.readUInt32BE(20)).toBeGreaterThan(v.height);
      expect(page.requests).toEqual([pathToFileURL(file).href]);
      expect(seen.h1).toBe(1);
    });

    it.skipIf(!HAS_CHROMIUM)(named('fits the screen: nothing but a scrolling table is wider'), () => {
      expect(seen.wider).toEqual([]);
      expect(seen.scrollWidth).toBeLessThanOrEqual(seen.innerWidth);
    });

    it.skipIf(!HAS_CHROMIUM)(named("draws every tracker's samples, one dot each, with its median, inside a described picture"), () => {
      const expected = expectedDots(set);
      expect(seen.charts.map((c) => c.id).sort()).toEqual([...expected.keys()].sort());
      for (const c of seen.charts) {
        expect(c.role).toBe('img');
        expect(
          c.labelled.every((t) => t !== null && t.length > 10),
          c.id,
        ).toBe(true);
        // A strip plot takes a column of the grid (a phone's whole width), a small multiple a narrower one.
        expect(c.width, c.id).toBeGreaterThan(c.id.startsWith('mfd-') ? 150 : 300);
        expect(c.outside, c.id).toEqual([]);
        const want = Object.fromEntries(Object.entries(expected.get(c.id)!).filter(([, n]) => n > 0));
        expect(c.dots, c.id).toEqual(want);
        if (!c.id.startsWith('mfd-')) {
          // A median per tracker with samples; a published value (a diamond) per tracker without.
          expect(c.medians, c.id).toEqual(Object.fromEntries(Object.keys(want).map((t) => [t, 1])));
          const published = set.trackers.filter((t) => expected.get(c.id)![t.id] === 0).map((t) => [t.id, 1]);
          expect(c.published, c.id).toEqual(Object.fromEntries(published));
        }
      }
    });

    it.skipIf(!HAS_CHROMIUM)(named('shows the scores the rules give, row by row, and the totals'), () => {
      const [head, ...rows] = seen.scores;
      expect(head).toEqual(['Criterion (most points)', ...set.trackers.map((t) => t.name)]);
      expect(rows).toHaveLength(table.criteria.length + 1);
      table.criteria.forEach((c, i) => {
        expect(rows[i]![0]).toContain(c.name);
        // A cell may add what the rule gives under a published score: the score comes first.
        expect(
          rows[i]!.slice(1).map((x) => x.split(/\s|rule/)[0]),
          c.id,
        ).toEqual(c.scores.map(plain));
      });
      const totals = set.trackers.map((_, i) => plain(table.criteria.reduce((s, c) => s + c.scores[i]!, 0)));
      expect(
        rows
          .at(-1)!
          .slice(1)
          .map((x) => x.split(/\s/)[0]),
      ).toEqual(totals);
    });

    it.skipIf(!HAS_CHROMIUM)(named("shows each tracker's mark for every item, as measured"), () => {
      for (const experiment of ['sklearn', 'collaboration'] as const) {
        const [head, ...rows] = seen.marks[experiment]!;
        expect(head!.slice(1)).toEqual(set.trackers.map((t) => t.name));
        ITEMS[experiment].forEach((item, k) => {
          set.trackers.forEach((t, i) => {
            const r = set.records.find((x) => x.experiment === experiment && x.tracker === t.id) as MarksRecord;
            expect(rows[k]![i + 1], `${experiment} ${item} ${t.id}`).toBe(r.items.get(item)!.replace('-', '−'));
          });
        });
      }
    });

    it.skipIf(!HAS_CHROMIUM)(
      named(
        `follows the ${v.dark ? 'dark' : 'light'} colour scheme${v.media === 'print' ? ', and prints the collapsed details without the contents list' : ''}`,
      ),
      () => {
        const bg = luminance(seen.background);
        const fg = luminance(seen.color);
        if (v.dark) expect([bg < 0.05, fg > 0.7]).toEqual([true, true]);
        else expect([bg > 0.95, fg < 0.05]).toEqual([true, true]);
        expect(seen.navShown).toBe(v.media !== 'print');
        expect(seen.collapsedShown).toBe(v.media === 'print');
      },
    );
  });
});

it.skipIf(!HAS_CHROMIUM)(named('keeps what a browser shows of the study unchanged across reloads (no script, no randomness)'), async () => {
  const a = readFileSync(join(dir, 'study.html'), 'utf8');
  const again = run(['report']).stdout;
  expect(again).toBe(a);
});
