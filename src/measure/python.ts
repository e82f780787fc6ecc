/**
 * Finding the Python that makes the trackers' virtual environments: `--python PATH`, else
 * $REPROTREE_PYTHON, else python3 or python on PATH. It must be 3.10 or newer and have `venv` and
 * `ensurepip` (Debian ships both in python3-venv, apart from python3 itself). Anything else is one
 * sentence for the user and exit 2; nothing is installed before this is settled.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';

export const MIN_PYTHON: readonly [number, number] = [3, 10];

export interface Python {
  /** The command as given or found on PATH: what make-venv.sh is told to use. */
  readonly command: string;
  readonly version: string;
}

/** Asks the interpreter for its version and whether venv and ensurepip import; one JSON line. */
const PROBE_CODE = [
  'import importlib.util as u, json, sys',
  'print(json.dumps({"version": list(sys.version_info[:3]), "venv": u.find_spec("venv") is not None, "ensurepip": u.find_spec("ensurepip") is not None}))',
].join('\n');

const INSTALL_HINT = 'install Python 3.10 or newer with venv (on Debian or Ubuntu: apt-get install python3 python3-venv)';
const NAME_HINT = 'or name one with --python PATH or REPROTREE_PYTHON';

interface Answer {
  readonly version: readonly number[];
  readonly venv: boolean;
  readonly ensurepip: boolean;
}

type Asked = { readonly answer: Answer } | { readonly missing: true } | { readonly broken: string };

function ask(command: string, env: NodeJS.ProcessEnv): Asked {
  const r = spawnSync(command, ['-c', PROBE_CODE], { encoding: 'utf8', env, timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { missing: true };
  if (code === 'EACCES') return { broken: 'it cannot be run (permission denied)' };
  if (r.error) return { broken: `it could not be run (${code ?? r.error.message})` };
  try {
    const answer = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Answer;
    if (Array.isArray(answer.version) && answer.version.every((n) => typeof n === 'number')) return { answer };
  } catch {
    // Python 2 (a syntax error above), or not Python at all: said below.
  }
  const said = (r.stderr || r.stdout).trim().split('\n').pop()?.slice(0, 120);
  return { broken: `it did not answer as Python 3 does${said ? ` (it said: ${said})` : ''}` };
}

function atLeast(version: readonly number[], min: readonly number[]): boolean {
  const [a = 0, b = 0] = version;
  return a > min[0]! || (a === min[0] && b >= min[1]!);
}

/** The Python to use, or a UserError saying what is missing and what to do. */
export function findPython(given: string | undefined, env: NodeJS.ProcessEnv = process.env): Python {
  const named = given ?? (env.REPROTREE_PYTHON || undefined);
  const where = given !== undefined ? `--python ${given}` : `REPROTREE_PYTHON=${named}`;
  const candidates = named !== undefined ? [named] : ['python3', 'python'];
  let tooOld: string | undefined;
  for (const command of candidates) {
    const asked = ask(command, env);
    if ('missing' in asked) {
      if (named !== undefined) throw new UserError(`${where}: no such program; ${INSTALL_HINT}, and name its path.`);
      continue;
    }
    if ('broken' in asked) {
      if (named !== undefined) throw new UserError(`${where}: ${asked.broken}; name a Python 3.10 or newer interpreter.`);
      continue;
    }
    const { version, venv, ensurepip } = asked.answer;
    const text = version.join('.');
    if (!atLeast(version, MIN_PYTHON)) {
      if (named !== undefined) throw new UserError(`${where} is Python ${text}, and reprotree measure needs 3.10 or newer; ${INSTALL_HINT}.`);
      tooOld ??= `${command} is Python ${text}`;
      continue;
    }
    if (!venv || !ensurepip) {
      const lacks = !venv ? 'venv' : 'ensurepip';
      throw new UserError(
        `${named !== undefined ? where : command} (Python ${text}) has no ${lacks} module, which makes the trackers' environments; install it (on Debian or Ubuntu: apt-get install python3-venv) ${NAME_HINT}.`,
      );
    }
    // A relative path would mean something else in the probes' folder, where they run.
    return { command: command.includes('/') ? resolve(command) : command, version: text };
  }
  if (tooOld !== undefined) throw new UserError(`${tooOld}, and reprotree measure needs 3.10 or newer; ${INSTALL_HINT}, ${NAME_HINT}.`);
  throw new UserError(`reprotree measure needs Python 3.10 or newer, and there is no python3 or python on PATH; ${INSTALL_HINT}, ${NAME_HINT}.`);
}

/**
 * The interpreter the python-312 fact is measured with: `--python312 PATH`, else
 * $REPROTREE_PYTHON312, else python3.12 on PATH when it answers (a pyenv shim for a version that
 * is not active does not). Named but unusable is the user's to fix (exit 2); not found is a fact
 * left unmeasured, which the measurement file says, not an error: most machines have one Python.
 */
export function findPython312(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = given ?? (env.REPROTREE_PYTHON312 || undefined);
  const where = given !== undefined ? `--python312 ${given}` : `REPROTREE_PYTHON312=${named}`;
  const command = named ?? 'python3.12';
  const asked = ask(command, env);
  if ('answer' in asked && atLeast(asked.answer.version, [3, 12]) && asked.answer.venv && asked.answer.ensurepip) {
    // An absolute path: the probe runs it from the tracker's project folder.
    return command.includes('/') ? resolve(command) : command;
  }
  if (named === undefined) return undefined;
  if ('missing' in asked) throw new UserError(`${where}: no such program; name a Python 3.12 or newer interpreter, or leave the option out.`);
  if ('broken' in asked) throw new UserError(`${where}: ${asked.broken}; name a Python 3.12 or newer interpreter.`);
  const text = asked.answer.version.join('.');
  if (!atLeast(asked.answer.version, [3, 12])) throw new UserError(`${where} is Python ${text}; the python-312 fact needs 3.12 or newer.`);
  throw new UserError(`${where} has no venv or ensurepip module; install them (python3.12-venv on Debian or Ubuntu), or name another.`);
}
