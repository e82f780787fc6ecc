/**
 * Where a questionnaire stands, as plain data: the answers given so far decide which question the
 * tree asks next, or which leaf it has reached. Both the Ink app and the line-by-line accessible
 * mode drive the same functions, so going back, skipping and "ask more" behave identically there.
 */
import { advise, decidedClasses, isDecided } from '../advice/advise.js';
import type { Advice } from '../advice/advise.js';
import type { FittedTree } from '../advice/model.js';
import type { Tree } from '../cart/tree.js';

/** How a walk starts: one question at a time, or a checklist of every criterion at once. */
export type StartMode = 'questions' | 'checklist';

export interface Answer {
  readonly criterion: number;
  readonly important: boolean;
}

export interface Session {
  /** The tree the user chose (maybe depth-limited). */
  readonly base: FittedTree;
  /** The tree being walked: `base`, or its unlimited growth once the user asked for more. */
  readonly fitted: FittedTree;
  /** The answers the user gave, in order. */
  readonly answers: readonly Answer[];
  /** How many answers there were when "ask more" switched to the unlimited tree. */
  readonly extendedAt?: number;
  /** Every answer ever given to a criterion, so a question that comes back shows it pre-selected. */
  readonly remembered: ReadonlyMap<number, boolean>;
  /**
   * Answers given before the walk (flags, an answers file), by criterion: the walk follows them
   * without asking, wherever in the tree their questions come. `answers` override them.
   */
  readonly preset: ReadonlyMap<number, boolean>;
}

export type Position = QuestionPosition | ResultPosition;

/** The walk stands at a question still to be answered. */
export interface QuestionPosition {
  readonly kind: 'question';
  readonly node: number;
  readonly criterion: number;
  /** 1-based number of this question among the user's answers. */
  readonly number: number;
  /** The most questions left on this branch, this one included. */
  readonly left: number;
  /** Questions passed over on the way here because their answer could not change the result. */
  readonly skipped: readonly number[];
  /** The earlier answer to this question, when the user has been here before. */
  readonly previous?: boolean;
}

/** The walk has reached a leaf. */
export interface ResultPosition {
  readonly kind: 'result';
  readonly advice: Advice;
  readonly skipped: readonly number[];
  /** The leaf is a majority vote of a depth-limited tree: more questions would make it exact. */
  readonly exactable: boolean;
}

export function startSession(base: FittedTree, preset: ReadonlyMap<number, boolean> = new Map()): Session {
  return { base, fitted: base, answers: [], remembered: new Map(), preset };
}

/** Every answer in force: those given before the walk, then the walk's own over them. */
export function knownAnswers(s: Session): Map<number, boolean> {
  return new Map([...s.preset, ...s.answers.map((a) => [a.criterion, a.important] as const)]);
}

/** answers[c] for every study criterion; unanswered ones (skipped or unasked) do not matter. */
export function answerVector(s: Session): boolean[] {
  const known = knownAnswers(s);
  return s.base.study.criteria.map((_, c) => known.get(c) === true);
}

interface Stop {
  readonly node: number;
  readonly skipped: number[];
}

/**
 * Follows known answers down the tree. A node whose subtree recommends one thing everywhere is
 * passed over (its "no" branch taken, as the report counts skipped questions as not mattering);
 * the walk stops at the first node that still needs an answer, or at a leaf.
 */
function descend(fitted: FittedTree, known: ReadonlyMap<number, boolean>, from = 0): Stop {
  const { tree, featureCriteria } = fitted;
  const skipped: number[] = [];
  let node = from;
  while (!tree.isLeaf(node)) {
    const criterion = featureCriteria[tree.feature[node]!]!;
    const answer = known.get(criterion);
    if (answer !== undefined) node = answer ? tree.right[node]! : tree.left[node]!;
    else if (isDecided(fitted, node)) {
      skipped.push(criterion);
      node = tree.left[node]!;
    } else break;
  }
  return { node, skipped };
}

/**
 * Per tree, what `questionsLeft` needs of every node, built in one sweep: `below[n]`, the features
 * asked anywhere under n (n included) as a bitmask (a tree has at most 20 features); and
 * `longest[n]`, the most questions a walk from n can still ask when nothing under n is answered
 * yet (0 at a leaf, and at a decided node, which the walk passes over).
 */
interface Reach {
  readonly below: Int32Array;
  readonly longest: Int32Array;
}

const reachByTree = new WeakMap<Tree, Reach>();

function reach(tree: Tree): Reach {
  const known = reachByTree.get(tree);
  if (known) return known;
  const decided = decidedClasses(tree);
  const below = new Int32Array(tree.nodeCount);
  const longest = new Int32Array(tree.nodeCount);
  // Children have larger ids than their parent (ids are given depth-first): one sweep from the
  // last node back finds each node's children done.
  for (let n = tree.nodeCount - 1; n >= 0; n--) {
    if (tree.isLeaf(n)) continue;
    const no = tree.left[n]!;
    const yes = tree.right[n]!;
    below[n] = (1 << tree.feature[n]!) | below[no]! | below[yes]!;
    longest[n] = decided[n] !== -1 ? 0 : 1 + Math.max(longest[no]!, longest[yes]!);
  }
  const built = { below, longest };
  reachByTree.set(tree, built);
  return built;
}

/**
 * The longest run of questions still to be asked below `node`, given what is known: the walk
 * follows a known answer without asking, passes over a decided node, and asks anything else.
 * Where nothing under a node is known the answer is read from the table; only the branches that
 * hold a known question are walked, with the known answers as two bitmasks over features.
 */
export function questionsLeft(fitted: FittedTree, known: ReadonlyMap<number, boolean>, node: number): number {
  const { tree, featureCriteria } = fitted;
  let knownMask = 0;
  let yesMask = 0;
  featureCriteria.forEach((criterion, f) => {
    const answer = known.get(criterion);
    if (answer === undefined) return;
    knownMask |= 1 << f;
    if (answer) yesMask |= 1 << f;
  });
  return runFrom(tree, reach(tree), decidedClasses(tree), knownMask, yesMask, node);
}

function runFrom(tree: Tree, r: Reach, decided: Int32Array, knownMask: number, yesMask: number, from: number): number {
  let n = from;
  for (;;) {
    if (tree.isLeaf(n) || (r.below[n]! & knownMask) === 0) return r.longest[n]!;
    const bit = 1 << tree.feature[n]!;
    if ((knownMask & bit) !== 0) n = (yesMask & bit) !== 0 ? tree.right[n]! : tree.left[n]!;
    else if (decided[n] !== -1) return 0;
    else {
      // Asked here, so known below (a fitted tree never asks it again on the same path anyway).
      const no = runFrom(tree, r, decided, knownMask | bit, yesMask, tree.left[n]!);
      const yes = runFrom(tree, r, decided, knownMask | bit, yesMask | bit, tree.right[n]!);
      return 1 + Math.max(no, yes);
    }
  }
}

/**
 * Sessions are immutable values and every key asks where one stands several times (the reducer,
 * the screen, the hints), so each session's position is worked out once.
 */
const positions = new WeakMap<Session, Position>();

export function locate(s: Session): Position {
  const known = positions.get(s);
  if (known) return known;
  const at = findPosition(s);
  positions.set(s, at);
  return at;
}

function findPosition(s: Session): Position {
  const known = knownAnswers(s);
  const { node, skipped } = descend(s.fitted, known);
  const { tree, featureCriteria } = s.fitted;
  if (!tree.isLeaf(node)) {
    const criterion = featureCriteria[tree.feature[node]!]!;
    return {
      kind: 'question',
      node,
      criterion,
      number: s.answers.length + 1,
      left: questionsLeft(s.fitted, known, node),
      skipped,
      ...(s.remembered.has(criterion) ? { previous: s.remembered.get(criterion)! } : {}),
    };
  }
  const advice = advise(s.fitted, answerVector(s));
  const exactable = s.extendedAt === undefined && Number.isFinite(s.fitted.maxDepth) && advice.leafCounts.length > 1;
  return { kind: 'result', advice, skipped, exactable };
}

/** Answers the question the session is at. */
export function answer(s: Session, important: boolean): Session {
  const at = locate(s);
  if (at.kind !== 'question') return s;
  return {
    ...s,
    answers: [...s.answers, { criterion: at.criterion, important }],
    remembered: new Map(s.remembered).set(at.criterion, important),
  };
}

/**
 * One step back: undoes the last answer, or leaves the unlimited tree when no question has been
 * answered on it yet. Undefined when there is nothing to go back to.
 */
export function back(s: Session): Session | undefined {
  if (s.extendedAt !== undefined && s.answers.length <= s.extendedAt) {
    const { extendedAt: _, ...rest } = s;
    return { ...rest, fitted: s.base, answers: s.answers.slice(0, s.extendedAt) };
  }
  if (s.answers.length === 0) return undefined;
  return { ...s, answers: s.answers.slice(0, -1) };
}

/** Continues on the unlimited tree, keeping every answer given (skipped questions come back). */
export function extend(s: Session, unlimited: FittedTree): Session {
  return { ...s, fitted: unlimited, extendedAt: s.answers.length };
}

/** All of the tree's criteria answered at once, as the checklist does. */
export function fromTicks(s: Session, ticked: ReadonlySet<number>): Session {
  const answers = s.base.featureCriteria.map((criterion) => ({ criterion, important: ticked.has(criterion) }));
  return { ...withTicks(s, ticked), answers };
}

/**
 * A walk from the first question on the chosen tree that remembers the ticks as earlier answers,
 * so each question opens on what the checklist said while only the answers given count.
 */
export function withTicks(s: Session, ticked: ReadonlySet<number>): Session {
  const remembered = new Map(s.remembered);
  for (const c of s.base.featureCriteria) remembered.set(c, ticked.has(c));
  return { base: s.base, fitted: s.base, answers: [], remembered, preset: s.preset };
}

/** How many more questions the unlimited tree could ask, for the offer on a result. */
export function moreQuestions(s: Session, unlimited: FittedTree): number {
  return questionsLeft(unlimited, knownAnswers(s), 0);
}
