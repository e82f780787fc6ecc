/**
 * `reprotree measure`: runs the Python probes against each tracker and leaves per-tracker raw
 * measurement files, their journal and a criteria file in --out; or, with --rescore, turns raw
 * measurements into a criteria file on stdout without running anything. All of the work is in
 * src/measure/, loaded on demand so that the other commands never pay for it.
 */
import { isAbsolute, join, relative } from 'node:path';
import { Cancelled } from '../errors.js';
import { writeUserFile } from '../files.js';
import { plural } from '../render/format.js';
import { measureTable } from '../render/measure-table.js';
import type { IO } from './io.js';
import type { MeasureOptions } from './options.js';

const EXIT_CODES: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export async function measure(options: MeasureOptions, io: IO): Promise<void> {
  const m = await import('../measure/orchestrate.js');
  if (options.mode === 'rescore') {
    const r = m.rescore(options.path);
    io.out(r.yamlText);
    for (const note of r.notes) io.err(io.glyphs.draw(`note: ${note}\n`));
    return;
  }

  const progress = m.createProgress(process.stderr, (s) => io.glyphs.draw(s));
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    progress.status('stopping: waiting for the probe to stop what it started');
    controller.abort(signal);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, onSignal);
  let outcome: Awaited<ReturnType<typeof m.measure>>;
  try {
    outcome = await m.measure(options, progress, controller.signal);
  } finally {
    for (const s of signals) process.removeListener(s, onSignal);
    progress.close();
  }
  // The folder as the user would type it: relative when it is under the current one.
  const below = relative(process.cwd(), outcome.out);
  const shown = below === '' ? '.' : below.startsWith('..') || isAbsolute(below) ? outcome.out : below;
  if (outcome.stopped) {
    throw new Cancelled(
      EXIT_CODES[outcome.stopped] ?? 130,
      `Stopped. ${plural(outcome.kept, 'finished measurement')} ${outcome.kept === 1 ? 'is' : 'are'} kept in ${shown}; run the same command again to go on from there (--fresh starts over).`,
    );
  }

  if (outcome.reused > 0) {
    io.err(`Reused ${plural(outcome.reused, 'measurement')} kept in ${shown} from an earlier run (--fresh measures anew).\n`);
  }
  const results = m.results(outcome.out);
  let ending: string;
  if ('why' in results.criteria) ending = `No criteria file: ${results.criteria.why}`;
  else {
    writeUserFile(join(outcome.out, 'criteria.yaml'), results.criteria.yamlText, { replace: true });
    const named = join(shown, 'criteria.yaml');
    ending = `Criteria file: ${named}; use it with \`reprotree --criteria ${named}\`.`;
  }
  // Notes first (stderr), then the result (stdout), so that on a terminal the result comes last.
  for (const note of results.notes) io.err(io.glyphs.draw(`note: ${note}\n`));
  io.out(`Measured ${outcome.trackers.map((t) => t.id).join(', ')}; the raw files are in ${shown}/.\n\n`);
  io.out(io.glyphs.draw(measureTable(results.table, results.measured, io.width)));
  io.out(`\n${ending}\n`);
}
