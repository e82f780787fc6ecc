import { eastAsianWidth } from 'get-east-asian-width';
import { describe, expect, it } from 'vitest';
import { createStyle } from '../../src/render/style.js';
import { clusterWidth, displayWidth, graphemes, padEnd, padStart, stripAnsi, truncate, wrap } from '../../src/render/terminal-text.js';

const COLOUR = createStyle(true);
const E_ACUTE = 'e\u0301';
const FAMILY = '👨\u200d👩\u200d👧';
const THUMB_DARK = '👍🏿';
const FLAG = '🇩🇪';
const HEART = '❤\ufe0f';
const KEYCAP_ONE = '1\ufe0f\u20e3';

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['MLflow', 6],
    ['速度', 4],
    ['Größe', 5],
    ['Aim 🚀 Größe 速度', 17],
    [`caf${E_ACUTE}`, 4],
    [`${E_ACUTE}\u0302\u0323`, 1],
    [FAMILY, 2],
    [THUMB_DARK, 2],
    [FLAG, 2],
    [HEART, 2],
    ['❤', 1],
    ['❤\ufe0e', 1],
    [KEYCAP_ONE, 2],
    ['ｶﾞ', 2],
    ['ＡＢ', 4],
    ['한국어', 6],
    ['\u1100\u1161\u11a8', 2],
    ['a\u200bb', 2],
    ['█▏─│┃●○·…—', 10],
  ])('%j takes %i columns', (s, columns) => {
    expect(displayWidth(s)).toBe(columns);
  });

  it('ignores escape sequences: colour, cursor movement, window titles', () => {
    expect(displayWidth(COLOUR.bold(COLOUR.green('速度')))).toBe(4);
    expect(displayWidth('a\u001b[2Jb\u001b]0;title\u0007c\u001b[38;5;12md')).toBe(4);
    expect(stripAnsi(`${COLOUR.dim('x')}\u001b]0;t\u001b\\y`)).toBe('xy');
  });
});

describe('the shortcut for Latin, punctuation and symbols', () => {
  it('measures every code point below U+3000 as the Unicode tables do', () => {
    const zero = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\u1160-\u11ff]$/u;
    for (let cp = 0; cp < 0x3000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const ch = String.fromCodePoint(cp);
      expect(clusterWidth(ch), `U+${cp.toString(16)}`).toBe(zero.test(ch) ? 0 : eastAsianWidth(cp));
      expect(graphemes(`a${ch}b`).join(''), `U+${cp.toString(16)}`).toBe(`a${ch}b`);
    }
  });
});

describe('graphemes', () => {
  it('keeps marks, skin tones, flags and joined emoji with their base', () => {
    expect(graphemes(`a${E_ACUTE}${FAMILY}${THUMB_DARK}${FLAG}速`)).toEqual(['a', E_ACUTE, FAMILY, THUMB_DARK, FLAG, '速']);
    expect(graphemes('Aim 🚀')).toEqual(['A', 'i', 'm', ' ', '🚀']);
  });

  it('measures each cluster as a whole', () => {
    expect([E_ACUTE, FAMILY, '速', 'a', '\u0301'].map(clusterWidth)).toEqual([1, 2, 2, 1, 0]);
  });
});

describe('truncate', () => {
  it('cuts by columns, never inside a cluster, and ends in …', () => {
    expect(truncate('Aim 🚀 Größe 速度', 8)).toBe('Aim 🚀 …');
    expect(truncate('速度速度', 4)).toBe('速…');
    expect(truncate('速度速度', 5)).toBe('速度…');
    expect(truncate(`${E_ACUTE}${E_ACUTE}${E_ACUTE}`, 2)).toBe(`${E_ACUTE}…`);
    expect(truncate(`ab${FAMILY}cd`, 4)).toBe('ab…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('keeps the escape codes after the cut, so styles stay balanced', () => {
    const cut = truncate(COLOUR.bold('速度速度速度'), 5);
    expect(cut).toBe('\u001b[1m速度…\u001b[22m');
    expect(displayWidth(cut)).toBe(5);
  });

  it('never goes past the width, even a width of one or zero', () => {
    expect(truncate('速度', 1)).toBe('…');
    expect(truncate('abc', 0)).toBe('');
  });
});

describe('wrap', () => {
  const fits = (lines: string[], width: number) => lines.every((l) => displayWidth(l) <= width);

  it('breaks between words by columns, wide characters counted twice', () => {
    const lines = wrap('速度 速度 速度 速度', 10);
    expect(lines).toEqual(['速度 速度', '速度 速度']);
    expect(wrap('Aim 🚀 Größe 速度 scored in the study', 17)).toEqual(['Aim 🚀 Größe 速度', 'scored in the', 'study']);
  });

  it('continues with the indent and keeps the first line’s own leading spaces', () => {
    expect(wrap('  - one two three four', 12, '    ')).toEqual(['  - one two', '    three', '    four']);
  });

  it('ignores colour codes when measuring and keeps them in place', () => {
    const text = `${COLOUR.green('速度')} ${COLOUR.bold('Größe')} über ${COLOUR.dim('alles')}`;
    const lines = wrap(text, 11);
    expect(lines.map(stripAnsi)).toEqual(['速度 Größe', 'über alles']);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks a word wider than the line between clusters', () => {
    const lines = wrap(`https://example.org/${'速'.repeat(20)}`, 16, '  ');
    expect(fits(lines, 16)).toBe(true);
    expect(lines.join('').replaceAll(' ', '')).toBe(`https://example.org/${'速'.repeat(20)}`);
    expect(wrap(`x${E_ACUTE.repeat(10)}`, 4)).toEqual([`x${E_ACUTE.repeat(3)}`, E_ACUTE.repeat(4), E_ACUTE.repeat(3)]);
  });

  it('does not loop when the indent alone fills the line', () => {
    expect(wrap('one two', 2, '    ')).toEqual(['one', '    two']);
  });

  it('wraps a paragraph of 100 000 words (work growing with the square would time out)', () => {
    const words = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? '速度' : 'word'));
    const lines = wrap(words.join(' '), 40);
    expect(fits(lines, 40)).toBe(true);
    expect(lines.join(' ')).toBe(words.join(' '));
  });
});

describe('padding', () => {
  it('pads to columns, not code points', () => {
    expect(padEnd('速度', 6)).toBe('速度  ');
    expect(padStart(E_ACUTE, 3)).toBe(`  ${E_ACUTE}`);
    expect(padEnd(COLOUR.bold('🚀'), 3)).toBe(`${COLOUR.bold('🚀')} `);
  });
});
