/** The words and line fitting the questionnaire shares with the accessible mode. */
import { describe, expect, it } from 'vitest';
import { adviceReport } from '../../src/render/advice-report.js';
import { toText } from '../../src/render/blocks.js';
import { blocksToLines } from '../../src/render/lines.js';
import { answer, extend, locate, startSession } from '../../src/questionnaire/session.js';
import type { Session } from '../../src/questionnaire/session.js';
import { firstSentence, hintLines, introLines, scriptedCommand, summaryText } from '../../src/questionnaire/wording.js';
import { displayWidth } from '../../src/render/terminal-text.js';
import { questionnaireTrees } from '../../src/questionnaire/trees.js';
import { parseStudy } from '../../src/study/parse.js';
import { PLAIN, study, trees } from '../helpers/study.js';

const walk = (s: Session, ...replies: boolean[]) => replies.reduce(answer, s);
function result(s: Session) {
  const at = locate(s);
  if (at.kind !== 'result') throw new Error('not at a result');
  return at;
}

describe('the introduction', () => {
  it('says what reprotree does, what it rests on and which tree it walks', () => {
    const text = introLines(study(), trees('figure-1').base, PLAIN, 80).join(' ');
    expect(text).toContain('reprotree · Which experiment tracker fits your project?');
    expect(text).toContain('W&B, Guild and MLflow');
    expect(text).toContain('Kondratiuk & Rasgauski (2021), Frameworks for Reproducible Machine Learning');
    expect(text).toContain('Tree: figure-1 — Figure 1 of the study');
    expect(text).toContain('Others: full, figure-2 (--tree NAME)');
  });

  it('fits 40 columns, its title too', () => {
    const lines = introLines(study(), trees('figure-1').base, PLAIN, 40);
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(40);
    expect(lines.join(' ')).toContain('Which experiment tracker fits');
  });
});

describe('key hints', () => {
  it('wrap between hints, never between a key and what it does', () => {
    const hints = [
      ['Enter', 'answer'],
      ['←', 'back'],
      ['?', 'evidence'],
      ['t', 'tree'],
      ['c', 'checklist instead'],
      ['r', 'restart'],
      ['q', 'quit'],
    ] as const;
    for (const width of [24, 30, 40, 50]) {
      const lines = hintLines(hints, PLAIN, width);
      expect(lines.every((l) => displayWidth(l) <= width)).toBe(true);
      const joined = lines.join('\n');
      for (const [k, what] of hints) expect(joined).toContain(`${k} ${what}`);
      expect(joined).not.toMatch(/\u00a0/);
    }
  });
});

describe('firstSentence', () => {
  it('stops at the first full stop followed by a new sentence, not at a decimal point', () => {
    expect(firstSentence('Scored 0.5 per item. Then more.')).toBe('Scored 0.5 per item.');
    expect(firstSentence('A list: a, b. 1 point if easy.')).toBe('A list: a, b.');
    expect(firstSentence('One sentence only')).toBe('One sentence only');
  });
});

describe('the closing summary', () => {
  it('gives the result, the answers, the totals and the same advice as a command', () => {
    const s = walk(startSession(trees('full').base), true, false, true);
    const text = summaryText(s, result(s), PLAIN, 200);
    expect(text).toContain('reprotree: use MLflow (tree full, 3 questions).');
    expect(text).toContain('Your answers: Auto-logging matters, Keras deep dive does not matter, Collaboration matters.');
    expect(text).toContain('Totals over what matters: MLflow 9, W&B 8, Guild 4.5.');
    expect(text).toContain('Same advice without the questions:\n  reprotree --important auto-logging,collaboration\n');
  });

  it("says what would change the answer in the result's words, as many as asked for", () => {
    const s = walk(startSession(trees('full').base), true, false, true);
    const text = summaryText(s, result(s), PLAIN, 200);
    expect(text).toContain(
      [
        '  What would change it:',
        '    If Auto-logging did not matter to you, W&B and MLflow would tie for the lead, 3 points ahead.',
        '    If Runtime mattered to you and Collaboration did not, Guild and MLflow would tie for the lead, 1 point ahead.',
        '  Same advice without the questions:',
      ].join('\n'),
    );
    const one = summaryText(s, result(s), PLAIN, 200, undefined, undefined, 1);
    expect(one).toContain('tie for the lead, 3 points ahead.\n  Same advice');
    expect(summaryText(s, result(s), PLAIN, 200, undefined, undefined, 0)).not.toContain('What would change it');
  });

  it('says when no change of one or two answers would change the best', () => {
    // A leads on every criterion, and with all three answered "matters", dropping one or two
    // still leaves one that counts.
    const yaml =
      'frameworks: [{id: a, name: A}, {id: b, name: B}]\ncriteria:\n  - {id: x, name: X, scores: {a: 3, b: 1}}\n' +
      '  - {id: y, name: Y, scores: {a: 2, b: 1}}\n  - {id: z, name: Z, scores: {a: 5, b: 0}}\n';
    const t = questionnaireTrees(parseStudy(yaml, 'test.yaml'), undefined);
    const s = startSession(
      t.base,
      new Map([
        [0, true],
        [1, true],
        [2, true],
      ]),
    );
    expect(summaryText(s, result(s), PLAIN, 200)).toContain('  What would change it: no change to one or two of your answers would.\n');
  });

  it('fits 40 columns, but for the command, which keeps a row of its own so it copies whole', () => {
    const s = walk(startSession(trees('figure-1').base), false, false, false);
    const lines = summaryText(s, result(s), PLAIN, 40).trimEnd().split('\n');
    const command = 'reprotree --tree figure-1 --not-important auto-logging,lines,memory';
    expect(lines).toContain(`  ${command}`);
    expect(lines.filter((l) => !l.includes(command)).every((l) => displayWidth(l) <= 40)).toBe(true);
    expect(lines[0]).toBe('reprotree: a tie between W&B and MLflow');
  });

  it('leaves skipped questions out of the answers and says why they were not asked', () => {
    const s = walk(startSession(trees('figure-1').base), true);
    const text = summaryText(s, result(s), PLAIN, 200);
    expect(text).toContain('(tree figure-1, 1 question)');
    expect(text).toContain('Your answers: Auto-logging matters.');
    expect(text).toContain('Not asked, as no answer could change the result: Keras deep dive, Collaboration.');
    expect(text).toContain('reprotree --tree figure-1 --important auto-logging');
  });

  it('flags a majority answer the exact scores disagree with', () => {
    const s = walk(startSession(trees('figure-1').base), false, false, false);
    const text = summaryText(s, result(s), PLAIN, 200);
    expect(text).toContain('reprotree: a tie between W&B and MLflow');
    expect(text).toContain("This is the figure-1 tree's majority answer; for exactly your answers a tie between all 3");
    expect(text).toContain('reprotree --tree figure-1 --not-important auto-logging,lines,memory');
  });

  it('after "ask more", names the unlimited tree and the file tree that gives the same advice', () => {
    const t = trees('figure-1');
    const s = walk(extend(walk(startSession(t.base), false, false, false), t.unlimited()), false, false, true);
    const text = summaryText(s, result(s), PLAIN, 200, 'my criteria.yaml');
    expect(text).toContain('(tree figure-1 without its depth limit, 6 questions)');
    // figure-1 without its limit is the file's full tree: same criteria, no depth limit.
    expect(text).toContain("reprotree --criteria 'my criteria.yaml' --important runtime");
  });

  it('quotes a file name the way a shell reads it back, escaping what a terminal must not see', () => {
    const s = walk(startSession(trees('figure-1').base), true);
    const advice = result(s).advice;
    expect(scriptedCommand(s, advice, "it's.yaml")).toContain("--criteria 'it'\\''s.yaml'");
    expect(scriptedCommand(s, advice, "x\u001b[2J\\it's.yaml")).toContain("--criteria $'x\\e[2J\\\\it\\'s.yaml'");
    expect(scriptedCommand(s, advice, 'A\u202egnp.yaml')).toContain("--criteria $'A\\u202Egnp.yaml'");
  });

  it('offers no command when no tree in the file is the unlimited one walked', () => {
    const t = trees('figure-2');
    const s0 = walk(startSession(t.base), false, false);
    const at = locate(s0);
    if (at.kind !== 'result' || !at.exactable) return;
    let s = extend(s0, t.unlimited());
    for (let q = locate(s); q.kind === 'question'; q = locate(s)) s = answer(s, false);
    expect(scriptedCommand(s, result(s).advice)).toBeUndefined();
  });
});

describe('blocksToLines', () => {
  const s = walk(startSession(trees('full').base), true, false, true);
  const blocks = adviceReport(result(s).advice);

  it('renders as the scripted text does where it fits', () => {
    expect(blocksToLines(blocks, PLAIN, 80).join('\n')).toBe(toText(blocks, PLAIN, 80).trimEnd());
  });

  it('stacks the score table where it does not, and never exceeds the width', () => {
    const roomy = blocksToLines(blocks, PLAIN, 50);
    expect(Math.max(...roomy.map(displayWidth))).toBeLessThanOrEqual(50);
    expect(roomy.join('\n')).toMatch(/● Auto-logging\n {4}W&B 3 ███▊ {2}Guild 2\.5 ███▏ {2}MLflow 4 █████$/m);
    // Narrower still, the bars go and the scores stay, in every row alike: the widest row
    // (scikit-learn's) no longer fits with its bars at 46.
    const narrow = blocksToLines(blocks, PLAIN, 46);
    expect(narrow.join('\n')).not.toMatch(/█/);
    expect(Math.max(...narrow.map(displayWidth))).toBeLessThanOrEqual(46);
    expect(narrow.join('\n')).toMatch(/● Auto-logging\n {4}W&B 3 {2}Guild 2\.5 {2}MLflow 4$/m);
  });

  it('reads plainly for a screen reader: no bars or rules, one line a row', () => {
    const text = blocksToLines(blocks, PLAIN, Infinity, { plain: true }).join('\n');
    expect(text).toMatch(/^(. )?Auto-logging: W&B 3, Guild 2\.5, MLflow 4$/m);
    expect(text).toMatch(/^Total \(what matters\): W&B 8, Guild 4\.5, MLflow 9$/m);
    expect(text).not.toMatch(/[█▏▎▍▌▋▊▉─]/);
  });
});
