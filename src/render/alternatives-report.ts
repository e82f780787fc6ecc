/**
 * What would change the answer, in words: one sentence per alternative ("If Memory mattered to
 * you too, Guild would lead by 0.5 points."), and the report section made of them. Every front
 * end says it with these sentences: the text and Markdown reports, the result screen, line mode
 * and the questionnaire's closing summary.
 */
import type { Advice } from '../advice/advise.js';
import { alternatives, DEFAULT_ALTERNATIVES } from '../advice/alternatives.js';
import type { Alternative } from '../advice/alternatives.js';
import type { Block } from './blocks.js';
import { span } from './blocks.js';
import { andList, names, num, points } from './format.js';

/** The alternatives to show (at most `limit`), and whether there are more than that. */
export function shownAlternatives(advice: Advice, limit = DEFAULT_ALTERNATIVES): { shown: Alternative[]; more: boolean } {
  if (limit <= 0) return { shown: [], more: false };
  // One more than asked for says whether the list goes on, at the cost of one comparison more.
  const found = alternatives(advice.fitted, advice.answers, limit + 1);
  return { shown: found.slice(0, limit), more: found.length > limit };
}

/** "If Memory mattered to you too", "If Runtime did not matter to you", "If A mattered to you and B did not". */
function condition(advice: Advice, alt: Alternative): string {
  const { study, featureCriteria } = advice.fitted;
  const named = (important: boolean) => andList(alt.flip.filter((f) => f.important === important).map((f) => study.criteria[f.criterion]!.name));
  const on = named(true);
  const off = named(false);
  if (off === '') {
    // "too" only when something that counts matters already (a flip to true was false before).
    const too = featureCriteria.some((c) => advice.answers[c] === true);
    return `If ${on} mattered to you${too ? ' too' : ''}`;
  }
  if (on === '') return `If ${off} did not matter to you`;
  return `If ${on} mattered to you and ${off} did not`;
}

/** "Guild would lead by 0.5 points", "W&B and MLflow would tie for the lead, 1 point ahead", "… would all tie". */
function outcome(advice: Advice, alt: Alternative): string {
  const { study } = advice.fitted;
  const { members } = alt.best;
  const who = names(study, members);
  if (alt.margin === null) return members.length === 2 ? `${who} would tie` : `${who} would all tie`;
  // Totals are compared exactly: 0.1 + 0.2 misses 0.3 by 5.6e-17, which would read "by 0 points".
  const rounding = num(alt.margin) === '0';
  if (members.length === 1) return rounding ? `${who} would lead, by floating-point rounding only` : `${who} would lead by ${points(alt.margin)}`;
  return `${who} would tie for the lead, ${rounding ? 'ahead by floating-point rounding only' : `${points(alt.margin)} ahead`}`;
}

/** One alternative as a sentence. */
export function alternativeSentence(advice: Advice, alt: Alternative): string {
  return `${condition(advice, alt)}, ${outcome(advice, alt)}.`;
}

/** The section's title, and what follows it: what the list is, or that there is none. */
export const ALTERNATIVES = {
  title: 'What would change it',
  some: 'the answers nearest to yours that give a different best.',
  /** When the tree's answer is its branch's majority, the list is about the exact totals. */
  someExact: 'the answers nearest to yours under which the exact totals favour someone else.',
  none: 'no change to one or two of your answers would.',
  /** Under a list cut short at `--alternatives`' number. */
  more: 'More with --alternatives N.',
} as const;

/** The report's section: the nearest answers that change the best, nearest first; none when `limit` is 0. */
export function alternativesBlocks(advice: Advice, limit = DEFAULT_ALTERNATIVES): Block[] {
  if (limit <= 0) return [];
  const { shown, more } = shownAlternatives(advice, limit);
  const lead = (tail: string): Block => ({ kind: 'para', text: [span(`${ALTERNATIVES.title}:`, 'strong'), span(` ${tail}`)] });
  if (shown.length === 0) return [lead(ALTERNATIVES.none)];
  return [
    lead(advice.agrees ? ALTERNATIVES.some : ALTERNATIVES.someExact),
    // Numbered: the order means something (nearest and largest lead first), and numbers read aloud.
    { kind: 'list', ordered: true, items: shown.map((a) => alternativeSentence(advice, a)) },
    ...(more ? [{ kind: 'para', text: [span(ALTERNATIVES.more, 'dim')] } as const] : []),
  ];
}
