/**
 * Programs in a real pseudo-terminal: a tmux pane on a tmux server of the tests' own, with the
 * exit code, the terminal's settings after exit and (optionally) the process id recorded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from './cli.js';
import { ROOT } from './fixtures.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// A server of our own, so nothing here touches anyone's tmux sessions.
const SOCKET = `reprotree-test-${process.pid}`;
let dir = '';

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** Text with line breaks and runs of spaces as one space: reprotree wraps to the pane's width. */
export const flat = (s: string) => s.replace(/\s+/g, ' ');

export interface Pane {
  /** The visible screen, wrapped lines joined. */
  screen(): string;
  /** The visible screen with its colour and style escapes. */
  styledScreen(): string;
  /** Everything the pane has shown, scrollback included, as flat text. */
  history(): string;
  /** Waits until the screen shows `text`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /**
   * Types keys (tmux key names or raw text). It does not wait for their effect: the test waits
   * for what the screen then shows, before typing what depends on it.
   */
  keys(...keys: string[]): Promise<void>;
  /** The program's exit code, once it has exited. */
  exitCode(timeoutMs?: number): Promise<number>;
  /** `stty -a` in the pane after the program exited: was the terminal given back cooked? */
  stty(): string;
  /** The program's process id. */
  pid(): number;
  /** Resizes the pane, as a user dragging the window would. */
  resize(columns: number, rows: number): void;
}

/** Creates the scratch folder for panes; call from beforeAll. */
export function openPanes(): void {
  if (!existsSync(join(ROOT, 'dist/cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` before the end-to-end tests.');
  dir = mkdtempSync(join(tmpdir(), 'reprotree-pane-'));
}

/** Ends the tmux server and removes the scratch folder; call from afterAll. */
export function closePanes(): void {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Polls `done` until it gives a value, failing with `why()` after `timeoutMs`. */
async function until<T>(done: () => T | undefined, timeoutMs: number, why: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = done();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(why());
    await new Promise((r) => setTimeout(r, 25));
  }
}

let panes = 0;
export function start(
  args: readonly string[],
  options: { columns?: number; rows?: number; env?: Record<string, string>; cwd?: string; bin?: string } = {},
): Pane {
  const name = `p${++panes}`;
  const code = join(dir, `${name}.code`);
  const stty = join(dir, `${name}.stty`);
  const pidFile = join(dir, `${name}.pid`);
  // CI=true in the test's environment would (rightly) make reprotree refuse; a pane is a terminal.
  const env = Object.entries({ TERM: 'xterm-256color', ...options.env }).map(([k, v]) => `${k}=${quote(v)}`);
  const program = `echo $$ > ${quote(pidFile)}; exec ${quote(process.execPath)} ${quote(options.bin ?? BIN)} ${args.map(quote).join(' ')}`;
  const command =
    `cd ${quote(options.cwd ?? ROOT)} && env -u CI -u CONTINUOUS_INTEGRATION -u NO_COLOR -u FORCE_COLOR ${env.join(' ')} ` +
    `sh -c ${quote(program)}; echo $? > ${quote(code)}; stty -a > ${quote(stty)}; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', String(options.columns ?? 80), '-y', String(options.rows ?? 24), command);
  const screen = () => tmux('capture-pane', '-p', '-J', '-t', name);
  return {
    screen,
    styledScreen: () => tmux('capture-pane', '-p', '-e', '-t', name),
    history: () => flat(tmux('capture-pane', '-p', '-J', '-S', '-', '-t', name)),
    waitFor: (text, timeoutMs = 15_000) =>
      until(
        () => {
          const s = screen();
          return (typeof text === 'string' ? flat(s).includes(flat(text)) : text.test(s)) ? s : undefined;
        },
        timeoutMs,
        () => `the pane never showed ${String(text)}; it shows:\n${screen()}`,
      ),
    async keys(...keys) {
      for (const k of keys) tmux('send-keys', '-t', name, k);
    },
    // The pane's shell writes the terminal's settings once the program has exited.
    exitCode: (timeoutMs = 15_000) =>
      until(
        () => (existsSync(stty) && readFileSync(stty, 'utf8') !== '' ? Number(readFileSync(code, 'utf8').trim()) : undefined),
        timeoutMs,
        () => `the program did not exit; the pane shows:\n${screen()}`,
      ),
    stty: () => readFileSync(stty, 'utf8'),
    pid: () => Number(readFileSync(pidFile, 'utf8').trim()),
    resize: (columns, rows) => void tmux('resize-window', '-t', name, '-x', String(columns), '-y', String(rows)),
  };
}
