/**
 * `reprotree report [--data NAME|DIR|FILE]`: the measurements behind a data set as one HTML page
 * on stdout. Loaded with import() (scripts/check-layers.js): the reader, the rules and the page
 * are a bundle only this command pays for.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { didYouMean, printable, UserError } from '../errors.js';
import { readMeasurements } from '../measure/read.js';
import { readSnippets } from '../measure/snippets.js';
import { DATA_SET_NAMES, DATA_SETS, PACKAGE_ROOT } from '../paths.js';
import type { DataSetName } from '../paths.js';
import { reportHtml } from '../render/report/report.js';
import type { IO } from './io.js';
import type { ReportOptions } from './options.js';

const isDataSet = (name: string): name is DataSetName => (DATA_SET_NAMES as readonly string[]).includes(name);

/** The measurement file or directory that --data names. */
export function measurementsOf(data: string | undefined): string {
  const name = data ?? DATA_SET_NAMES[0]!;
  if (isDataSet(name)) {
    const path = DATA_SETS[name].measurements;
    if (!existsSync(path)) {
      throw new UserError(
        `The ${name} data set has no measurements in this copy of reprotree (${printable(path)} is missing); pass a measurement file or directory with --data instead.`,
      );
    }
    return path;
  }
  // A bare word that is neither a data set nor a file is most likely a misspelt data set.
  if (!existsSync(name) && !/[/\\.]/.test(name)) {
    throw new UserError(
      `--data ${printable(name)} is neither a data set (${DATA_SET_NAMES.join(', ')}) nor a file or directory.${didYouMean(name, DATA_SET_NAMES)}`,
    );
  }
  return name;
}

/** A file as the page names it: relative to reprotree for the bundled data, else as given. */
function shown(file: string): string {
  const inside = relative(PACKAGE_ROOT, file);
  return inside.startsWith('..') || inside === file ? file : inside;
}

export async function report(options: ReportOptions, io: IO): Promise<void> {
  const t0 = performance.now();
  const read = readMeasurements(measurementsOf(options.data));
  // A bundled data set goes by the name --data gives it everywhere else (its raw files may name it otherwise).
  const name = options.data ?? DATA_SET_NAMES[0]!;
  const set = (DATA_SET_NAMES as readonly string[]).includes(name) ? { ...read, dataSet: name } : read;
  const snippets = readSnippets(set, PACKAGE_ROOT);
  const t1 = performance.now();
  io.timings.load = t1 - t0;
  const html = reportHtml({ set, files: set.files.map(shown), snippets, generated: new Date().toISOString().slice(0, 10) });
  io.timings.render = performance.now() - t1;
  io.out(html);
}
