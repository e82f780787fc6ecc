/**
 * Axes for the charts: a value range mapped onto pixels, linearly from zero or, when the values
 * span more than a factor of LOG_ABOVE, on a logarithmic scale (run times from milliseconds to
 * tens of seconds would otherwise squash the fast trackers into one pixel). Ticks are round
 * numbers: 1, 2 and 5 times a power of ten.
 */

/** Values spreading over more than this factor get a logarithmic axis. */
export const LOG_ABOVE = 30;

export interface Tick {
  readonly value: number;
  /** Empty for a minor tick: a grid line without a label, where labels would crowd. */
  readonly label: string;
}

export interface Scale {
  readonly log: boolean;
  /** Value → pixel. */
  at(value: number): number;
  readonly ticks: readonly Tick[];
}

/** What the axis measures: the unit its tick labels carry. */
export type Unit = 's' | 'MiB' | 'kB' | 'examples';

/** A round number without float noise: 0.30000000000000004 → "0.3". */
function round(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/**
 * A tick's label, short enough for a phone: times carry their unit, as it changes along a
 * logarithmic axis (ms, then s); other units are named once, in the axis caption.
 */
export function tickLabel(value: number, unit: Unit): string {
  if (unit === 's') {
    const a = Math.abs(value);
    if (a === 0 || a >= 1) return `${round(value)} s`;
    if (a >= 1e-3) return `${round(value * 1e3)} ms`;
    return `${round(value * 1e6)} μs`;
  }
  if (unit === 'examples' && value >= 1000 && value % 1000 === 0) return `${round(value / 1000)}k`;
  return round(value);
}

/** A round step giving about `count` intervals over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/**
 * A scale for `values` onto the pixels `from` to `to`. Linear scales include zero, so that bars
 * of memory and disk space are not exaggerated; `count` is about how many ticks to draw.
 */
export function scaleFor(values: readonly number[], from: number, to: number, unit: Unit, count = 5): Scale {
  const finite = values.filter(Number.isFinite);
  const positive = finite.filter((v) => v > 0);
  const lo = Math.min(...positive);
  const hi = Math.max(...positive);
  if (positive.length === finite.length && positive.length > 1 && hi / lo > LOG_ABOVE) return logScale(lo, hi, from, to, unit);
  let min = Math.min(0, ...finite);
  let max = Math.max(0, ...finite);
  if (min === max) max = min + 1;
  const step = niceStep(max - min, count);
  min = Math.floor(min / step) * step;
  max = Math.ceil(max / step) * step;
  const at = (v: number) => from + ((v - min) / (max - min)) * (to - from);
  const ticks: Tick[] = [];
  for (let k = Math.round(min / step); k * step <= max + step / 1e6; k++) ticks.push({ value: k * step, label: tickLabel(k * step, unit) });
  return { log: false, at, ticks };
}

function logScale(lo: number, hi: number, from: number, to: number, unit: Unit): Scale {
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  const at = (v: number) => from + ((Math.log10(Math.max(v, 10 ** first)) - first) / (last - first)) * (to - from);
  // Grid lines at 2 and 5 between the powers of ten while there are few decades; labels on
  // them too only when there is a single decade, or they would run into each other.
  const multiples = last - first <= 2 ? [1, 2, 5] : [1];
  const ticks: Tick[] = [];
  for (let e = first; e <= last; e++) {
    for (const m of multiples) {
      if (e === last && m > 1) break;
      const value = Number((m * 10 ** e).toPrecision(6));
      ticks.push({ value, label: m === 1 || last - first === 1 ? tickLabel(value, unit) : '' });
    }
  }
  return { log: true, at, ticks };
}
