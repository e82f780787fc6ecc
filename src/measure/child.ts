/**
 * Running one probe or installer process, stoppably. Each child leads a process group of its own:
 * Ctrl-C in the terminal then reaches only reprotree, which stops the group in order (SIGTERM,
 * which the probe turns into stopping the processes it started, then SIGKILL if it lingers) and
 * waits for it, so that nothing keeps running, or writing into the tracker's store, after exit.
 */
import { spawn } from 'node:child_process';

export interface ChildResult {
  /** The exit code, or 128 + the signal's number when a signal ended it. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Whether it was stopped through `stop` (its result is then not a measurement). */
  readonly stopped: boolean;
}

export interface ChildOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Called with each complete line of stderr (or stdout with `linesFrom: 'stdout'`), as it comes. */
  readonly onLine?: (line: string) => void;
  readonly linesFrom?: 'stdout' | 'stderr';
  /** Stops the child when aborted. */
  readonly signal?: AbortSignal;
  /** How long SIGTERM has before SIGKILL follows. */
  readonly graceMs?: number;
}

/** Most output kept from one child; the probe cuts what it keeps in a record to 64 KiB anyway. */
const MAX_KEPT = 32 * 1024 * 1024;

const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

export function runChild(command: string, args: readonly string[], options: ChildOptions = {}): Promise<ChildResult> {
  return new Promise((resolve) => {
    let stopped = false;
    const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
    const kept = { stdout: 0, stderr: 0 };
    let pending = '';
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const signalGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, sig);
      } catch {
        // The group has gone already.
      }
    };
    let killer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      signalGroup('SIGTERM');
      killer = setTimeout(() => signalGroup('SIGKILL'), options.graceMs ?? 10_000);
    };
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', stop, { once: true });

    for (const name of ['stdout', 'stderr'] as const) {
      child[name].on('data', (b: Buffer) => {
        if (kept[name] < MAX_KEPT) {
          chunks[name].push(b);
          kept[name] += b.length;
        }
        if (options.onLine && (options.linesFrom ?? 'stderr') === name) {
          pending += b.toString('utf8');
          const lines = pending.split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) options.onLine(line);
        }
      });
    }
    let done = false;
    const finish = (code: number) => {
      if (done) return; // a spawn error may be followed by 'close'
      done = true;
      if (killer) clearTimeout(killer);
      options.signal?.removeEventListener('abort', stop);
      // The leader has gone; anything left in its group (a helper it started) goes with it.
      if (stopped) signalGroup('SIGKILL');
      resolve({
        code,
        stdout: Buffer.concat(chunks.stdout).toString('utf8'),
        stderr: Buffer.concat(chunks.stderr).toString('utf8'),
        stopped,
      });
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      chunks.stderr.push(Buffer.from(`${command}: ${e.code === 'ENOENT' ? 'no such program' : e.message}\n`));
      finish(127);
    });
    child.on('close', (code, signal) => finish(code ?? 128 + (SIGNAL_NUMBERS[signal ?? ''] ?? 0)));
  });
}
