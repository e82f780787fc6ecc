/**
 * The tools of the format check: a walk that collects one sentence per problem, each naming the
 * file and the JSON path (`study.json: records[3].samples must be a list of measurements, not the
 * text "12".`), and the error that reports them all at once, so a file is fixed in one round.
 */
import { didYouMean, printable, UserError } from '../errors.js';
import { CONTROL, DATE, ID, MAX_TEXT } from './format.js';

/** Most problems listed; past this the rest are counted, so a broken file cannot flood stderr. */
const MAX_LISTED = 20;

/** A measurement file or directory that cannot be used; the message lists every problem. */
export class MeasurementError extends UserError {
  constructor(readonly problems: readonly string[]) {
    // Each problem quotes a path or a value from the user: shown with its control characters escaped.
    const shown = problems.slice(0, MAX_LISTED).map(printable);
    if (problems.length > MAX_LISTED) shown.push(`… and ${problems.length - MAX_LISTED} more problems; fix these first.`);
    super(shown.join('\n'));
    this.name = 'MeasurementError';
  }
}

/** `records[3].samples`, `trackers["odd key"]`. */
export function pathOf(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(shorten(key, 40))}]`;
}

export function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** What the file has instead of what it should: ", not the text "abc"". */
export function found(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the text ${JSON.stringify(shorten(v, 30)).replace(CONTROL_GLOBAL, '?')}`;
  return String(v);
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose.
const CONTROL_GLOBAL = /[\u0000-\u001f\u007f-\u009f]/g;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The validation walk over one parsed file. */
export class Check {
  readonly problems: string[] = [];

  constructor(readonly file: string) {}

  fail(path: string, text: string): undefined {
    this.problems.push(`${this.file}: ${path} ${text}`);
    return undefined;
  }

  /** An object's known fields; unknown ones are reported (with a likely spelling). */
  object(v: unknown, path: string, known: readonly string[], what = 'an object ({…})'): Map<string, unknown> | undefined {
    if (v === undefined) return undefined; // missing: `required` has said so
    if (!isObject(v)) return this.fail(path, `must be ${what}, not ${found(v)}.`);
    const out = new Map<string, unknown>();
    for (const key of Object.keys(v)) {
      if (!known.includes(key)) this.fail(pathOf(path, key), `is not a field the format knows.${didYouMean(key, known)}`);
      else out.set(key, v[key]);
    }
    return out;
  }

  /** An object whose keys are ids (trackers, machines, environments) or items. */
  entries(v: unknown, path: string, key: RegExp | readonly string[], keyText: string): [string, unknown][] | undefined {
    if (v === undefined) return undefined; // missing: `required` has said so
    if (!isObject(v)) return this.fail(path, `must be an object ({…}), not ${found(v)}.`);
    const out: [string, unknown][] = [];
    for (const k of Object.keys(v)) {
      const ok = Array.isArray(key) ? key.includes(k) : (key as RegExp).test(k);
      if (!ok) {
        const hint = Array.isArray(key) ? didYouMean(k, key) : '';
        this.fail(pathOf(path, k), `is not ${keyText}.${hint}`);
      } else out.push([k, v[k]]);
    }
    return out;
  }

  required(fields: Map<string, unknown>, path: string, key: string, what: string): unknown {
    if (!fields.has(key)) return this.fail(path, `has no "${key}" (${what}).`);
    return fields.get(key);
  }

  /** Text for people: names, labels, reasons. No control characters: it reaches terminals. */
  text(v: unknown, path: string, max = MAX_TEXT): string | undefined {
    if (v === undefined) return undefined; // missing: `required` has said so
    if (typeof v !== 'string') return this.fail(path, `must be text, not ${found(v)}.`);
    if (v.trim() === '') return this.fail(path, 'is empty; write something or leave the field out.');
    if (v.length > max) return this.fail(path, `is ${v.length} characters long, more than the ${max} allowed.`);
    if (CONTROL.test(v)) return this.fail(path, 'contains a control character; use plain text.');
    return v;
  }

  /** Raw output or an error message from a program: kept as it is (cleaned where it is shown). */
  output(v: unknown, path: string, maxBytes: number): string | undefined {
    if (v === undefined) return undefined; // missing: `required` has said so
    if (typeof v !== 'string') return this.fail(path, `must be text, not ${found(v)}.`);
    const bytes = Buffer.byteLength(v, 'utf8');
    if (bytes > maxBytes) return this.fail(path, `is ${bytes} bytes of UTF-8, more than the ${maxBytes} allowed; cut it.`);
    return v;
  }

  id(v: unknown, path: string, pattern = ID): string | undefined {
    if (v === undefined) return undefined; // missing: `required` has said so
    if (typeof v !== 'string') return this.fail(path, `must be an id, not ${found(v)}.`);
    if (!pattern.test(v)) return this.fail(path, `${JSON.stringify(shorten(v, 40))} is not a valid id: ${idRule(pattern)}.`);
    return v;
  }

  oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T | undefined {
    if (v === undefined) return undefined; // missing: `required` has said so
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    const list = values.map((x) => JSON.stringify(x)).join(', ');
    const hint = typeof v === 'string' ? didYouMean(v, values) : '';
    return this.fail(path, `must be one of ${list}, not ${found(v)}.${hint}`);
  }

  number(v: unknown, path: string, opts: { min?: number; integer?: boolean; what?: string } = {}): number | undefined {
    if (v === undefined) return undefined; // missing: `required` has said so
    const what = opts.what ?? (opts.integer ? 'a whole number' : 'a number');
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(path, `must be ${what}, not ${found(v)}.`);
    if (opts.integer && !Number.isInteger(v)) return this.fail(path, `must be ${what}, not ${v}.`);
    if (opts.min !== undefined && v < opts.min) return this.fail(path, `must be at least ${opts.min}, not ${v}.`);
    return v;
  }

  list(v: unknown, path: string, max: number, what: string): unknown[] | undefined {
    if (v === undefined) return undefined; // missing: `required` has said so
    if (!Array.isArray(v)) return this.fail(path, `must be a list of ${what}, not ${found(v)}.`);
    if (v.length > max) return this.fail(path, `has ${v.length} entries, more than the ${max} allowed.`);
    return v;
  }

  date(v: unknown, path: string): string | undefined {
    if (v === undefined) return undefined; // missing: `required` has said so
    if (typeof v !== 'string') return this.fail(path, `must be a date such as "2026-11-27T10:00:00Z", not ${found(v)}.`);
    if (!DATE.test(v) || Number.isNaN(Date.parse(v))) {
      return this.fail(path, `${JSON.stringify(shorten(v, 40))} is not a date such as "2026-11-27T10:00:00Z" (ISO 8601).`);
    }
    return v;
  }

  optional<T>(fields: Map<string, unknown>, key: string, path: string, read: (v: unknown, path: string) => T | undefined): T | undefined {
    return fields.has(key) ? read(fields.get(key), pathOf(path, key)) : undefined;
  }
}

function idRule(pattern: RegExp): string {
  return pattern === ID
    ? "use lowercase letters, digits and '-', starting with a letter, at most 40 characters"
    : "use letters, digits, '.', '_' and '-' (not first), at most 64 characters";
}
