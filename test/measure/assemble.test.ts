/** Records built from the probes' samples, as measure/README.md says the probes build them. */
import { describe, expect, it } from 'vitest';
import { componentRecords, cut, joinOutputs } from '../../src/measure/assemble.js';
import type { Placed, Sample } from '../../src/measure/assemble.js';
import { parseMeasurementFile } from '../../src/measure/parse.js';

function sample(wall: number | null, extra: Partial<Sample> = {}): Sample {
  return {
    status: wall === null ? 'failed' : 'ok',
    wall_s: wall,
    peak_mib: wall === null ? null : 100 + wall,
    increment_mib: wall === null ? null : 10,
    started: '2026-11-27T10:00:00.000Z',
    finished: '2026-11-27T10:00:02.000Z',
    stdout: '',
    stderr: wall === null ? 'Traceback' : '',
    error: wall === null ? 'the component script stopped' : null,
    ...extra,
  };
}

const placed = (samples: Sample[]): Placed[] => samples.map((s, i) => ({ repetition: i + 1, position: i + 1, of: 3, seed: 5, sample: s }));

describe('runtime and memory records from samples', () => {
  it('keeps finished samples in samples, the others in failures, and counts both', () => {
    const [runtime, memory] = componentRecords('mlflow', 'init', placed([sample(1.5), sample(null), sample(1.7)]), 'abc123');
    expect(runtime).toMatchObject({
      experiment: 'runtime',
      tracker: 'mlflow',
      status: 'ok',
      repetitions: 3,
      unit: 's',
      component: 'init',
      machine: 'abc123',
      samples: [1.5, 1.7],
      failures: [{ repetition: 2, error: 'the component script stopped' }],
      stderr: '--- repetition 2 ---\nTraceback',
    });
    expect(memory).toMatchObject({
      experiment: 'memory',
      unit: 'MiB',
      samples: [
        { peak: 101.5, increment: 10 },
        { peak: 101.7, increment: 10 },
      ],
    });
    // The reader takes them as they are.
    const file = {
      format: 'reprotree-measurements/1',
      data_set: 'measured-2026',
      trackers: { mlflow: { name: 'MLflow', version: '3', status: 'ok' } },
      records: [runtime, memory],
    };
    expect(parseMeasurementFile(JSON.stringify(file), 'x.json').records).toHaveLength(2);
  });

  it('is failed, with the first error, when no repetition finished', () => {
    const [runtime] = componentRecords('mlflow', 'init', placed([sample(null), sample(null)]), undefined);
    expect(runtime).toMatchObject({ status: 'failed', error: 'the component script stopped', repetitions: 2 });
    expect(runtime).not.toHaveProperty('samples');
  });
});

describe('probe output in a record', () => {
  it('is cut to 64 KiB of UTF-8, the note on what was cut included', () => {
    const long = 'é'.repeat(40_000);
    const out = cut(long);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(65_536);
    expect(out).toMatch(/\[cut: the output went on for \d+ more bytes\]$/);
    expect(out).not.toContain('\uFFFD');
    expect(cut('short')).toBe('short');
  });

  it('joins the repetitions under their numbers, leaving out the silent ones', () => {
    expect(joinOutputs(['a', '', 'c'])).toBe('--- repetition 1 ---\na\n--- repetition 3 ---\nc');
  });
});
