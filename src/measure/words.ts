/**
 * How measurements read in evidence and notes: numbers in the units people use, names of items
 * and components, and text from the measured programs made safe for a terminal and a YAML file.
 */
import type { Component } from './format.js';

export const COMPONENT_NAMES: Record<Component, string> = {
  init: 'initialisation',
  params: 'estimator parameters',
  autolog: 'auto-logging',
};

export const ITEM_NAMES: Record<string, string> = {
  'run-metadata': 'run metadata',
  'estimator-defaults': 'default estimator parameters',
  'train-metrics': 'train metrics',
  'test-metrics': 'test metrics',
  'sklearn-version': 'scikit-learn version',
  system: 'system and hardware',
  code: 'code',
  'estimator-params': 'estimator parameters',
  'other-params': 'other parameters',
  metrics: 'metrics',
  data: 'train and test data',
  'data-path': 'data path',
  environment: 'environment',
  plot: 'Matplotlib plot',
  model: 'trained model',
  'model-params': 'model parameters (e.g. epochs)',
  'model-summary': 'model summary',
  'local-storage': 'local file storage',
  cloud: 'scalable cloud',
  'local-server': 'local HTTP tracking server',
  'self-hosted': 'hosting on your own server',
  databricks: 'Databricks',
  'hosted-api': "API on the vendor's server",
};

/** A number as written in the data, without float noise: 0.1 + 0.2 reads 0.3. */
export function plain(x: number): string {
  return String(Number(x.toPrecision(12)));
}

/** A computed number, to three significant figures (1.70, 0.0412, 1230). */
export function approx(x: number): string {
  if (x === 0) return '0';
  return Math.abs(x) >= 1000 ? String(Math.round(x)) : x.toPrecision(3);
}

/** Points: 2.5, 0.75, 1 — with "point" or "points". */
export function points(x: number): string {
  const n = plain(x);
  return `${n} point${n === '1' ? '' : 's'}`;
}

/** The unit a time reads best in, chosen from the value that leads a sentence. */
function timeUnit(seconds: number): { name: string; factor: number } {
  const a = Math.abs(seconds);
  if (a >= 1 || a === 0) return { name: 's', factor: 1 };
  if (a >= 1e-3) return { name: 'ms', factor: 1e3 };
  return { name: 'μs', factor: 1e6 };
}

/** "3.74 s ± 0.96 s", "3.45 ms ± 0.283 ms": the spread in the mean's unit, as published. */
export function meanAndSd(mean: number, sd: number): string {
  const u = timeUnit(mean);
  return `${plain(mean * u.factor)} ${u.name} ± ${plain(sd * u.factor)} ${u.name}`;
}

/** A measured time to three significant figures: "1.70 s", "41.2 ms". */
export function seconds(x: number): string {
  const u = timeUnit(x);
  return `${approx(x * u.factor)} ${u.name}`;
}

/** "98.67 MiB, +12.62 MiB" (peak, increment). `exact` keeps published digits; otherwise three figures. */
export function mib(peak: number, increment: number, exact: boolean): string {
  const f = exact ? plain : approx;
  return `${f(peak)} MiB, ${increment >= 0 ? '+' : ''}${f(increment)} MiB`;
}

/** Sizes on disk in kB (1000 bytes), as the study gave them: "71.6 kB". */
export function kilobytes(bytes: number, exact: boolean): string {
  return `${exact ? plain(bytes / 1000) : approx(bytes / 1000)} kB`;
}

/** "10 000" */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** "1st", "2nd", "3rd", "4th" … */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: an escape code starts with ESC.
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Text from a measured program (an error, a reason) as one plain line: colour codes and other
 * control characters removed, white space folded, cut to `max` characters. Of a traceback, the
 * last line says what went wrong, so that is the line kept.
 */
export function oneLine(text: string, max = 160): string {
  const lines = text
    .replace(ANSI, '')
    .split(/\r?\n|\r/)
    .map((l) => l.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  const line = lines[lines.length - 1] ?? '(no message)';
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}
