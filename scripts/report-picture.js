#!/usr/bin/env node
// Makes the README's picture of the HTML report, docs/report.png: `reprotree report` for a data
// set, opened in headless Chromium (Debian's chromium) through the test helper that drives it, and
// the run time section captured at a desktop width. Needs a build (npm run build) and Chromium.
// Usage: node scripts/report-picture.js [DATA] [OUT]   (defaults: study-2021, docs/report.png)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const [data = 'study-2021', out = join(root, 'docs/report.png')] = process.argv.slice(2);
const WIDTH = 960;
const HEIGHT = 720;

const dir = mkdtempSync(join(tmpdir(), 'reprotree-picture-'));
try {
  const page = join(dir, 'report.html');
  writeFileSync(page, execFileSync(process.execPath, [join(root, 'bin/reprotree.js'), 'report', '--data', data], { maxBuffer: 64 * 1024 * 1024 }));
  // The helper is TypeScript; bundled here so that this script runs on plain Node.
  const helper = join(dir, 'chromium.mjs');
  await build({
    entryPoints: [join(root, 'test/helpers/chromium.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: helper,
    logLevel: 'warning',
  });
  const { Browser } = await import(pathToFileURL(helper).href);
  const browser = await Browser.launch();
  try {
    const tab = await browser.newPage();
    await tab.emulate({ width: WIDTH, height: HEIGHT });
    await tab.open(pathToFileURL(page).href);
    const top = await tab.evaluate("Math.round(document.querySelector('#runtime').getBoundingClientRect().top + scrollY)");
    const shot = await tab.send('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: top, width: WIDTH, height: HEIGHT, scale: 1 },
    });
    writeFileSync(out, Buffer.from(shot.data, 'base64'));
    console.log(`${out}: the run time section of \`reprotree report --data ${data}\`, ${WIDTH}×${HEIGHT}`);
  } finally {
    await browser.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
