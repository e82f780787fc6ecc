/**
 * Programs in a real pseudo-terminal: a tmux pane on a tmux server of the tests' own, with the
 * exit code, the terminal's settings after exit and (optionally) the process id recorded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  /** Whether the pane shows its cursor. */
  cursorVisible(): boolean;
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

/** Waits until `screen()` shows `text` (wrapping aside) or matches it; returns that screen. */
function waiter(screen: () => string): (text: string | RegExp, timeoutMs?: number) => Promise<string> {
  return (text, timeoutMs = 15_000) =>
    until(
      () => {
        const s = screen();
        return (typeof text === 'string' ? flat(s).includes(flat(text)) : text.test(s)) ? s : undefined;
      },
      timeoutMs,
      () => `the pane never showed ${String(text)}; it shows:\n${screen()}`,
    );
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
    waitFor: waiter(screen),
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
    cursorVisible: () => tmux('display-message', '-p', '-t', name, '#{cursor_flag}').trim() === '1',
  };
}

/**
 * An interactive shell in a pane, where a test types command lines as a person would: `reprotree`
 * is on its PATH, `set -o pipefail` makes a pipeline's status its first failure, and after each
 * command the prompt hook records the exit status and `stty -a` (before the shell's line editor
 * touches the terminal). Everything written to the pane is also logged raw (tmux pipe-pane), so a
 * test can look for escape codes that leave no trace on the screen, such as clearing scrollback.
 */
export interface Shell {
  /** Types a line and Enter: a command (`exited()` waits for it to finish), or a reply to a prompt. */
  type(line: string): Promise<void>;
  /** Sends tmux key names (Enter, Escape, C-c, C-z, Down…) or, with `literal`, raw text. */
  keys(...keys: string[]): Promise<void>;
  literal(text: string): Promise<void>;
  /** The visible screen, wrapped lines joined. */
  screen(): string;
  /** The scrollback and the screen, line by line, wrapped lines joined. */
  lines(): string[];
  /** Everything written to the pane since it opened, escape codes included. */
  output(): string;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Waits for the prompt after the last command typed; its exit status. */
  exited(timeoutMs?: number): Promise<number>;
  /** `stty -a` as the last command left the terminal. */
  stty(): string;
  /** Whether the pane shows its cursor. */
  cursorVisible(): boolean;
  resize(columns: number, rows: number): void;
  /** A file in the shell's working folder (its own scratch folder). */
  file(name: string): string;
  /** The process id of the command the shell is running (its one child). */
  commandPid(): number;
}

let shells = 0;
export async function openShell(options: { columns?: number; rows?: number; env?: Record<string, string> } = {}): Promise<Shell> {
  const name = `s${++shells}`;
  const home = mkdtempSync(join(dir, `${name}-`));
  const status = join(home, '.status');
  const sttyFile = join(home, '.stty');
  const log = join(home, '.output');
  mkdirSync(join(home, '.bin'));
  writeFileSync(join(home, '.bin/reprotree'), `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(BIN)} "$@"\n`, { mode: 0o755 });
  writeFileSync(
    join(home, '.rc'),
    [
      "PS1='$ '",
      'HISTFILE=/dev/null',
      'set -o pipefail',
      `PATH=${quote(join(home, '.bin'))}:$PATH`,
      `PROMPT_COMMAND='__s=$?; __n=$((__n+1)); stty -a > ${sttyFile}; echo "$__n $__s" > ${status}'`,
      '',
    ].join('\n'),
  );
  const env = Object.entries({ TERM: 'xterm-256color', ...options.env }).map(([k, v]) => `${k}=${quote(v)}`);
  const command = `cd ${quote(home)} && env -u CI -u CONTINUOUS_INTEGRATION -u NO_COLOR -u FORCE_COLOR ${env.join(' ')} bash --noprofile --rcfile ${quote(join(home, '.rc'))} -i`;
  tmux('new-session', '-d', '-s', name, '-x', String(options.columns ?? 80), '-y', String(options.rows ?? 24), command);
  tmux('pipe-pane', '-o', '-t', name, `cat >> ${quote(log)}`);
  const read = (): [number, number] | undefined => {
    if (!existsSync(status)) return undefined;
    const [n, code] = readFileSync(status, 'utf8').trim().split(' ').map(Number);
    return n === undefined || code === undefined || Number.isNaN(n) ? undefined : [n, code];
  };
  await until(read, 15_000, () => `the shell never showed its prompt:\n${tmux('capture-pane', '-p', '-t', name)}`);
  let typed = read()![0];
  const screen = () => tmux('capture-pane', '-p', '-J', '-t', name);
  return {
    async type(line) {
      typed = read()![0];
      tmux('send-keys', '-t', name, '-l', line);
      tmux('send-keys', '-t', name, 'Enter');
    },
    async keys(...keys) {
      for (const k of keys) tmux('send-keys', '-t', name, k);
    },
    async literal(text) {
      tmux('send-keys', '-t', name, '-l', text);
    },
    screen,
    lines: () => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', name).split('\n'),
    output: () => (existsSync(log) ? readFileSync(log, 'latin1') : ''),
    waitFor: waiter(screen),
    exited: (timeoutMs = 15_000) =>
      until(
        () => {
          const s = read();
          return s && s[0] > typed ? s[1] : undefined;
        },
        timeoutMs,
        () => `the command did not finish; the pane shows:\n${screen()}`,
      ),
    stty: () => readFileSync(sttyFile, 'utf8'),
    cursorVisible: () => tmux('display-message', '-p', '-t', name, '#{cursor_flag}').trim() === '1',
    resize: (columns, rows) => void tmux('resize-window', '-t', name, '-x', String(columns), '-y', String(rows)),
    file: (f) => join(home, f),
    commandPid() {
      const shellPid = tmux('display-message', '-p', '-t', name, '#{pane_pid}').trim();
      const children = execFileSync('ps', ['-o', 'pid=', '--ppid', shellPid], { encoding: 'utf8' }).trim().split(/\s+/);
      if (children.length !== 1 || children[0] === '') throw new Error(`the shell runs ${children.length} commands, not one`);
      return Number(children[0]);
    },
  };
}

/**
 * Line mode on the figure-1 tree, from its first question to the end: auto-logging does not
 * matter, lines of code does; then no to the offer of more questions (a majority leaf) and
 * Enter to the offer to save the answers.
 */
export async function lineModeWalk(sh: Shell): Promise<void> {
  await sh.type('2');
  await sh.waitFor('Question 2');
  await sh.type('1');
  await sh.waitFor('Ask them? 1 yes, 2 no');
  await sh.type('2');
  await sh.waitFor('Save your answers');
  await sh.type('');
}

/** Whether the terminal settings `stty -a` printed are cooked: line editing and echo on. */
export const cooked = (stty: string) => /(^|\s)icanon(\s|;|$)/m.test(stty) && /(^|\s)echo(\s|;|$)/m.test(stty);
