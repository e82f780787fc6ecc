/** The README shows what the tool does: its samples are the tool's output, its tables its data. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';
import { study } from '../helpers/study.js';
import { drive } from '../tui/harness.js';

const readme = readFileSync(`${ROOT}README.md`, 'utf8');

/** The text of the fenced block that starts right after `marker` (a line of its own). */
function blockAfter(marker: string): string {
  const at = readme.indexOf(`${marker}\n\`\`\`text\n`);
  if (at < 0) throw new Error(`the README has no text block after ${marker}`);
  const start = readme.indexOf('\n', readme.indexOf('```text', at)) + 1;
  return readme.slice(start, readme.indexOf('\n```\n', start) + 1);
}

describe('the README', () => {
  it('shows the scripted output as the tool prints it', () => {
    const block = readme.slice(readme.indexOf('$ reprotree --important auto-logging,keras\n'));
    const shown = block.slice(block.indexOf('\n') + 1, block.indexOf('\n```\n') + 1);
    expect(shown).toBe(run(['--important', 'auto-logging,keras']).stdout);
  });

  it('shows the result screen as the questionnaire draws it', async () => {
    // The whole screen, what would change the answer included, with no need to scroll.
    const app = await drive({ tree: 'full', size: { columns: 80, rows: 40 } });
    await app.press('1', '2', '1');
    const frame = app
      .frame()
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n');
    expect(frame).not.toContain('for more');
    expect(blockAfter('<!-- screen: reprotree, keys 1 2 1, 80 columns, 40 rows -->').trimEnd()).toBe(frame.trimEnd());
  });

  it('lists every criterion id of the bundled study, one line each', () => {
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| [^|]+ \|$/gm)].map((m) => m[1]);
    const ids = study().criteria.map((c) => c.id);
    expect(rows.filter((r) => ids.includes(r!))).toEqual(ids);
  });
});
