/**
 * What a run has finished, kept so that the next run goes on from there: one append-only JSON
 * Lines file per tracker in <out>/journal/. Each finished measurement (a sample, an experiment
 * group, the environment's description) is appended as soon as it finishes, so an interrupted run
 * loses at most the measurement it was in. The first line keys the journal to what the
 * measurements depend on, the probes' code and the environment's requirement set: when either
 * changes, the kept measurements no longer describe what would be measured, and the tracker
 * starts over. A torn last line (the machine went down mid-write) is ignored.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UserError } from '../errors.js';

/** What kept measurements must agree with to be reused. */
export interface JournalKey {
  /** A hash of the probes' code, scripts, snippets and facts. */
  readonly probe: string;
  /** make-venv.sh's stamp: the requirement files and the Python version, hashed. */
  readonly requirements: string;
}

export type Entry =
  | { readonly kind: 'start'; readonly key: JournalKey; readonly date: string }
  | { readonly kind: 'environment'; readonly result: unknown }
  | {
      readonly kind: 'sample';
      readonly component: string;
      readonly repetition: number;
      readonly position: number;
      readonly of: number;
      readonly seed: number;
      readonly sample: unknown;
    }
  | { readonly kind: 'group'; readonly group: string; readonly options: string; readonly result: unknown };

/** The folders of measure/ whose contents decide what a measurement is. */
const PROBE_PARTS = ['reprotree_probe', 'scripts', 'snippets', 'facts'];

/** A hash of the probes' own files (not their tests): the "probe version" kept work is tied to. */
export function probeVersion(measureDir: string): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      // Documentation and byte code do not change what is measured.
      if (n === '__pycache__' || n.endsWith('.pyc') || n.endsWith('.md')) continue;
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  for (const part of PROBE_PARTS) walk(join(measureDir, part));
  files.sort();
  for (const f of files) {
    hash.update(relative(measureDir, f));
    hash.update('\0');
    hash.update(readFileSync(f));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export class Journal {
  private constructor(
    readonly file: string,
    readonly entries: Entry[],
    /** Why the kept entries were dropped, if they were. */
    readonly dropped: string | undefined,
  ) {}

  /**
   * Opens the tracker's journal: its entries if they were made under `key`, else a new journal
   * (the old one removed) with the reason in `dropped`. `fresh` starts anew without a reason.
   */
  static open(dir: string, tracker: string, key: JournalKey, fresh: boolean): Journal {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${tracker}.jsonl`);
    let entries: Entry[] = [];
    let dropped: string | undefined;
    if (!fresh) {
      entries = readEntries(file);
      const start = entries[0];
      if (entries.length > 0 && (start?.kind !== 'start' || start.key.probe !== key.probe || start.key.requirements !== key.requirements)) {
        dropped =
          start?.kind === 'start' && start.key.probe !== key.probe
            ? 'the probes have changed since'
            : 'its requirement files or Python have changed since';
        entries = [];
      }
    }
    if (entries.length === 0) {
      writeFileSync(file, '');
      const journal = new Journal(file, [], dropped);
      journal.append({ kind: 'start', key, date: new Date().toISOString() });
      return journal;
    }
    return new Journal(file, entries, undefined);
  }

  append(entry: Entry): void {
    appendFileSync(this.file, JSON.stringify(entry) + '\n');
    this.entries.push(entry);
  }

  /** How many measurements it holds (the start line aside). */
  get kept(): number {
    return this.entries.filter((e) => e.kind === 'sample' || e.kind === 'group').length;
  }

  environment(): unknown {
    return this.entries.find((e) => e.kind === 'environment')?.result;
  }

  sample(component: string, repetition: number): Extract<Entry, { kind: 'sample' }> | undefined {
    return this.entries.find(
      (e): e is Extract<Entry, { kind: 'sample' }> => e.kind === 'sample' && e.component === component && e.repetition === repetition,
    );
  }

  /** The latest result of a group: a group run again (facts now with Python 3.12) replaces the earlier. */
  group(group: string, options: string): unknown {
    const found = this.entries.findLast(
      (e): e is Extract<Entry, { kind: 'group' }> => e.kind === 'group' && e.group === group && e.options === options,
    );
    return found?.result;
  }
}

function readEntries(file: string): Entry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: Entry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as Entry);
    } catch {
      // A line cut short by a crash: what came before it still stands.
    }
  }
  return out;
}

/** Removes the named trackers' journals (--fresh). */
export function forget(dir: string, trackers: readonly string[]): void {
  for (const t of trackers) rmSync(join(dir, `${t}.jsonl`), { force: true });
}

/**
 * One run at a time per output folder: two would interleave their journals. A lock left by a run
 * that is no longer alive (killed with SIGKILL, a crash) is taken over.
 */
export function lock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new UserError(`Another reprotree measure (process ${pid}) is writing to ${join(dir, '..')}; wait for it, or pass another --out.`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new UserError(`Cannot take the lock ${file}; remove it if no reprotree measure is running.`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
