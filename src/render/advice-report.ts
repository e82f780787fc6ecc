/**
 * The explanation of a recommendation, as blocks: what to use, why (the questions asked), the
 * scores behind it, how sure the tree is, and where the tree and the exact ranking part ways.
 * The scripted text and Markdown output and the questionnaire's result screen all show this.
 */
import type { Advice } from '../advice/advise.js';
import type { Block, Line, Span } from './blocks.js';
import { span } from './blocks.js';
import { alternativesBlocks } from './alternatives-report.js';
import { andList, bar, classPhrase, names, num, plural, points } from './format.js';
import { provenanceLine } from './provenance.js';

const BAR_WIDTH = 5;

export interface ReportOptions {
  /** Questions the questionnaire skipped because their answer could not change the result. */
  readonly skipped?: readonly number[];
  /**
   * Words instead of marks, for screen readers: each criterion in the score table says whether it
   * matters, and no legend of symbols is needed.
   */
  readonly words?: boolean;
  /** How many of the answers that would change the best to show (default 3; 0: no such section). */
  readonly alternatives?: number;
}

export function adviceReport(advice: Advice, options: ReportOptions = {}): Block[] {
  const skipped = options.skipped ?? [];
  const words = options.words === true;
  return [
    ...headline(advice),
    ...why(advice, skipped),
    // The legend comes first, so the marks are known before they are met.
    ...(words ? [] : [{ kind: 'para', text: legend(advice) } as const]),
    scoreTable(advice, words),
    // When a depth-limited tree and the exact ranking part ways, say so before anything that
    // ranks frameworks, so the runner-up line below is read against the right leader.
    ...disagreement(advice),
    ...runnerUp(advice),
    purity(advice),
    // For a tie: what tells the tied frameworks apart.
    ...(advice.recommendation.members.length > 1 ? tieBreakers(advice) : []),
    // Last, as it looks beyond these answers to their nearest neighbours.
    ...alternativesBlocks(advice, options.alternatives),
  ];
}

/** What to use, which tree said so, and where its scores come from. */
function headline(advice: Advice): Block[] {
  const { fitted, recommendation } = advice;
  const { study, spec } = fitted;
  const tie = recommendation.members.length > 1;
  const depth = Number.isFinite(fitted.maxDepth) ? `, depth limit ${fitted.maxDepth}` : ', no depth limit';
  const about = spec.description ?? `${plural(spec.criteria.length, 'criterion', 'criteria')}${depth}`;
  return [
    { kind: 'heading', text: [span(tie ? 'Recommendation: ' : 'Use '), span(classPhrase(study, recommendation), 'good')] },
    { kind: 'para', text: [span('Tree '), span(spec.name, 'code'), span(` — ${about.replace(/\.$/, '')}.`, 'dim')] },
    { kind: 'para', text: [span(provenanceLine(study), 'dim')] },
  ];
}

/** Why: the questions the tree asked with the answers, those skipped, and answers it ignored. */
function why(advice: Advice, skipped: readonly number[]): Block[] {
  const { study } = advice.fitted;
  const name = (c: number) => study.criteria[c]!.name;
  const blocks: Block[] = [];
  if (advice.path.length === 0) {
    blocks.push({ kind: 'para', text: 'The tree asks no question here: every profile gets the same answer.' });
  } else {
    blocks.push({ kind: 'para', text: [span('Why', 'strong'), span(' — the questions the tree asked, with your answers:')] });
    blocks.push({
      kind: 'list',
      ordered: true,
      items: advice.path.map((s): Line => {
        if (skipped.includes(s.criterion)) return [span(`${name(s.criterion)}: `), span('not asked (see below)', 'dim')];
        return [span(`${name(s.criterion)}: `), s.important ? span('matters', 'strong') : span('does not matter')];
      }),
    });
  }
  if (skipped.length > 0) {
    blocks.push({
      kind: 'para',
      text:
        skipped.length === 1
          ? `Not asked: ${name(skipped[0]!)} — every branch below that question leads to the same recommendation, so its answer could not change it (counted as not mattering).`
          : `Not asked: ${andList(skipped.map(name))} — every branch below those questions leads to the same recommendation, so their answers could not change it (counted as not mattering).`,
    });
  }
  if (advice.ignored.length > 0) {
    blocks.push({
      kind: 'note',
      text: `This tree does not use ${andList(advice.ignored.map(name))}, so ${advice.ignored.length === 1 ? 'that answer' : 'those answers'} did not count${treeUsingAll(advice)}.`,
    });
  }
  return blocks;
}

/** Where a depth-limited tree's majority answer and the exact best for these answers differ. */
function disagreement(advice: Advice): Block[] {
  if (advice.agrees) return [];
  const { fitted, recommendation } = advice;
  const { study, spec } = fitted;
  const depthNote = Number.isFinite(fitted.maxDepth)
    ? `The ${spec.name} tree stops at depth ${fitted.maxDepth}, so it gives the majority answer of its branch`
    : `The ${spec.name} tree's answer differs`;
  return [
    {
      kind: 'note',
      text: [
        span(`${depthNote}: ${classPhrase(study, recommendation)}. For exactly your answers the scores add up differently: `),
        span(classPhrase(study, advice.best), 'strong'),
        span(` scores best (${advice.best.members.map((f) => `${study.frameworks[f]!.name} ${num(advice.totals[f]!)}`).join(', ')}).`),
      ],
    },
  ];
}

/** The runner-up and the margin, from the exact totals; or why everything totals 0. */
function runnerUp(advice: Advice): Block[] {
  const { study, featureCriteria } = advice.fitted;
  const counted = advice.answers.some((a, c) => a && featureCriteria.includes(c));
  if (!counted) {
    const text = advice.answers.some(Boolean)
      ? 'None of the criteria you marked is part of this tree, so every framework totals 0 here: a tie.'
      : "You marked nothing as mattering, so every framework totals 0: a tie, like the study's all-zero profile.";
    return [{ kind: 'para', text }];
  }
  const r = advice.runnerUp;
  if (!r) return [];
  const leader = `${names(study, advice.best.members)} (${num(r.total + r.margin)})`;
  const runners = `${names(study, r.frameworks)} with ${num(r.total)}`;
  const lead = advice.best.members.length > 1 ? 'lead' : 'leads';
  let text: string;
  // Totals are compared exactly, as the labels scikit-learn was fitted on were made; 0.1 + 0.2
  // misses 0.3 by 5.6e-17, which would otherwise read as "0 points behind".
  if (num(r.margin) === '0') {
    text = `Runner-up: ${runners}; ${leader} ${lead} only by floating-point rounding (scores that are multiples of 0.5 or 0.25 add up exactly).`;
  } else if (advice.agrees) {
    text = `Runner-up: ${runners}, ${points(r.margin)} behind ${leader}.`;
  } else {
    text = `By the exact totals ${leader} ${lead}; next come ${runners}, ${points(r.margin)} behind.`;
  }
  return [{ kind: 'para', text }];
}

/** How sure the tree is: how many of the profiles on this branch favour its answer. */
function purity(advice: Advice): Block {
  const { study } = advice.fitted;
  const { recommendation, leafSamples } = advice;
  const favour = (n: number) => (n === 1 ? 'favours' : 'favour');
  const mainCount = advice.leafCounts.find((x) => x.cls.mask === recommendation.mask)?.count ?? 0;
  const others = advice.leafCounts.filter((x) => x.cls.mask !== recommendation.mask);
  const phrase = classPhrase(study, recommendation);
  const text =
    leafSamples === 1
      ? `The one profile on this branch of the tree favours ${phrase}.`
      : mainCount === leafSamples
        ? `${leafSamples === 2 ? 'Both' : `All ${leafSamples}`} profiles on this branch of the tree favour ${phrase}.`
        : `${mainCount} of the ${leafSamples} profiles on this branch ${favour(mainCount)} ${phrase}; ${andList(
            others.map((x) => `${x.count} ${favour(x.count)} ${classPhrase(study, x.cls)}`),
          )}.`;
  return { kind: 'para', text };
}

/** "; --tree full uses all of them" when some tree of the file asks about every answer given. */
function treeUsingAll(advice: Advice): string {
  const { study } = advice.fitted;
  const wanted = advice.answers.flatMap((a, c) => (a ? [c] : []));
  const tree = study.trees.find((t) => wanted.every((c) => t.criteria.includes(c)));
  return tree ? `; --tree ${tree.name} uses all of your answers` : '';
}

/** What the marks in the score table's first column mean (only the marks it uses). */
function legend(advice: Advice): Line {
  const inTree = new Set(advice.fitted.featureCriteria);
  const marks: string[] = advice.answers.map((a, c) => (a ? (inTree.has(c) ? '●' : '○') : '·'));
  const parts: Span[] = [];
  const add = (mark: string, tone: Span['tone'], text: string) => {
    if (!marks.includes(mark)) return;
    if (parts.length > 0) parts.push(span('   '));
    parts.push(span(mark, tone), span(` ${text}`, 'dim'));
  };
  add('●', 'good', 'matters (counted)');
  add('○', 'warn', 'matters, not in this tree');
  add('·', 'dim', 'does not matter');
  return parts;
}

/** Whether criterion `c` matters and counts, in words. */
function verdict(advice: Advice, c: number, inTree: ReadonlySet<number>): string {
  if (advice.answers[c] !== true) return 'does not matter';
  return inTree.has(c) ? 'matters' : 'matters, not in this tree';
}

function scoreTable(advice: Advice, words: boolean): Block {
  const { study, featureCriteria } = advice.fitted;
  const inTree = new Set(featureCriteria);
  const leaders = new Set(advice.best.members);
  const rows: Line[][] = study.criteria.map((c, ci) => {
    const matters = advice.answers[ci] === true;
    const counted = matters && inTree.has(ci);
    const max = Math.max(...c.scores);
    const cells: Line[] = c.scores.map((s): Line => {
      const text = `${num(s)} ${bar(s, max, BAR_WIDTH)}`.trimEnd();
      return [span(text, counted ? (s === max ? 'strong' : undefined) : 'dim')];
    });
    if (words) return [[span('')], [span(`${c.name} (${verdict(advice, ci, inTree)})`, counted ? 'strong' : 'dim')], ...cells];
    const mark: Span = counted ? span('●', 'good') : matters ? span('○', 'warn') : span('·', 'dim');
    return [[mark], [span(c.name, counted ? 'strong' : 'dim')], ...cells];
  });
  rows.push([
    [span('')],
    [span('Total (what matters)', 'strong')],
    ...advice.totals.map((t, f): Line => [span(num(t), leaders.has(f) ? 'good' : undefined)]),
  ]);
  return {
    kind: 'table',
    header: ['', 'Criterion', ...study.frameworks.map((f) => f.name)],
    rows,
    align: ['l', 'l', ...study.frameworks.map(() => 'l' as const)],
    footer: 1,
    labels: 2,
  };
}

function tieBreakers(advice: Advice): Block[] {
  const { study } = advice.fitted;
  const members = advice.recommendation.members;
  const blocks: Block[] = [{ kind: 'para', text: [span('What separates them', 'strong'), span(' in the study:')] }];
  const items: Line[] = [];
  for (const c of advice.separators) {
    const cr = study.criteria[c]!;
    items.push(
      `${cr.name}${advice.answers[c] ? '' : ' (did not matter to you)'}: ${members.map((f) => `${study.frameworks[f]!.name} ${num(cr.scores[f]!)}`).join(', ')}`,
    );
  }
  for (const f of members) {
    const fw = study.frameworks[f]!;
    if (fw.summary) items.push([span(`${fw.name}: `, 'strong'), span(fw.summary)]);
  }
  if (items.length === 0) items.push('Nothing in the file: they score the same on every criterion.');
  blocks.push({ kind: 'list', items });
  return blocks;
}
