/**
 * One virtual environment per tracker, made by the probes' own measure/make-venv.sh from the
 * pinned requirement files (one implementation, shared with CI and with people running the probes
 * by hand). The script reuses an environment made from the same files by the same Python, and
 * leaves a stamp (a hash of the files and the Python version) that keys the kept measurements.
 * An install that fails is a finding, returned with pip's own words, not thrown.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from './child.js';

export interface VenvRequest {
  readonly tracker: string;
  readonly measureDir: string;
  /** The folder that holds every tracker's environment. */
  readonly venvsDir: string;
  readonly python: string;
  readonly keras: boolean;
  readonly signal?: AbortSignal;
  /** Packages collected so far, of how many the files pin. */
  readonly onProgress?: (collected: number, total: number) => void;
}

export type Venv =
  | {
      readonly ok: true;
      readonly dir: string;
      readonly python: string;
      /** What the environment was made from: requirement files and Python version, hashed. */
      readonly stamp: string;
      /** Whether this run made it (otherwise an earlier one did). */
      readonly made: boolean;
    }
  | { readonly ok: false; readonly error: string; readonly stopped: boolean };

/**
 * The requirement files of a tracker's environment, relative to measure/, as make-venv.sh picks
 * them: with Keras, TRACKER-keras.txt (one set whose pins settle a conflict with TensorFlow's)
 * where the tracker has one, else TRACKER.txt and keras.txt.
 */
export function requirementFiles(measureDir: string, tracker: string, keras: boolean): string[] {
  if (keras && existsSync(join(measureDir, 'requirements', `${tracker}-keras.txt`))) return [`requirements/${tracker}-keras.txt`];
  return [`requirements/${tracker}.txt`, ...(keras ? ['requirements/keras.txt'] : [])];
}

/** How many packages the files pin (following `-r`), to count pip's progress against. */
export function pinnedCount(measureDir: string, files: readonly string[]): number {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    for (const raw of readFileSync(file, 'utf8').split('\n')) {
      const line = raw.replace(/#.*/, '').trim();
      const include = /^-r\s+(\S+)/.exec(line);
      if (include) visit(join(file, '..', include[1]!));
      else if (/^[A-Za-z0-9]/.test(line))
        names.add(
          line
            .split(/[=<>~!;[\s]/)[0]!
            .toLowerCase()
            .replace(/[-_.]+/g, '-'),
        );
    }
  };
  for (const f of files) visit(join(measureDir, f));
  return names.size;
}

/** The folder of a tracker's environment: Keras makes a different one (a gigabyte more). */
export function venvDir(venvsDir: string, tracker: string, keras: boolean): string {
  return join(venvsDir, keras ? `${tracker}-keras` : tracker);
}

/** The last lines of an installer's output: where pip says what went wrong. */
function tail(text: string, lines = 25, chars = 4000): string {
  const kept = text.trimEnd().split('\n').slice(-lines).join('\n');
  return kept.length > chars ? kept.slice(-chars) : kept;
}

export async function makeVenv(request: VenvRequest): Promise<Venv> {
  const { tracker, measureDir, keras } = request;
  const dir = venvDir(request.venvsDir, tracker, keras);
  const total = pinnedCount(measureDir, requirementFiles(measureDir, tracker, keras));
  let collected = 0;
  let made = false;
  const args = [join(measureDir, 'make-venv.sh'), tracker, dir, '--python', request.python, '--progress', ...(keras ? ['--keras'] : [])];
  const result = await runChild('bash', args, {
    signal: request.signal,
    linesFrom: 'stdout',
    onLine: (line) => {
      if (/^\s*Collecting /.test(line)) {
        made = true;
        collected++;
        request.onProgress?.(collected, Math.max(total, collected));
      }
    },
  });
  if (result.stopped) return { ok: false, error: 'stopped', stopped: true };
  if (result.code !== 0) {
    const said = tail(`${result.stdout}\n${result.stderr}`);
    return {
      ok: false,
      error: `installing ${requirementFiles(measureDir, tracker, keras).join(' and ')} failed (make-venv.sh exited with ${result.code}):\n${said}`,
      stopped: false,
    };
  }
  let stamp = '';
  try {
    stamp = readFileSync(join(dir, '.reprotree-stamp'), 'utf8').trim();
  } catch {
    return { ok: false, error: `make-venv.sh finished but left no .reprotree-stamp in ${dir}`, stopped: false };
  }
  return { ok: true, dir, python: join(dir, 'bin', 'python'), stamp, made: made || /made in/.test(result.stderr) };
}
