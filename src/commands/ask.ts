/**
 * The questionnaire. Decides BEFORE loading Ink whether and where it can run: keys come from stdin
 * in raw mode, so stdin must be a terminal; the questions are drawn on stderr, or on /dev/tty when
 * stderr is redirected, so that stdout carries only the result (`reprotree | tee advice.txt`).
 * A terminal that cannot redraw (TERM=dumb) gets the line mode instead.
 */
import { openSync } from 'node:fs';
import { isatty } from 'node:tty';
import { findTree } from '../advice/model.js';
import { UserError } from '../errors.js';
import { checkWritable } from '../files.js';
import { DATA_SET_FILES, DATA_SET_NAMES, DEFAULT_DATA_SET } from '../paths.js';
import type { DataSetName } from '../paths.js';
import type { DataSwitch, WalkOptions } from '../questionnaire/front-end.js';
import { hasDataSet, loadDataSet } from '../study/load.js';
import { givenAnswers } from './answers.js';
import { load } from './common.js';
import type { IO } from './io.js';
import type { AskOptions } from './options.js';

const INSTEAD = 'name your answers instead, e.g. `reprotree --important auto-logging,keras`, or add --accessible for plain numbered questions';

/**
 * CI or CONTINUOUS_INTEGRATION set to anything but empty, 0 or false. Ink then prints only its
 * last frame, so the questionnaire would show nothing to answer. (Ink's own test, is-in-ci, counts
 * an empty CI too; run.ts hides an empty one from it.)
 */
function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const set = (name: string) => env[name] !== undefined && !['', '0', 'false'].includes(env[name]!);
  return set('CI') || set('CONTINUOUS_INTEGRATION');
}

/** The terminal to draw on: stderr's descriptor, else /dev/tty opened; undefined if neither is one. */
function terminalFd(): number | undefined {
  if (process.stderr.isTTY) return 2;
  try {
    const fd = openSync('/dev/tty', 'w');
    if (isatty(fd)) return fd;
  } catch {
    // No controlling terminal (a daemon, `setsid`, a container without a tty).
  }
  return undefined;
}

/** The bundled data set to offer instead of `current`, if there is one to offer. */
function offer(current: DataSetName): DataSwitch | undefined {
  const name = DATA_SET_NAMES.find((n) => n !== current && hasDataSet(n));
  if (name === undefined) return undefined;
  return { name, about: DATA_SET_FILES[name].about, load: async () => ({ study: await loadDataSet(name), other: offer(name) }) };
}

export async function ask(options: AskOptions, io: IO): Promise<void> {
  const study = await load(io, options);
  // A mistyped --tree or answer is the more useful message, terminal or not.
  findTree(study, options.tree);
  // Found out now rather than after the last question.
  if (options.saveAnswers !== undefined) checkWritable(options.saveAnswers, '--save-answers');
  // Flags and an answers file answer their questions before the walk; the rest are asked.
  const preset = await givenAnswers(study, options.answers, io);
  // A file of the user's own is theirs to walk; a bundled data set offers the other one.
  const other = options.criteria === undefined ? offer(options.data ?? DEFAULT_DATA_SET) : undefined;
  const walk: WalkOptions = {
    tree: options.tree,
    start: options.start,
    criteria: options.criteria,
    preset,
    saveAnswers: options.saveAnswers,
    alternatives: options.alternatives,
    other,
  };
  const dumb = !options.accessible && process.env.TERM === 'dumb';
  if (dumb) io.err('TERM=dumb: this terminal cannot redraw the screen, so the questions come one line at a time (as with --accessible).\n');
  if (options.accessible || dumb) {
    const { runAccessible } = await import('../questionnaire/accessible.js');
    await runAccessible(study, walk, io);
    return;
  }
  if (!process.stdin.isTTY) throw new UserError(`The questionnaire needs a terminal to read keys from, and standard input is not one: ${INSTEAD}.`);
  if (inCi())
    throw new UserError(
      `The questionnaire needs a terminal and does not run under CI (CI is set), where it could only draw its last screen: ${INSTEAD}.`,
    );
  const fd = terminalFd();
  if (fd === undefined) {
    throw new UserError(
      `The questionnaire needs a terminal to draw on, and there is none: standard error is not a terminal and /dev/tty cannot be opened; ${INSTEAD}.`,
    );
  }
  // Ink and React load only here: the scripted path never pays for them.
  const { runInteractive } = await import('../tui/run.js');
  await runInteractive(study, walk, io, fd);
}
