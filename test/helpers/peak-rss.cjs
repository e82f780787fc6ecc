// Preloaded with `node --require` into a reprotree run: at exit, writes the process's peak
// resident memory (kilobytes) to the file named by REPROTREE_TEST_PEAK_RSS, so a test can bound it.
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.REPROTREE_TEST_PEAK_RSS, String(process.resourceUsage().maxRSS));
});
