/**
 * The report's pictures as inline SVG: strip plots (every sample a dot, one row per tracker, the
 * median a bar, the middle half a box) and small multiples of memory against data size. Each is
 * an image with a <title> and a <desc> saying what it shows in words; the numbers themselves sit
 * in a table next to it. Colours come from the page's CSS (classes), so dark mode and print
 * restyle them. Coordinates are rounded to 0.1 px: nine trackers' samples stay a few hundred kB.
 */
import { median, quantile } from '../../measure/stats.js';
import { esc } from './html.js';
import { scaleFor } from './scale.js';
import type { Scale, Unit } from './scale.js';

/** One tracker's row of a strip plot. */
export interface StripRow {
  /** The tracker's id: `data-tracker` on its marks, for tests and stylesheets. */
  readonly id: string;
  readonly name: string;
  /** Under the name: the rank and points the rule gave, or "no samples". */
  readonly note: string;
  readonly samples?: readonly number[];
  /** A published value instead of samples, with its standard deviation when published. */
  readonly summary?: { readonly centre: number; readonly sd?: number };
  /** Why the row has no value ("did not install"). */
  readonly missing?: string;
}

export interface StripChart {
  /** Unique in the page: the prefix of the title's and description's ids. */
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly unit: Unit;
  /** What the axis measures, e.g. "seconds" or "peak memory, MiB". */
  readonly axis: string;
  readonly rows: readonly StripRow[];
}

const WIDTH = 400;
const PLOT_LEFT = 118;
const PLOT_RIGHT = 384;
const ROW = 34;
const AXIS = 36;
/** Longest tracker name drawn whole beside a row; the table beside the chart has every name in full. */
const NAME_CHARACTERS = 15;

const r1 = (x: number) => Math.round(x * 10) / 10;

function shortName(name: string): string {
  const chars = [...name];
  return chars.length > NAME_CHARACTERS ? `${chars.slice(0, NAME_CHARACTERS - 1).join('')}…` : name;
}

/** A spread of vertical offsets that never repeats a pattern: the golden-ratio sequence. */
function jitter(i: number, height: number): number {
  return (((i * 0.618_033_988_75) % 1) - 0.5) * height;
}

/** Vertical grid lines and the labelled axis at the bottom. */
function axisAndGrid(scale: Scale, top: number, bottom: number, caption: string): string {
  const lines = scale.ticks.map((t) => `<line x1="${r1(scale.at(t.value))}" x2="${r1(scale.at(t.value))}" y1="${top}" y2="${bottom}"/>`).join('');
  const labels = scale.ticks
    .filter((t) => t.label !== '')
    .map((t) => {
      const x = r1(scale.at(t.value));
      // A label that would run off the picture's edge ends at it instead (about 6 px a character).
      const half = (t.label.length * 6.5) / 2;
      const anchor = x + half > WIDTH ? ' text-anchor="end"' : x - half < 0 ? ' text-anchor="start"' : '';
      return `<text x="${x}" y="${bottom + 14}"${anchor}>${esc(t.label)}</text>`;
    })
    .join('');
  const log = scale.log ? ', logarithmic scale' : '';
  return (
    `<g class="grid">${lines}</g>` +
    `<g class="ticks" text-anchor="middle">${labels}<text class="caption" x="${(PLOT_LEFT + PLOT_RIGHT) / 2}" y="${bottom + 30}">${esc(caption + log)}</text></g>`
  );
}

function rowMarks(row: StripRow, scale: Scale, mid: number): string {
  if (row.missing !== undefined) return `<text class="missing" x="${PLOT_LEFT}" y="${mid + 4}">${esc(row.missing)}</text>`;
  if (row.summary) {
    const c = r1(scale.at(row.summary.centre));
    const sd = row.summary.sd;
    const bar =
      sd === undefined
        ? ''
        : `<path class="sd" d="M${r1(scale.at(row.summary.centre - sd))} ${mid}H${r1(scale.at(row.summary.centre + sd))}M${r1(scale.at(row.summary.centre - sd))} ${mid - 5}v10M${r1(scale.at(row.summary.centre + sd))} ${mid - 5}v10"/>`;
    return `${bar}<path class="published" data-tracker="${esc(row.id)}" d="M${c} ${mid - 7}l7 7l-7 7l-7 -7z"/>`;
  }
  const samples = row.samples ?? [];
  if (samples.length === 0) return `<text class="missing" x="${PLOT_LEFT}" y="${mid + 4}">no samples</text>`;
  const x = (v: number) => r1(scale.at(v));
  const lo = Math.min(...samples);
  const hi = Math.max(...samples);
  const q1 = x(quantile(samples, 0.25));
  const q3 = x(quantile(samples, 0.75));
  const m = x(median(samples));
  const dots = samples.map((v, i) => `<circle cx="${x(v)}" cy="${r1(mid + jitter(i, 18))}" r="2.6"/>`).join('');
  return (
    `<path class="range" d="M${x(lo)} ${mid}H${x(hi)}"/>` +
    (samples.length >= 4 ? `<rect class="box" x="${q1}" y="${mid - 9}" width="${r1(q3 - q1)}" height="18"/>` : '') +
    `<g class="samples" data-tracker="${esc(row.id)}">${dots}</g>` +
    `<path class="median" data-tracker="${esc(row.id)}" d="M${m} ${mid - 13}V${mid + 13}"/>`
  );
}

/** The values a row puts on the axis, so the scale covers every mark (a mean ± sd included). */
function rowValues(row: StripRow): number[] {
  if (row.summary) {
    const { centre, sd } = row.summary;
    return sd === undefined ? [centre] : [centre, Math.max(centre - sd, centre / 10), centre + sd];
  }
  return [...(row.samples ?? [])];
}

/** A strip plot: one row per tracker, every sample a dot, the median a bar, the middle half a box. */
export function stripChart(chart: StripChart): string {
  const height = chart.rows.length * ROW + AXIS + 8;
  const bottom = chart.rows.length * ROW + 4;
  const values = chart.rows.flatMap(rowValues);
  const scale = scaleFor(values.length > 0 ? values : [0, 1], PLOT_LEFT, PLOT_RIGHT, chart.unit, 4);
  const rows = chart.rows
    .map((row, i) => {
      const band = i % 2 === 0 ? `<rect class="band" width="${WIDTH}" height="${ROW}"/>` : '';
      const label = `<text class="name" x="4" y="14">${esc(shortName(row.name))}</text><text class="note" x="4" y="28">${esc(row.note)}</text>`;
      return `<g class="row" transform="translate(0 ${4 + i * ROW})">${band}${label}${rowMarks(row, scale, ROW / 2)}</g>`;
    })
    .join('');
  return (
    `<svg class="chart strip" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${chart.id}-t ${chart.id}-d">` +
    `<title id="${chart.id}-t">${esc(chart.title)}</title><desc id="${chart.id}-d">${esc(chart.desc)}</desc>` +
    `${axisAndGrid(scale, 4, bottom, chart.axis)}${rows}</svg>`
  );
}

/** One tracker's memory at each data size: its samples, or the published value. */
export interface SizePoint {
  readonly size: number;
  readonly samples?: readonly number[];
  readonly published?: number;
}

export interface SizeChart {
  readonly id: string;
  readonly tracker: string;
  readonly title: string;
  readonly desc: string;
  readonly points: readonly SizePoint[];
  readonly missing?: string;
}

const SMALL_WIDTH = 220;
const SMALL_HEIGHT = 150;
const SMALL_LEFT = 40;
const SMALL_RIGHT = 200;
const SMALL_TOP = 8;
const SMALL_BOTTOM = 118;

/**
 * Small multiples of peak memory against data size, one per tracker, on the same axes (the
 * largest size and peak over all of them), so the pictures compare at a glance without a legend.
 */
export function sizeCharts(charts: readonly SizeChart[]): string[] {
  const sizes = charts.flatMap((c) => c.points.map((p) => p.size));
  const peaks = charts.flatMap((c) => c.points.flatMap((p) => (p.samples ? [...p.samples] : p.published !== undefined ? [p.published] : [])));
  const x = scaleFor([0, ...sizes], SMALL_LEFT, SMALL_RIGHT, 'examples', 3);
  const y = scaleFor([0, ...(peaks.length > 0 ? peaks : [1])], SMALL_BOTTOM, SMALL_TOP, 'MiB', 3);
  const grid =
    `<g class="grid">${y.ticks.map((t) => `<line x1="${SMALL_LEFT}" x2="${SMALL_RIGHT}" y1="${r1(y.at(t.value))}" y2="${r1(y.at(t.value))}"/>`).join('')}</g>` +
    `<g class="ticks" text-anchor="middle">${y.ticks
      .filter((t) => t.label !== '')
      .map((t) => `<text x="${SMALL_LEFT - 4}" y="${r1(y.at(t.value)) + 4}" text-anchor="end">${esc(t.label)}</text>`)
      .join('')}` +
    `${x.ticks
      .filter((t) => t.label !== '')
      .map((t) => `<text x="${r1(x.at(t.value))}" y="${SMALL_BOTTOM + 14}">${esc(t.label)}</text>`)
      .join('')}` +
    `<text class="caption" x="${(SMALL_LEFT + SMALL_RIGHT) / 2}" y="${SMALL_BOTTOM + 29}">training examples; MiB</text></g>`;
  return charts.map((c) => {
    let marks: string;
    if (c.missing !== undefined) marks = `<text class="missing" x="${SMALL_LEFT + 6}" y="${(SMALL_TOP + SMALL_BOTTOM) / 2}">${esc(c.missing)}</text>`;
    else {
      const points = [...c.points].sort((a, b) => a.size - b.size);
      const centre = (p: SizePoint) => (p.samples ? median(p.samples) : p.published!);
      const line = points.length > 1 ? `<path class="trend" d="M${points.map((p) => `${r1(x.at(p.size))} ${r1(y.at(centre(p)))}`).join('L')}"/>` : '';
      const dots = points
        .flatMap((p) => (p.samples ?? []).map((v, i) => `<circle cx="${r1(x.at(p.size) + jitter(i, 10))}" cy="${r1(y.at(v))}" r="2.4"/>`))
        .join('');
      const published = points
        .filter((p) => !p.samples && p.published !== undefined)
        .map((p) => `<path class="published" d="M${r1(x.at(p.size))} ${r1(y.at(p.published!)) - 6}l6 6l-6 6l-6 -6z"/>`)
        .join('');
      const medians = points
        .filter((p) => p.samples)
        .map((p) => `<path class="median" d="M${r1(x.at(p.size)) - 8} ${r1(y.at(centre(p)))}h16"/>`)
        .join('');
      const samples = dots === '' ? '' : `<g class="samples" data-tracker="${esc(c.tracker)}">${dots}</g>`;
      marks = `${line}${samples}${published}${medians}`;
    }
    return (
      `<svg class="chart small" viewBox="0 0 ${SMALL_WIDTH} ${SMALL_HEIGHT}" role="img" aria-labelledby="${c.id}-t ${c.id}-d">` +
      `<title id="${c.id}-t">${esc(c.title)}</title><desc id="${c.id}-d">${esc(c.desc)}</desc>${grid}${marks}</svg>`
    );
  });
}
