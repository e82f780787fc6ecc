/** The status line: redrawn in place in a terminal, cut to fit, erased at the end; plain lines elsewhere. */
import { describe, expect, it } from 'vitest';
import { createProgress, elapsed } from '../../src/measure/progress.js';

function terminal(columns: number, isTTY = true) {
  let written = '';
  return { stream: { isTTY, columns, write: (s: string) => (written += s) }, written: () => written };
}
const ascii = (s: string) => s.replace(/·/g, '-').replace(/…/g, '...');

describe('progress', () => {
  it('in a terminal redraws one line with carriage return and erase, hides the cursor and shows it again', () => {
    const t = terminal(80);
    const p = createProgress(
      t.stream,
      (s) => s,
      () => 0,
      {},
    );
    p.status('mlflow · init · repetition 1/30');
    p.status('mlflow · init · repetition 2/30');
    p.line('mlflow: environment made');
    p.close();
    const out = t.written();
    expect(out.startsWith('\u001b[?25l\r\u001b[Kmlflow · init · repetition 1/30 · 0s')).toBe(true);
    expect(out).toContain('\r\u001b[Kmlflow · init · repetition 2/30 · 0s');
    expect(out).toContain('\r\u001b[Kmlflow: environment made\n');
    expect(out.endsWith('\r\u001b[K\u001b[?25h')).toBe(true);
    // Nothing else: no newline of the status line's own, no clearing of the screen or scrollback.
    expect(out.replace(/\u001b\[\?25[lh]|\r\u001b\[K/g, '')).not.toMatch(/\u001b/);
    expect(out.split('\n')).toHaveLength(2);
  });

  it('cuts the status line to the terminal, ASCII ellipsis included', () => {
    const t = terminal(30);
    const p = createProgress(t.stream, ascii, () => 65_000, {});
    p.status('a-tracker-with-a-long-name · autolog · repetition 12/30');
    p.close();
    const line = t.written().split('\r\u001b[K')[1]!;
    expect(line.length).toBe(29);
    expect(line.endsWith('...')).toBe(true);
  });

  it('off a terminal, or with TERM=dumb, writes a plain line per new status, without escapes', () => {
    for (const [t, env] of [
      [terminal(80, false), {}],
      [terminal(80, true), { TERM: 'dumb' }],
    ] as const) {
      // The clock: the start, then 2 min 5 s later.
      let calls = 0;
      const p = createProgress(
        t.stream,
        (s) => s,
        () => (calls++ === 0 ? 0 : 125_000),
        env,
      );
      p.status('mlflow · init');
      p.status('mlflow · init');
      p.line('a note');
      p.close();
      expect(t.written()).toBe('reprotree measure: mlflow · init (2m05s)\na note\n');
    }
  });

  it('says elapsed time the short way', () => {
    expect([elapsed(999), elapsed(61_000), elapsed(3_725_000)]).toEqual(['0s', '1m01s', '1h02m']);
  });
});
