/**
 * What the questionnaire says, in both its forms (Ink and accessible): the introduction, the help
 * under a question, the evidence and tree views, the offer of more questions, remarks, the key
 * hints, the transcript and the closing summary. Plain functions of the study and the session, so
 * they can be read and tested without a terminal.
 */
import type { Advice } from '../advice/advise.js';
import { printable } from '../errors.js';
import { DEFAULT_ALTERNATIVES } from '../advice/alternatives.js';
import { DEFAULT_DATA_SET } from '../paths.js';
import type { FittedTree } from '../advice/model.js';
import { ALTERNATIVES, alternativeSentence, shownAlternatives } from '../render/alternatives-report.js';
import type { Block, Line, Span } from '../render/blocks.js';
import { span } from '../render/blocks.js';
import { classPhrase, names, num, plural } from '../render/format.js';
import { provenanceLine } from '../render/provenance.js';
import type { Style } from '../render/style.js';
import type { Study, TreeSpec } from '../study/types.js';
import { styleLine, wrapIndented } from '../render/lines.js';
import { locate } from './session.js';
import type { Answer, Session, StartMode } from './session.js';

/** The first segments of the study's source: its authors and title, without the particulars. */
export function shortSource(study: Study): string | undefined {
  return study.source?.split(', ').slice(0, 2).join(', ');
}

export function treeLine(spec: TreeSpec, study: Study): Line {
  const others = study.trees.filter((t) => t.name !== spec.name).map((t) => t.name);
  return [
    span('Tree: ', 'dim'),
    span(spec.name, 'code'),
    span(spec.description ? ` — ${spec.description}.` : '.'),
    ...(others.length > 0 ? [span(` Others: ${others.join(', ')} (--tree NAME).`, 'dim')] : []),
  ];
}

/** How the introduction is said: which way of answering comes first, and whether it is read aloud. */
export interface IntroOptions {
  readonly start?: StartMode;
  /** For line mode: no middle dots for a screen reader to announce. */
  readonly spoken?: boolean;
  /** The other bundled data set, offered by the `d` key (line mode: typed at a question). */
  readonly offer?: { readonly name: string; readonly about: string };
}

/** The key that switches to the other data set, in both front ends. */
export const DATA_KEY = 'd';

/** "Press d to use trackers-2026 (…) instead; the questions start over." */
export function dataOffer(offer: { readonly name: string; readonly about: string }, spoken = false): string {
  const how = spoken ? `Type ${DATA_KEY} at a question` : `Press ${DATA_KEY}`;
  return `${how} to use ${offer.name} (${offer.about}) instead; the questions start over.`;
}

/** A few lines on what reprotree does and what it rests on; printed once, above the questions. */
export function introLines(study: Study, fitted: FittedTree, style: Style, width: number, options: IntroOptions = {}): string[] {
  const source = shortSource(study);
  const frameworks = names(
    study,
    study.frameworks.map((_, f) => f),
  );
  const how =
    options.start === 'checklist'
      ? 'Tick the criteria that matter to you and reprotree walks a decision tree with your ticks'
      : 'Answer a few yes/no questions and reprotree walks a decision tree';
  const what =
    `${how} to the tracker that suits you, then shows why. ` +
    `The tree is fitted to how ${frameworks} scored in ${source ?? 'the study in ' + printable(study.file)}.`;
  return [
    ...wrapIndented(
      styleLine(
        [
          span('reprotree', 'accent'),
          span(`${options.spoken ? ':' : ' ·'} ${study.title ?? 'Which experiment tracker fits your project?'}`, 'strong'),
        ],
        style,
      ),
      width,
    ),
    ...wrapIndented(what, width),
    ...wrapIndented(styleLine([span(provenanceLine(study), 'dim')], style), width),
    ...(options.offer ? wrapIndented(styleLine([span(dataOffer(options.offer, options.spoken), 'dim')], style), width) : []),
    ...wrapIndented(styleLine(treeLine(fitted.spec, study), style), width),
    '',
  ];
}

/** The first sentence of a text, for a line of help that must stay short. */
export function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s+[A-Z0-9(])/s.exec(text);
  return (m ? m[0] : text).trim();
}

/** "W&B 1 · Guild 2.5 · MLflow 1", the best in bold; `sep` ', ' for line mode, read aloud. */
export function scoresLine(study: Study, criterion: number, sep = ' · '): Span[] {
  const scores = study.criteria[criterion]!.scores;
  const max = Math.max(...scores);
  return study.frameworks.flatMap((f, i) => [
    ...(i > 0 ? [span(sep, 'dim')] : []),
    span(`${f.name} ${num(scores[i]!)}`, scores[i] === max ? 'strong' : undefined),
  ]);
}

/** The lines under a question: what the criterion measures, and how the trackers scored. */
export function questionHelp(study: Study, criterion: number): Line[] {
  const c = study.criteria[criterion]!;
  const lines: Line[] = [];
  if (c.help) lines.push([span('Measured: ', 'dim'), span(firstSentence(c.help))]);
  lines.push([span('Scores (higher is better): ', 'dim'), ...scoresLine(study, criterion)]);
  return lines;
}

/** The `?` view: everything the file says about one criterion. */
export function evidenceBlocks(study: Study, criterion: number): Block[] {
  const c = study.criteria[criterion]!;
  const max = Math.max(...c.scores);
  const blocks: Block[] = [
    { kind: 'heading', text: [span(c.name), span(` (${c.id})`, 'dim')] },
    { kind: 'para', text: c.question },
  ];
  if (c.help) blocks.push({ kind: 'para', text: [span('How it is measured: ', 'strong'), span(c.help)] });
  study.frameworks.forEach((f, i) => {
    const score = c.scores[i]!;
    blocks.push({
      kind: 'para',
      text: [
        span(`${f.name}: ${score === 1 ? '1 point' : `${num(score)} points`}`, 'strong'),
        span(score === max ? ' (best)' : '', 'good'),
        span(c.evidence[i] ? ` — ${c.evidence[i]}` : ' — the file gives no reason for this score.'),
      ],
    });
  });
  return blocks;
}

/** The criteria the `?` view on a result shows: every question on the path (or the tree's). */
export function pathCriteria(advice: Advice): readonly number[] {
  return advice.path.length > 0 ? advice.path.map((s) => s.criterion) : advice.fitted.featureCriteria;
}

/** The heading of the tree view: which tree, the answers so far, and what the ▶ marks show. */
export function treeViewHeading(session: Session): Line {
  const { study } = session.base;
  const { name } = session.fitted.spec;
  const at = locate(session);
  if (at.kind === 'result') return `The ${name} tree; your path is drawn in heavy lines with ▶.`;
  return [
    span(`The ${name} tree. `),
    ...(session.answers.length > 0 ? [span('So far: '), ...breadcrumb(study, session.answers), span('. ')] : []),
    span(`Your path so far is marked with ▶, down to the question now asked: ${study.criteria[at.criterion]!.name}?`),
  ];
}

/** Remarks for a move that cannot be made, for what a key did, and questions about one. */
export const notices = {
  firstQuestion: 'This is the first question; there is nothing to go back to.',
  checklistFirst: 'The checklist is where this walk starts; there is nothing before it.',
  saved: (file: string): string => `Saved your answers to ${printable(file)}; --answers ${quoteArg(file)} gives them again.`,
  /** `q` with answers that would be lost; `what` counts them ("2 answers", "3 ticks"). */
  quit: (what: string): string => `Quit and lose your ${what}? Press q or y to quit, any other key to stay.`,
  /** Instead of a screen the terminal has no room for. */
  tooSmall: (what: string, out: string): string => `Make the terminal taller to see ${what}; ${out}.`,
} as const;

/** "Answered already: Keras deep dive matters, Runtime does not.": answers given before the walk. */
export function presetLine(study: Study, preset: ReadonlyMap<number, boolean>): string | undefined {
  if (preset.size === 0) return undefined;
  const said = [...preset]
    .sort(([a], [b]) => a - b)
    .map(([c, important]) => `${study.criteria[c]!.name} ${important ? 'matters' : 'does not matter'}`);
  return `Answered already, so not asked: ${said.join(', ')}.`;
}

/** "one more question", "up to 4 more questions". */
function moreQuestionsPhrase(n: number): string {
  return n === 1 ? 'one more question' : `up to ${plural(n, 'more question')}`;
}

/**
 * On a majority leaf of a depth-limited tree: how many of its profiles back the answer, and what
 * the `more` questions the unlimited tree could still ask would do. With `key`, the offer names the
 * key that takes it (the Ink screen); without, it is a statement a prompt follows (line mode).
 * No questions left means the answers given already settle the exact answer.
 */
export function exactOffer(advice: Advice, more: number, key?: string): string {
  const main = advice.leafCounts[0]!;
  const majority = `This is a majority answer (${main.count} of ${advice.leafSamples} profiles on this branch).`;
  const phrase = moreQuestionsPhrase(more);
  let offer: string;
  if (key !== undefined) {
    offer =
      more === 0 ? `Press ${key} for the exact one: your answers already settle it.` : `Press ${key} to answer ${phrase} and get the exact one.`;
  } else {
    offer =
      more === 0
        ? 'Your answers already settle the exact one.'
        : `${phrase[0]!.toUpperCase()}${phrase.slice(1)} on the tree without its depth limit would make it exact.`;
  }
  return `${majority} ${offer}`;
}

/** "Auto-logging ✓ › Lines of code ✗": the answers so far. */
export function breadcrumb(study: Study, answers: readonly Answer[]): Span[] {
  return answers.flatMap((a, i) => [
    ...(i > 0 ? [span(' › ', 'dim')] : []),
    span(`${study.criteria[a.criterion]!.name} `),
    a.important ? span('✓', 'good') : span('✗', 'dim'),
  ]);
}

/** "Question 2 of at most 5"; `sep` ', ' for line mode, read aloud. */
export function progress(number: number, left: number, sep = ' · '): string {
  return left <= 1 ? `Question ${number}${sep}the last on this branch` : `Question ${number} of at most ${number + left - 1}`;
}

/**
 * A key and what it does, for hint lines. Essential hints are the ones kept when a short terminal
 * has no room for all of them: the key that goes on, and the way out.
 */
export type Hint = readonly [key: string, what: string, essential?: 'essential'];

const NBSP = '\u00a0';

/** "Enter choose · ← back · q quit", wrapped between hints only, never inside one. */
export function hintLines(hints: readonly Hint[], style: Style, width: number): string[] {
  const glue = (t: string) => t.replaceAll(' ', NBSP);
  const text = hints.map(([k, what]) => `${style.bold(glue(k))}${NBSP}${style.dim(glue(what))}`).join(`${style.dim(`${NBSP}·`)} `);
  // The glue only keeps a hint on one row; the terminal gets plain spaces.
  return wrapIndented(text, width).map((l) => l.replaceAll(NBSP, ' '));
}

export function answerWord(important: boolean): string {
  return important ? 'it matters' : 'it does not matter';
}

/** Lines for the scrollback transcript (Ink's <Static>): what happened, one line each. */
export const transcript = {
  answered: (study: Study, a: Answer, style: Style): string =>
    `${style.green('✔')} ${study.criteria[a.criterion]!.name}: ${style.bold(answerWord(a.important))}`,
  back: (study: Study, criterion: number, style: Style): string => `${style.yellow('↩')} Back to ${study.criteria[criterion]!.name}`,
  backToResult: (fitted: FittedTree, style: Style): string => `${style.yellow('↩')} Back to the ${fitted.spec.name} tree's answer`,
  restart: (style: Style): string => `${style.yellow('↺')} Started over`,
  data: (name: string, style: Style): string => `${style.yellow('⇄')} Switching to ${name}`,
  ticked: (study: Study, ticked: readonly number[], style: Style): string =>
    `${style.green('✔')} Ticked: ${ticked.length === 0 ? 'nothing' : ticked.map((c) => study.criteria[c]!.name).join(', ')}`,
  more: (fitted: FittedTree, style: Style): string => `${style.cyan('…')} Asking more, on the ${fitted.spec.name} tree without its depth limit`,
  mode: (to: StartMode, style: Style): string =>
    `${style.yellow('⇄')} ${to === 'checklist' ? 'The checklist instead of one question at a time' : 'One question at a time instead of the checklist'}`,
};

/**
/**
 * A shell word as a shell reads it back: bare, in single quotes, or, when it holds a character a
 * terminal must not see as it is, in bash's $'...' with that character escaped.
 */
export function quoteArg(s: string): string {
  if (/^[\w./@%+=:,-]+$/.test(s)) return s;
  if (printable(s) === s) return `'${s.replace(/'/g, `'\\''`)}'`;
  return `$'${printable(s.replace(/[\\']/g, '\\$&'))}'`;
}

/**
 * The scripted command that gives the same advice, or undefined when the walked tree cannot be
 * named on the command line (an unlimited growth of a depth-limited tree with no file entry).
 * With `answersFile` (where the answers were saved) it reads them from there.
 */
export function scriptedCommand(session: Session, advice: Advice, criteriaFile?: string, answersFile?: string): string | undefined {
  const { study } = session.base;
  let spec: TreeSpec | undefined = session.fitted.spec;
  if (session.extendedAt !== undefined && session.fitted !== session.base) {
    const same = (t: TreeSpec) => t.criteria.length === spec!.criteria.length && t.criteria.every((c, i) => c === spec!.criteria[i]);
    spec = study.trees.find((t) => !Number.isFinite(t.maxDepth) && same(t));
  }
  if (!spec) return undefined;
  const important = advice.fitted.featureCriteria.filter((c) => advice.answers[c]);
  const args = ['reprotree'];
  if (criteriaFile !== undefined) args.push('--criteria', quoteArg(criteriaFile));
  else if (study.dataSet !== undefined && study.dataSet !== DEFAULT_DATA_SET) args.push('--data', study.dataSet);
  if (spec.name !== study.defaultTree) args.push('--tree', spec.name);
  if (answersFile !== undefined) args.push('--answers', quoteArg(answersFile));
  else if (important.length > 0) args.push('--important', important.map((c) => study.criteria[c]!.id).join(','));
  else {
    // Unnamed criteria do not matter anyway; naming the ones asked says what was answered.
    const asked = advice.path.length > 0 ? advice.path.map((s) => s.criterion) : advice.fitted.featureCriteria.slice(0, 1);
    args.push('--not-important', asked.map((c) => study.criteria[c]!.id).join(','));
  }
  return args.join(' ');
}

/**
 * The command that writes every node of the walked tree as JSON: what the tree view points to
 * when the tree is too big to draw whole. The tree grown past its depth limit ("ask more") is the
 * same tree with `--max-depth none`.
 */
export function wholeTreeCommand(session: Session, criteriaFile?: string): string {
  const { study } = session.base;
  const args = ['reprotree', 'tree'];
  if (criteriaFile !== undefined) args.push('--criteria', quoteArg(criteriaFile));
  if (session.base.spec.name !== study.defaultTree) args.push('--tree', session.base.spec.name);
  if (session.fitted !== session.base) args.push('--max-depth', 'none');
  args.push('--format', 'json');
  return args.join(' ');
}

/** The summary's lines on what would change the best: the result screen's sentences, one a line. */
function summaryAlternatives(advice: Advice, limit: number, width: number): string[] {
  if (limit <= 0) return [];
  const { shown } = shownAlternatives(advice, limit);
  if (shown.length === 0) return wrapIndented(`${ALTERNATIVES.title}: ${ALTERNATIVES.none}`, width, '  ');
  return [
    ...wrapIndented(`${ALTERNATIVES.title}:`, width, '  '),
    ...shown.flatMap((a) => wrapIndented(alternativeSentence(advice, a), width, '    ')),
  ];
}

/**
 * The closing note left in the scrollback: the result in a few plain lines. `alternatives` is how
 * many answers that would change the best it lists, as the result screen did.
 */
export function summaryText(
  session: Session,
  result: { readonly advice: Advice; readonly skipped: readonly number[] },
  style: Style,
  width: number,
  criteriaFile?: string,
  answersFile?: string,
  alternatives = DEFAULT_ALTERNATIVES,
): string {
  const { advice, skipped } = result;
  const { study, spec } = advice.fitted;
  const lines: string[] = [];
  const rec = classPhrase(study, advice.recommendation);
  const asked = advice.path.filter((s) => !skipped.includes(s.criterion));
  lines.push(
    ...wrapIndented(
      `${style.bold('reprotree:')} ${advice.recommendation.members.length > 1 ? '' : 'use '}${style.bold(style.green(rec))}` +
        ` (tree ${spec.name}${session.extendedAt === undefined ? '' : ' without its depth limit'}, ${plural(asked.length, 'question')}).`,
      width,
    ),
  );
  const said = asked.map((s) => `${study.criteria[s.criterion]!.name} ${s.important ? 'matters' : 'does not matter'}`);
  if (said.length > 0) lines.push(...wrapIndented(`Your answers: ${said.join(', ')}.`, width, '  '));
  if (skipped.length > 0) {
    const list = skipped.map((c) => study.criteria[c]!.name).join(', ');
    lines.push(...wrapIndented(`Not asked, as no answer could change the result: ${list}.`, width, '  '));
  }
  const order = advice.totals.map((t, f) => ({ t, f })).sort((a, b) => b.t - a.t || a.f - b.f);
  lines.push(
    ...wrapIndented(`Totals over what matters: ${order.map(({ t, f }) => `${study.frameworks[f]!.name} ${num(t)}`).join(', ')}.`, width, '  '),
  );
  if (!advice.agrees) {
    const exact = classPhrase(study, advice.best);
    lines.push(
      ...wrapIndented(style.yellow(`This is the ${spec.name} tree's majority answer; for exactly your answers ${exact} scores best.`), width, '  '),
    );
  }
  lines.push(...summaryAlternatives(advice, alternatives, width));
  if (answersFile !== undefined) lines.push(...wrapIndented(`Your answers are saved in ${answersFile}.`, width, '  '));
  const command = scriptedCommand(session, advice, criteriaFile, answersFile);
  // The command on a row of its own, never wrapped, so it copies whole at any width.
  if (command) lines.push(...wrapIndented(style.dim('Same advice without the questions:'), width, '  '), `  ${command}`);
  return lines.join('\n') + '\n';
}
