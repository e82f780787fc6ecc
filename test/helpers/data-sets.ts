/**
 * A copy of the built program without its 2026 data set: bin/, dist/ and the study in a scratch
 * folder, as an install that lacks data/trackers-2026.yaml would be. What reprotree says when a
 * bundled data set is missing is tested on it; everything else uses the data this checkout ships.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './fixtures.js';

let copied: string | undefined;

/** The launcher of a program copy that has the study but no trackers-2026 data set. */
export function binWithoutData(): string {
  if (copied === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'reprotree-no-2026-'));
    for (const part of ['bin', 'dist', 'criteria.yaml', 'package.json', 'schema']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    copied = join(dir, 'bin/reprotree.js');
  }
  return copied;
}

/** The 2026 data set's raw measurements, from the top of the repository. */
export const RAW_2026 = join(ROOT, 'data/measured-2026');
