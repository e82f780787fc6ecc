/**
 * The built program with a trackers-2026 data set, before the real one is measured: a copy of
 * bin/, dist/ and the bundled files in a scratch folder, with the development fixture
 * (test/fixtures/measured-dev/, labelled as development data) as its data/trackers-2026.yaml.
 * The build saw no such file, so the copy loads it as a user's newly installed data would be
 * loaded without a snapshot: parsed, which is what "works the moment it appears" needs.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT } from './fixtures.js';

/** The development data set's criteria file, generated from its raw files by scripts/make-data-set.js. */
export const DEV_DATA_SET = join(FIXTURES, 'measured-dev/trackers-2026.yaml');
/** Its raw measurement files. */
export const DEV_RAW = join(FIXTURES, 'measured-dev/raw');

let copied: string | undefined;

/** The launcher of a program copy whose trackers-2026 is the development fixture. */
export function binWithDevData(): string {
  if (copied === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'reprotree-data-sets-'));
    for (const part of ['bin', 'dist', 'criteria.yaml', 'package.json', 'schema']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    mkdirSync(join(dir, 'data'));
    cpSync(DEV_DATA_SET, join(dir, 'data/trackers-2026.yaml'));
    copied = join(dir, 'bin/reprotree.js');
  }
  return copied;
}
