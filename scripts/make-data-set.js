#!/usr/bin/env node
// Writes a bundled data set's criteria file from its raw measurements, with the scoring code of
// src/measure (rescore): `node scripts/make-data-set.js trackers-2026` reads data/measured-2026/
// and writes data/trackers-2026.yaml, its data section named trackers-2026. A test rescoring the
// committed raw files checks that the committed file is exactly what this writes.
//
// Usage: node scripts/make-data-set.js NAME [--raw PATH] [--out FILE]
//   --raw PATH   other raw measurements (a file or a folder), named in the file as given
//   --out FILE   write there instead ('-': standard output)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importSource } from './import-source.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { positionals, values } = parseArgs({ allowPositionals: true, options: { raw: { type: 'string' }, out: { type: 'string' } } });
const [name] = positionals;

const { rescore, DATA_SET_FILES } = await importSource(
  "export { rescore } from './src/measure/rescore.ts'; export { DATA_SET_FILES } from './src/paths.ts';",
);
const files = DATA_SET_FILES[name];
if (!files) {
  console.error(`make-data-set: name one of ${Object.keys(DATA_SET_FILES).join(', ')}`);
  process.exit(2);
}
// Paths from the top of the repository, as the data section names them.
process.chdir(root);
const raw = values.raw ?? files.measurements;
const result = rescore(raw, { name, raw });
for (const note of result.notes) console.error(`note: ${note}`);
const target = values.out ?? files.criteria;
if (target === '-') process.stdout.write(result.yamlText);
else {
  writeFileSync(target, result.yamlText);
  console.error(`make-data-set: wrote ${target}`);
}
