/**
 * Every picture format for the study's three trees, with and without a path, as committed
 * snapshots (review a change to a picture by rendering the snapshot), plus the properties a
 * snapshot cannot promise for every input: widths, markers, colours, self-containment.
 */
import { describe, expect, it } from 'vitest';
import { walk } from '../../src/advice/advise.js';
import { parseAnswers } from '../../src/commands/answers.js';
import { fitTree } from '../../src/advice/model.js';
import type { FittedTree } from '../../src/advice/model.js';
import { isImportant } from '../../src/cart/profiles.js';
import { renderDot } from '../../src/render/dot.js';
import { renderMermaid } from '../../src/render/mermaid.js';
import { classColors, PATH_COLOR } from '../../src/render/palette.js';
import { createStyle } from '../../src/render/style.js';
import { renderSvg, textWidth } from '../../src/render/svg.js';
import { displayWidth, stripAnsi } from '../../src/render/terminal-text.js';
import { renderTreeText } from '../../src/render/tree-text.js';
import { loadDataSet } from '../../src/study/load.js';
import { renamed } from '../helpers/study.js';

// As users get it by default: the bundled study, which the pictures name as their source.
const study = await loadDataSet('study-2021');
const plain = createStyle(false);
const colour = createStyle(true);

/** Per tree, answers whose path goes somewhere worth seeing (Figure 1's: the one W&B case). */
const CASES = [
  { name: 'figure-1', important: 'memory' },
  { name: 'figure-2', important: 'collaboration' },
  { name: 'full', important: 'auto-logging,runtime,memory' },
] as const;

const snap = (file: string) => `./__snapshots__/${file}`;
const ANSI = /\u001b\[[0-9;]*m/;

describe.each(CASES)('$name', ({ name, important }) => {
  const fitted = fitTree(study, name);
  const answers = parseAnswers(study, important);

  it('text', async () => {
    await expect(renderTreeText(fitted, { style: plain, width: 80 })).toMatchFileSnapshot(snap(`${name}.txt`));
    await expect(renderTreeText(fitted, { style: plain, width: 80, answers })).toMatchFileSnapshot(snap(`${name}.path.txt`));
    await expect(renderTreeText(fitted, { style: colour, width: 80, answers })).toMatchFileSnapshot(snap(`${name}.path.ansi`));
  });

  it('mermaid', async () => {
    await expect(renderMermaid(fitted)).toMatchFileSnapshot(snap(`${name}.mmd`));
    await expect(renderMermaid(fitted, { answers })).toMatchFileSnapshot(snap(`${name}.path.mmd`));
  });

  it('dot', async () => {
    await expect(renderDot(fitted)).toMatchFileSnapshot(snap(`${name}.dot`));
    await expect(renderDot(fitted, { answers })).toMatchFileSnapshot(snap(`${name}.path.dot`));
  });

  it('svg', async () => {
    await expect(renderSvg(fitted)).toMatchFileSnapshot(snap(`${name}.svg`));
    await expect(renderSvg(fitted, { answers })).toMatchFileSnapshot(snap(`${name}.path.svg`));
  });
});

const TREES = CASES.map((c) => fitTree(study, c.name));
const profile = (fitted: FittedTree, p: number) => {
  const answers = study.criteria.map(() => false);
  fitted.featureCriteria.forEach((c, f) => {
    answers[c] = isImportant(p, f, fitted.featureCriteria.length);
  });
  return answers;
};

describe('the text tree', () => {
  it('never draws a line wider than it is given, at any width, with or without colour', () => {
    for (const fitted of TREES) {
      for (let width = 12; width <= 120; width++) {
        for (const style of [plain, colour]) {
          for (const answers of [undefined, profile(fitted, 5)]) {
            const lines = renderTreeText(fitted, { style, width, answers }).trimEnd().split('\n');
            // A row per node, and more where a leaf's recommendation runs on rather than be cut.
            expect(lines.length).toBeGreaterThanOrEqual(fitted.tree.nodeCount);
            expect(lines.filter((l) => stripAnsi(l).includes('n=')).length).toBeLessThanOrEqual(fitted.tree.nodeCount);
            for (const line of lines) expect(displayWidth(line), `${fitted.spec.name} at ${width}: ${line}`).toBeLessThanOrEqual(width);
          }
        }
      }
    }
  });

  it('fits Figures 1 and 2 in 80 columns and the full tree in 100 without cutting a label', () => {
    for (const [fitted, width] of [
      [TREES[0]!, 80],
      [TREES[1]!, 80],
      [TREES[2]!, 100],
      [TREES[2]!, 80],
    ] as const) {
      const text = renderTreeText(fitted, { style: plain, width });
      expect(text).not.toContain('…');
      expect(text).toContain('█');
    }
  });

  it('lines up the n= column whatever the names are written in', () => {
    const wide = fitTree(
      renamed({ runtime: '速度 runtime', memory: 'Me\u0301moire 🚀', wandb: 'Aim 🚀 Größe 速度', mlflow: '👨\u200d👩\u200d👧 flow' }),
      'full',
    );
    for (const width of [60, 80, 100]) {
      const lines = renderTreeText(wide, { style: plain, width }).trimEnd().split('\n');
      // Rows with n= (a leaf's recommendation that runs on has none on its extra rows).
      const ends = new Set(lines.filter((l) => l.includes('n=')).map((l) => displayWidth(l)));
      expect(ends, `at ${width}`).toEqual(new Set([Math.max(...ends)]));
      expect(Math.max(...ends)).toBeLessThanOrEqual(width);
      expect(lines.some((l) => l.includes('速度 runtime?'))).toBe(true);
    }
  });

  it('takes a compact layout rather than wrap, and cuts labels only as a last resort', () => {
    const full = TREES[2]!;
    expect(renderTreeText(full, { style: plain, width: 60 })).toMatch(/^│ {2}├─ no: /m);
    expect(renderTreeText(full, { style: plain, width: 40 })).toContain('…');
  });

  it("never cuts a leaf's recommendation at 40 columns: it runs on under itself, without n= or bar", () => {
    for (const fitted of TREES) {
      for (const answers of [undefined, profile(fitted, 5)]) {
        const lines = renderTreeText(fitted, { style: plain, width: 40, answers }).trimEnd().split('\n');
        const leaves = lines.filter((l) => /(?:no|yes): (?:W&B|Guild|MLflow)/.test(l));
        expect(leaves.length).toBeGreaterThan(0);
        for (const l of leaves) expect(l).not.toContain('…');
        const runOn = lines.filter((l) => !/[├└┡┗┠]|n=/.test(l) && l !== lines[0]);
        for (const l of runOn) expect(l).toMatch(/^[│┃ ]+(?:W&B|Guild|MLflow|or|and)\b/);
      }
    }
    expect(renderTreeText(TREES[2]!, { style: plain, width: 40 })).toMatch(/├─ no: W&B,\s*n=1\n[│ ]+Guild or\n[│ ]+MLflow\n/);
  });

  it('marks every step of every path with ▶, one per question asked, without colour', () => {
    for (const fitted of TREES) {
      for (let p = 0; p < 2 ** fitted.featureCriteria.length; p++) {
        const answers = profile(fitted, p);
        const text = renderTreeText(fitted, { style: plain, answers });
        expect(text).not.toMatch(ANSI);
        const marked = text.split('\n').filter((l) => l.includes('▶'));
        const { path, leaf } = walk(fitted, answers);
        expect(marked).toHaveLength(path.length);
        // The last marked line names the leaf the answers reach, on the side they took.
        const last = path[path.length - 1]!;
        expect(marked[marked.length - 1]).toContain(`${last.important ? 'yes' : 'no'}: `);
        expect(fitted.tree.isLeaf(leaf)).toBe(true);
      }
    }
  });

  it('colours only when the style says so, and dims the branches not taken', () => {
    const fitted = TREES[0]!;
    const answers = parseAnswers(study, 'memory');
    expect(renderTreeText(fitted, { style: plain, answers })).not.toMatch(ANSI);
    const lines = renderTreeText(fitted, { style: colour, answers }).split('\n');
    const keras = lines.find((l) => l.includes('Keras deep dive?'))!;
    expect(keras).toContain('\u001b[2m');
    const wandb = lines.find((l) => l.includes('▶') && l.includes('W&B'))!;
    expect(wandb).toContain('\u001b[1m');
  });
});

describe('colours', () => {
  it('give each class of a tree its own colour, and a class the same colour in every tree', () => {
    const byName = new Map<string, string>();
    for (const fitted of TREES) {
      const colors = classColors(fitted);
      expect(new Set(colors).size).toBe(colors.length);
      expect(colors).not.toContain(PATH_COLOR);
      fitted.tree.classes.forEach((c, i) => {
        if (byName.has(c.name)) expect(colors[i]).toBe(byName.get(c.name));
        byName.set(c.name, colors[i]!);
      });
    }
    // Three frameworks make seven possible sets: dtreeviz's seven colours, as in the study.
    expect(byName.get('mlflow')).toBe('#c7e9b4');
  });
});

describe('mermaid', () => {
  it('is a flowchart with one edge per child and the path in the onpath class', () => {
    const fitted = TREES[2]!;
    const answers = parseAnswers(study, 'auto-logging,runtime,memory');
    const text = renderMermaid(fitted, { answers });
    expect(text.startsWith('flowchart TD\n')).toBe(true);
    expect(text.match(/-->\|(no|yes)\|/g)).toHaveLength(fitted.tree.nodeCount - 1);
    const { path, leaf } = walk(fitted, answers);
    expect(text).toContain(
      `  class ${[...path.map((s) => s.node), leaf]
        .sort((a, b) => a - b)
        .map((n) => `n${n}`)
        .join(',')} onpath\n`,
    );
    expect(text.match(/linkStyle ([\d,]+)/)![1]!.split(',')).toHaveLength(path.length);
    // A raw quote or ampersand in a label would break or be read as markup.
    expect(text).not.toMatch(/W&B/);
  });
});

describe('dot', () => {
  it('labels every edge, highlights exactly the path, and names the classes of value', () => {
    const fitted = TREES[0]!;
    const text = renderDot(fitted, { answers: parseAnswers(study, 'memory') });
    expect(text.match(/ -> /g)).toHaveLength(fitted.tree.nodeCount - 1);
    expect(text.match(new RegExp(`color="${PATH_COLOR}", penwidth=3`, 'g'))).toHaveLength(4 + 3);
    for (const name of ['Guild', 'MLflow', 'W&amp;B or MLflow']) expect(text).toContain(`>${name}</td>`);
  });
});

describe('svg', () => {
  const LONG = 'Lines of code you must add to an existing training script before it is tracked';
  const CJK = '自動ロギングと実験の再現性のための記録と共有の仕組み';
  const wide = fitTree(
    renamed({ lines: LONG, 'auto-logging': CJK, wandb: 'Aim 🚀 Größe 速度', guild: 'Tracking reproducible machine learning experiments at scale!' }),
    'figure-1',
  );
  const fromXml = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"');
  /** Every <text>: position, size, anchor and content. */
  const texts = (svg: string) =>
    [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"(?: text-anchor="(\w+)")?[^>]*>([^<]*)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      size: Number(m[3]),
      anchor: m[4] ?? 'start',
      text: fromXml(m[5]!),
    }));

  it('wraps a long criterion onto two lines, cuts it with …, and keeps the whole of it as the tooltip', () => {
    const svg = renderSvg(wide, { answers: parseAnswers(study, 'memory') });
    expect(svg).toContain(`<title>${LONG}</title>`);
    const lines = texts(svg).filter((t) => t.size === 12 && LONG.includes(t.text.replace(/…$/, '')) && t.text.length > 3);
    expect(lines.map((l) => l.text)).toEqual(['Lines of code you must', 'add to an existing trainin…']);
    for (const l of lines) expect(textWidth(l.text, 12)).toBeLessThanOrEqual(170);
  });

  it('breaks Chinese and Japanese between characters, measuring each a full em', () => {
    const svg = renderSvg(wide);
    const lines = texts(svg).filter((t) => t.size === 12 && /[ぁ-ん一-龯]/.test(t.text));
    expect(lines).toHaveLength(2);
    expect(CJK.startsWith(lines[0]!.text + lines[1]!.text.replace(/…$/, ''))).toBe(true);
    expect(textWidth('速度', 12)).toBe(24);
    expect(textWidth('e\u0301', 12)).toBe(textWidth('e', 12));
  });

  it('keeps the labels of a level apart and every text inside the picture', () => {
    const svg = renderSvg(wide, { answers: parseAnswers(study, 'memory') });
    const [, w] = /width="(\d+)"/.exec(svg)!;
    const centred = texts(svg).filter((t) => t.anchor === 'middle' && t.size >= 11);
    const byRow = new Map<number, typeof centred>();
    for (const t of centred) byRow.set(t.y, [...(byRow.get(t.y) ?? []), t]);
    for (const row of byRow.values()) {
      const spans = row.map((t) => [t.x - textWidth(t.text, t.size) / 2, t.x + textWidth(t.text, t.size) / 2] as const).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
      for (const [left, right] of spans) {
        expect(left).toBeGreaterThanOrEqual(0);
        expect(right).toBeLessThanOrEqual(Number(w));
      }
    }
    // The legend cuts a long row short, whole in its tooltip.
    expect(svg).toContain('<title>Aim 🚀 Größe 速度 or Tracking reproducible machine learning experiments at scale!</title>');
  });

  it('is self-contained: no scripts, links, images or named fonts', () => {
    for (const fitted of TREES) {
      const svg = renderSvg(fitted, { answers: profile(fitted, 3) });
      expect(svg).not.toMatch(/<script|<image|<foreignObject|href=|@import|@font-face|url\(/);
      expect(svg.match(/font-family="([^"]*)"/g)).toEqual(['font-family="sans-serif"']);
      expect(svg.match(/https?:\/\/[^"\s]*/g)).toEqual(['http://www.w3.org/2000/svg']);
    }
  });

  it('has a legend naming every class, a histogram per question and n= under every leaf', () => {
    for (const fitted of TREES) {
      const svg = renderSvg(fitted);
      const { tree } = fitted;
      for (const c of tree.classes) {
        const label = c.members.map((f) => study.frameworks[f]!.name.replace('&', '&amp;'));
        expect(svg).toContain(`>${label.length > 1 ? `${label.slice(0, -1).join(', ')} or ${label[label.length - 1]}` : label[0]}</text>`);
      }
      expect(svg.match(/<polygon /g)).toHaveLength(tree.nodeCount - tree.leafCount());
      expect(svg.match(/>n=\d+<\/text>/g)).toHaveLength(tree.leafCount());
    }
  });
});
