/**
 * The measured sections: run time, memory, log size and memory against data size. Each slot the
 * rules compare (a run component on a machine) gets a strip plot of every tracker's samples, the
 * ranks the rule gave, and the numbers as a table; data set summaries without samples (the
 * study's) are drawn as the published value and said to be so.
 */
import { COMPONENTS } from '../../measure/format.js';
import type { Component, LogSizeRecord, MemoryRecord, RuntimeRecord } from '../../measure/format.js';
import { runtimePoints, slotRankings } from '../../measure/rules.js';
import type { SlotRanking } from '../../measure/rules.js';
import { median, quantile } from '../../measure/stats.js';
import { approx, COMPONENT_NAMES, count, listing, meanAndSd, oneLine, ordinal, plain, seconds } from '../../measure/words.js';
import { sizeCharts, stripChart } from './charts.js';
import type { SizeChart, StripRow } from './charts.js';
import { capital, hasSamples, machineName, mibText, onMachine } from './context.js';
import type { Context } from './context.js';
import { details, esc, idOf, text, wideTable } from './html.js';
import type { Unit } from './scale.js';

/** One tracker in one slot: its samples or published summary, or why it has none. */
interface Cell {
  readonly samples?: readonly number[];
  readonly summary?: { readonly centre: number; readonly sd?: number };
  /** The study's table cell as printed. */
  readonly published?: string;
  readonly reason?: string;
  readonly repetitions?: number | null;
  readonly failures: readonly { readonly repetition: number; readonly error: string }[];
}

/** How a value reads in this slot's unit. */
type Format = (x: number) => string;

const kB: Format = (bytes) => `${approx(bytes / 1000)} kB`;

interface Slot {
  readonly id: string;
  /** Above the picture: what it shows, short ("Peak, on the Dell"). */
  readonly heading: string;
  /** The picture's title and the table's caption, in full. */
  readonly title: string;
  readonly unit: Unit;
  readonly axis: string;
  readonly format: Format;
  readonly cells: readonly Cell[];
  /** Under each tracker's name: its rank, ratio or "no samples". */
  readonly notes: readonly string[];
  /** The rank column of the table, when the rule ranks. */
  readonly ranks?: readonly string[];
  readonly points?: readonly string[];
}

/** Samples of a record as one list of numbers (memory: one field of each sample). */
function cellOf<R extends RuntimeRecord | MemoryRecord | LogSizeRecord>(
  ctx: Context,
  experiment: R['experiment'],
  t: Context['trackers'][number],
  keys: Parameters<Context['data']['find']>[2],
  pick: (r: R) => { samples?: readonly number[]; summary?: Cell['summary'] },
): Cell {
  const found = ctx.data.find<R>(experiment, t, keys);
  if (!found.record) return { reason: found.reason, failures: [] };
  const r = found.record;
  return { ...pick(r), published: r.published, repetitions: r.repetitions, failures: r.failures };
}

function sampleCount(c: Cell): string {
  const n = c.samples?.length ?? 0;
  return c.failures.length > 0 ? `${n} of ${n + c.failures.length} (${c.failures.length} failed)` : String(n);
}

/** A shared rank is written with "=" ("=2nd"): the test could not tell those trackers apart. */
function rankText(slot: SlotRanking, i: number): string | undefined {
  const rank = slot.ranks.get(i);
  if (rank === undefined) return undefined;
  const shared = [...slot.ranks.values()].filter((r) => r === rank).length > 1;
  return `${shared ? '=' : ''}${ordinal(rank)}`;
}

function centreOf(c: Cell): number | undefined {
  if (c.samples && c.samples.length > 0) return median(c.samples);
  return c.summary?.centre;
}

/** The picture's description: every tracker's central value from lowest, with its rank. */
function describe(ctx: Context, slot: Slot): string {
  const order = slot.cells
    .map((c, i) => ({ c, i, v: centreOf(c) }))
    .filter((x): x is { c: Cell; i: number; v: number } => x.v !== undefined)
    .sort((a, b) => a.v - b.v);
  const what = order.some((x) => x.c.samples) ? 'Medians' : 'Published values';
  const list = order.map((x) => `${ctx.trackers[x.i]!.name} ${slot.format(x.v)}${slot.ranks?.[x.i] ? ` (${slot.ranks[x.i]})` : ''}`);
  const missing = slot.cells.map((c, i) => (c.reason ? `${ctx.trackers[i]!.name} ${oneLine(c.reason, 80)}` : '')).filter(Boolean);
  return `${slot.title}. ${what} from lowest to highest: ${list.join(', ')}.${missing.length > 0 ? ` No value: ${missing.join('; ')}.` : ''}`;
}

function numbersTable(ctx: Context, slot: Slot): string {
  const anySamples = slot.cells.some((c) => c.samples);
  const head = anySamples ? ['Tracker', 'Samples', 'Median', 'Middle half', 'Lowest – highest'] : ['Tracker', 'Published'];
  if (slot.ranks) head.push('Rank');
  if (slot.points) head.push('Points');
  const rows = slot.cells.map((c, i) => {
    const name = `<th scope="row">${esc(ctx.trackers[i]!.name)}</th>`;
    const extra = [slot.ranks ? (slot.ranks[i] ?? '–') : undefined, slot.points?.[i]].filter((x) => x !== undefined).map((x) => text('td', x!));
    if (c.reason !== undefined)
      return `<tr>${name}<td colspan="${head.length - 1 - extra.length}">${esc(oneLine(c.reason))}</td>${extra.join('')}</tr>`;
    if (c.samples && c.samples.length > 0) {
      const s = c.samples;
      const cells = [
        sampleCount(c),
        slot.format(median(s)),
        `${slot.format(quantile(s, 0.25))} – ${slot.format(quantile(s, 0.75))}`,
        `${slot.format(Math.min(...s))} – ${slot.format(Math.max(...s))}`,
      ];
      return `<tr>${name}${cells.map((x) => text('td', x, ' class="num"')).join('')}${extra.join('')}</tr>`;
    }
    const shown = c.published ?? (c.summary ? slot.format(c.summary.centre) : '');
    const cells = anySamples
      ? [text('td', 'no samples'), text('td', shown, ' class="num"'), '<td></td>', '<td></td>']
      : [text('td', shown, ' class="num"')];
    return `<tr>${name}${cells.join('')}${extra.join('')}</tr>`;
  });
  const table = `<table><caption>${esc(slot.title)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const failures = slot.cells.flatMap((c, i) =>
    c.failures.map((f) => `<li>${esc(`${ctx.trackers[i]!.name}, repetition ${f.repetition}: ${oneLine(f.error)}`)}</li>`),
  );
  return details(
    'The numbers',
    wideTable(slot.title, table) + (failures.length > 0 ? `<p>Failed repetitions, left out of the samples:</p><ul>${failures.join('')}</ul>` : ''),
  );
}

function figure(ctx: Context, slot: Slot): string {
  const rows: StripRow[] = slot.cells.map((c, i) => ({
    id: ctx.trackers[i]!.id,
    name: ctx.trackers[i]!.name,
    note: slot.notes[i]!,
    samples: c.samples,
    summary: c.samples ? undefined : c.summary,
    missing: c.reason === undefined ? undefined : shortReason(c.reason),
  }));
  const chart = stripChart({ id: slot.id, title: slot.title, desc: describe(ctx, slot), unit: slot.unit, axis: slot.axis, rows });
  return `<figure><figcaption>${esc(slot.heading)}</figcaption>${chart}${numbersTable(ctx, slot)}</figure>`;
}

/** "did not install", "failed", "not measured": the start of a reason, short enough for a row. */
function shortReason(reason: string): string {
  return reason.replace(/\s*\(.*$/, '');
}

/** What the pictures' marks are, said once per section. */
function legend(ctx: Context, experiment: 'runtime' | 'memory' | 'log-size', spread: string, under: string): string {
  const records = ctx.set.records.filter((r) => r.experiment === experiment) as { samples?: readonly unknown[] }[];
  const marks = hasSamples(records)
    ? 'Each dot is one repetition; the bar is the median, the box the middle half of the samples, the line their whole range.'
    : `No samples: the study published ${spread} only, drawn as a diamond${spread.includes('deviation') ? ', with a bar of ± one standard deviation' : ''}.`;
  return `<p class="legend">${esc(`${marks} ${under}`)}</p>`;
}

const RANK_LEGEND = 'Under each name, the rank the rule gave; "=" marks a rank shared with trackers the test could not tell apart.';

function rankedSlot(ctx: Context, slot: SlotRanking, kind: 'runtime' | 'peak' | 'increment', cells: readonly Cell[]): Slot {
  const where = machineName(ctx, slot.machine);
  const component = COMPONENT_NAMES[slot.component];
  const ranks = kind === 'increment' ? undefined : ctx.trackers.map((_, i) => rankText(slot, i) ?? (cells[i]!.reason ? 'no rank' : '–'));
  const points = kind === 'runtime' ? ctx.trackers.map((_, i) => plain(runtimePoints(slot.ranks.get(i)))) : undefined;
  const notes = ctx.trackers.map((_, i) => {
    if (kind === 'increment') return cells[i]!.samples ? `${sampleCount(cells[i]!)} samples` : cells[i]!.reason ? '' : 'published';
    const rank = ranks![i]!;
    return points ? `${rank} · ${points[i]} pt` : rank;
  });
  const title =
    kind === 'runtime'
      ? `Run time of ${component}, ${where}`
      : kind === 'peak'
        ? `Peak memory during ${component}, ${where}`
        : `Memory increment during ${component}, ${where}`;
  const part = capital(component);
  const heading = kind === 'runtime' ? part : `${part}: ${kind === 'peak' ? 'peak' : 'increment (not scored)'}`;
  return {
    id: idOf(kind, slot.component, slot.machine),
    heading,
    title,
    unit: kind === 'runtime' ? 's' : 'MiB',
    axis: kind === 'runtime' ? 'seconds' : 'MiB',
    format: kind === 'runtime' ? seconds : mibText,
    cells,
    notes,
    ranks,
    points,
  };
}

/** The pairs the test tied in a machine's slots: why some trackers share a rank. */
function tiesOf(ctx: Context, slots: readonly SlotRanking[]): string {
  const items = slots
    .filter((slot) => slot.ties.length > 0)
    .map((slot) => {
      const pairs = slot.ties.map(({ a, b, p }) => `${ctx.trackers[a]!.name} and ${ctx.trackers[b]!.name} (p = ${approx(p)})`);
      return `<li>${esc(`${capital(COMPONENT_NAMES[slot.component])}: ${listing(pairs)}.`)}</li>`;
    });
  if (items.length === 0) return '';
  const count = slots.reduce((n, s) => n + s.ties.length, 0);
  return details(
    esc(`Pairs whose medians differ but that the test could not tell apart (${count})`),
    `<p>A two-sided Mann–Whitney test per pair, its p-value adjusted by Holm's method at or above 0.05: the two share a rank.</p><ul class="ties">${items.join('')}</ul>`,
  );
}

/**
 * Per machine, the pictures of its slots side by side in component order (for memory a row of
 * peaks, then a row of increments), then the pairs the test tied there.
 */
function byMachine(ctx: Context, slots: readonly SlotRanking[], render: (slot: SlotRanking) => string[]): string {
  const machines = [...new Set(slots.map((s) => s.machine))];
  return machines
    .map((machine) => {
      const mine = COMPONENTS.flatMap((c: Component) => slots.filter((s) => s.machine === machine && s.component === c));
      const rendered = mine.map(render);
      const rows = (rendered[0] ?? []).map((_, k) => `<div class="figures">${rendered.map((r) => r[k]!).join('')}</div>`);
      return `<h3>${esc(capital(onMachine(ctx, machine)))}</h3>${rows.join('')}${tiesOf(ctx, mine)}`;
    })
    .join('');
}

export function runtimeSection(ctx: Context): string {
  const slots = slotRankings(ctx.set, 'runtime');
  const body = byMachine(ctx, slots, (slot) => {
    const cells = ctx.trackers.map((t) =>
      cellOf<RuntimeRecord>(ctx, 'runtime', t, { component: slot.component, machine: slot.machine }, (r) => ({
        samples: r.samples,
        summary: r.summary ? { centre: r.summary.mean, sd: r.summary.sd } : undefined,
      })),
    );
    const shown = cells.map((c) =>
      c.summary && c.published === undefined ? { ...c, published: meanAndSd(c.summary.centre, c.summary.sd ?? 0) } : c,
    );
    return [figure(ctx, rankedSlot(ctx, slot, 'runtime', shown))];
  });
  return legend(ctx, 'runtime', 'a mean and standard deviation', RANK_LEGEND) + body;
}

export function memorySection(ctx: Context): string {
  const slots = slotRankings(ctx.set, 'memory');
  const body = byMachine(ctx, slots, (slot) => {
    const keys = { component: slot.component, machine: slot.machine };
    const peaks = ctx.trackers.map((t) =>
      cellOf<MemoryRecord>(ctx, 'memory', t, keys, (r) => ({
        samples: r.samples?.map((s) => s.peak),
        summary: r.summary ? { centre: r.summary.peak } : undefined,
      })),
    );
    const increments = ctx.trackers.map((t) =>
      cellOf<MemoryRecord>(ctx, 'memory', t, keys, (r) => ({
        samples: r.samples?.map((s) => s.increment),
        summary: r.summary ? { centre: r.summary.increment } : undefined,
      })),
    );
    // The study printed peak and increment in one cell; each picture shows its own number.
    const plainPublished = (cells: Cell[]) => cells.map((c) => ({ ...c, published: undefined }));
    return [
      figure(ctx, rankedSlot(ctx, slot, 'peak', plainPublished(peaks))),
      figure(ctx, rankedSlot(ctx, slot, 'increment', plainPublished(increments))),
    ];
  });
  const under = `${RANK_LEGEND} The increment is the rise over the memory before the part ran; the rule ranks by the peak alone.`;
  return legend(ctx, 'memory', 'a peak and an increment per tracker', under) + body;
}

export function logSizeSection(ctx: Context): string {
  const machines = ctx.data.keysOf('log-size', 'machine');
  const figures = machines.map((machine) => {
    const cells = ctx.trackers.map((t) =>
      cellOf<LogSizeRecord>(ctx, 'log-size', t, { machine }, (r) => ({
        samples: r.samples,
        summary: r.summary ? { centre: r.summary.size } : undefined,
      })),
    );
    const centres = cells.map(centreOf);
    const known = centres.filter((v): v is number => v !== undefined);
    const lowest = Math.min(...known);
    const notes = centres.map((v, i) => (v === undefined ? (cells[i]!.reason ? '' : '–') : `${approx(v === lowest ? 1 : v / lowest)}× smallest`));
    const slot: Slot = {
      id: idOf('log', machine),
      heading: capital(onMachine(ctx, machine)),
      title: `Disk space of one scikit-learn deep-dive run's logs, ${machineName(ctx, machine)}`,
      unit: 'kB',
      axis: 'kB (1 kB = 1000 bytes)',
      format: kB,
      cells,
      notes,
    };
    return figure(ctx, slot);
  });
  if (figures.length === 0) return '<p>No log sizes were measured.</p>';
  return `${legend(ctx, 'log-size', 'one size per tracker', 'Under each name, the size over the smallest, which the rule scores.')}<div class="figures">${figures.join('')}</div>`;
}

export function memoryFromDataSection(ctx: Context): string {
  const machines = ctx.data.keysOf('memory-from-data', 'machine');
  const sizes = ctx.data.keysOf('memory-from-data', 'size').sort((a, b) => a - b);
  if (machines.length === 0) return '<p>Memory against data size was not measured.</p>';
  return machines
    .map((machine) => {
      const charts: SizeChart[] = ctx.trackers.map((t) => {
        const id = idOf('mfd', machine, t.id);
        const points = sizes.flatMap((size) => {
          const found = ctx.data.find<MemoryRecord>('memory-from-data', t, { machine, size });
          if (!found.record) return [];
          const r = found.record;
          return [{ size, samples: r.samples?.map((s) => s.peak), published: r.summary?.peak }];
        });
        const missing =
          points.length === 0 ? shortReason(ctx.data.find('memory-from-data', t, { machine, size: sizes[0] }).reason ?? 'not measured') : undefined;
        const values = points.map(
          (p) =>
            `${count(p.size)} examples: ${p.samples ? `median ${mibText(median(p.samples))} of ${p.samples.length}` : `${plain(p.published!)} MiB published`}`,
        );
        const absent = sizes.filter((s) => !points.some((p) => p.size === s));
        const desc = `${t.name}, peak memory against training examples, ${machineName(ctx, machine)}: ${missing ?? values.join('; ')}${absent.length > 0 && !missing ? `; not measured at ${listing(absent.map(count))}` : ''}.`;
        return { id, tracker: t.id, title: `${t.name}: peak memory against data size, ${machineName(ctx, machine)}`, desc, points, missing };
      });
      const svgs = sizeCharts(charts);
      const anySamples = hasSamples(ctx.set.records.filter((r) => r.experiment === 'memory-from-data') as MemoryRecord[]);
      const legend = anySamples
        ? 'Each dot is one repetition, the bar its median; the line joins the medians. Every picture has the same axes.'
        : 'No samples: the study published one peak per size, drawn as a diamond. Every picture has the same axes.';
      const figures = svgs.map((svg, i) => `<figure class="small"><figcaption>${esc(ctx.trackers[i]!.name)}</figcaption>${svg}</figure>`);
      return `<h3>${esc(capital(onMachine(ctx, machine)))}</h3><p class="legend">${esc(legend)}</p><div class="multiples">${figures.join('')}</div>`;
    })
    .join('');
}
