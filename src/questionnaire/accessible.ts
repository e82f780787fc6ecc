/**
 * The questionnaire as plain lines, for screen readers and pipes: one numbered question at a time,
 * answers read line by line, nothing redrawn or animated, no Ink. Everything is said in words: no
 * marks, bars, box drawing or dotted separators for a reader to spell out, and the tree (`t`) as
 * an outline. Questions and prompts go to stderr and the result to stdout, as everywhere else in
 * reprotree, so `> advice.txt` keeps just the advice. `printf '1\n2\n1\n' | reprotree
 * --accessible` answers three questions.
 */
import { createInterface } from 'node:readline';
import { Cancelled, printable, UserError } from '../errors.js';
import { adviceReport } from '../render/advice-report.js';
import { blocksToLines, styleLine } from '../render/lines.js';
import { PLAIN_STYLE as PLAIN } from '../render/style.js';
import { treeOutline } from '../render/tree-outline.js';
import type { Study } from '../study/types.js';
import { applyMove } from './moves.js';
import type { Move } from './moves.js';
import { answerVector, fromTicks, locate, moreQuestions, startSession } from './session.js';
import type { FrontEndIO, WalkOptions } from './front-end.js';
import type { QuestionPosition, Session } from './session.js';
import { questionnaireTrees } from './trees.js';
import { AnswersSaver } from './saved-answers.js';
import { switchData } from './switch-data.js';
import {
  DATA_KEY,
  evidenceBlocks,
  exactOffer,
  firstSentence,
  introLines,
  notices,
  presetLine,
  progress,
  scoresLine,
  scriptedCommand,
  wholeTreeCommand,
} from './wording.js';

/** Prompts carry no colour (PLAIN) and are never wrapped: they are read aloud, a line at a time. */
const WIDE = Number.POSITIVE_INFINITY;

/** Read aloud, a list is separated by commas, not middle dots. */
const SPOKEN = ', ';

type Reply = 'yes' | 'no' | 'back' | 'restart' | 'evidence' | 'tree' | 'data' | 'quit' | undefined;

function replyOf(text: string): Reply {
  const t = text.trim().toLowerCase();
  if (['1', 'y', 'yes', 'matters'].includes(t)) return 'yes';
  if (['2', 'n', 'no'].includes(t)) return 'no';
  if (['b', 'back'].includes(t)) return 'back';
  if (['r', 'restart'].includes(t)) return 'restart';
  if (['?', 'e', 'evidence', 'help'].includes(t)) return 'evidence';
  if (['t', 'tree'].includes(t)) return 'tree';
  if ([DATA_KEY, 'data'].includes(t)) return 'data';
  if (['q', 'quit', 'exit'].includes(t)) return 'quit';
  return undefined;
}

/** The replies that move the walk, as the moves both front ends share. */
const MOVES: Partial<Record<NonNullable<Reply>, Move>> = {
  yes: { kind: 'answer', important: true },
  no: { kind: 'answer', important: false },
  back: { kind: 'back' },
  restart: { kind: 'restart' },
};

/** Reads stdin a line at a time; undefined once it has ended. */
function lineReader(): { next(): Promise<string | undefined>; close(): void } {
  const rl = createInterface({ input: process.stdin, terminal: false, crlfDelay: Infinity });
  const lines = rl[Symbol.asyncIterator]();
  return {
    next: async () => {
      const r = await lines.next();
      return r.done ? undefined : r.value;
    },
    close: () => rl.close(),
  };
}

/** Thrown from a question to leave the walk for the other data set (`d`). */
const SWITCH = Symbol('switch data');

export async function runAccessible(study: Study, options: WalkOptions, ctx: FrontEndIO): Promise<void> {
  const input = lineReader();
  const say = (...lines: string[]) => ctx.err(ctx.glyphs.draw(lines.join('\n') + '\n'));
  try {
    let current = { study, walk: options };
    // `d` starts the walk over on the other data set, as often as it is typed.
    while (await walkOn(current.study, current.walk, ctx, input)) {
      const next = await switchData(current.study, current.walk);
      say('', ...next.notes, '');
      current = { study: next.study, walk: next.walk };
    }
  } finally {
    input.close();
  }
}

/** One walk on one data set; true when the user asked for the other data set instead. */
async function walkOn(study: Study, options: WalkOptions, ctx: FrontEndIO, input: ReturnType<typeof lineReader>): Promise<boolean> {
  const trees = questionnaireTrees(study, options.tree, ctx.timings);
  const say = (...lines: string[]) => ctx.err(ctx.glyphs.draw(lines.join('\n') + '\n'));
  const piped = !process.stdin.isTTY;

  /** Shows a prompt and reads the reply, echoed when piped so the transcript reads right. */
  const ask = async (prompt: string): Promise<string | undefined> => {
    ctx.err(ctx.glyphs.draw(prompt));
    const line = await input.next();
    // A piped reply is not echoed by a terminal; Ctrl-D leaves the cursor after the prompt.
    if (piped || line === undefined) ctx.err(line === undefined ? '\n' : `${printable(line)}\n`);
    return line;
  };
  const report = (lines: readonly string[]) => ctx.out(ctx.glyphs.draw(lines.join('\n') + '\n'));

  try {
    say(...introLines(study, trees.base, PLAIN, WIDE, { start: options.start, spoken: true, ...(options.other ? { offer: options.other } : {}) }));
    const preset = presetLine(study, options.preset);
    if (preset) say(preset, '');
    let session = startSession(trees.base, options.preset);
    if (options.start === 'checklist') session = await checklist(session);
    else
      say(
        `Answer each question with 1 if it matters to you or 2 if it does not. You can also type b to go back, r to start over, ? for the evidence behind the question, t for the tree as an outline,${options.other ? ` ${DATA_KEY} for ${options.other.name},` : ''} or q to quit.`,
        '',
      );

    for (;;) {
      const at = locate(session);
      if (at.kind === 'question') {
        session = await question(session, at);
        continue;
      }
      report(
        blocksToLines(adviceReport(at.advice, { skipped: at.skipped, words: true, alternatives: options.alternatives }), ctx.style, WIDE, {
          plain: true,
        }),
      );
      const more = at.exactable && (await askMore(session)) ? applyMove(trees, session, { kind: 'more' }) : undefined;
      if (more?.kind === 'extended') {
        session = more.session;
        say('');
        continue;
      }
      const saver = new AnswersSaver(study, options.saveAnswers);
      if (options.saveAnswers !== undefined || (await askSave(saver.target()))) {
        const saved = saver.save(session);
        if (saved.kind === 'failed') throw new UserError(saved.message);
        say(notices.saved(saved.file));
      }
      const command = scriptedCommand(session, at.advice, options.criteria, saver.file);
      if (command) say(`Same advice without the questions: ${command}`);
      return false;
    }
  } catch (e) {
    if (e === SWITCH) return true;
    throw e;
  }

  /** On a majority leaf: whether to go on to the exact answer. The end of the input says no. */
  async function askMore(session: Session): Promise<boolean> {
    const n = moreQuestions(session, trees.unlimited());
    const at = locate(session);
    if (at.kind !== 'result') return false;
    // The checklist answers every criterion at once: then the exact answer needs no question.
    const [prompt, yes] = n === 0 ? ['Show it? 1 yes, 2 no: ', 'show it'] : ['Ask them? 1 yes, 2 no: ', 'ask them'];
    say('', exactOffer(at.advice, n));
    for (;;) {
      const line = await ask(prompt);
      if (line === undefined) return false;
      const reply = replyOf(line);
      if (reply === 'yes') return true;
      if (reply === 'no' || reply === 'quit') return false;
      say(
        line.trim() === ''
          ? `Type 1 to ${yes}, or 2 to keep this answer.`
          : `'${printable(line.trim())}' is not an answer here: type 1 to ${yes}, or 2 to keep this answer.`,
      );
    }
  }

  /** At the end, the line-mode `s`: whether to save the answers to `file`. The end of the input says no. */
  async function askSave(file: string): Promise<boolean> {
    say('');
    for (;;) {
      const line = await ask(`Save your answers to ${file}, to use them again with --answers? 1 yes, 2 or Enter no: `);
      if (line === undefined) return false;
      const t = line.trim().toLowerCase();
      if (['1', 'y', 'yes', 's', 'save'].includes(t)) return true;
      if (['', '2', 'n', 'no', 'q', 'quit'].includes(t)) return false;
      say(`'${printable(line.trim())}' is not an answer here: type 1 to save them, or 2 (or just Enter) to finish.`);
    }
  }

  async function question(session: Session, at: QuestionPosition): Promise<Session> {
    const c = study.criteria[at.criterion]!;
    const about = c.help ? `Measured: ${firstSentence(c.help)} ` : '';
    say(
      `${progress(at.number, at.left, SPOKEN)}: ${c.question}`,
      `${about}Scores (higher is better): ${styleLine(scoresLine(study, at.criterion, SPOKEN), PLAIN)}.`,
    );
    const previous = at.previous === undefined ? '' : ` (before, you answered ${at.previous ? 1 : 2})`;
    for (;;) {
      const line = await ask(`Answer 1 (it matters) or 2 (it does not)${previous}: `);
      if (line === undefined) {
        if (!piped) throw new Cancelled();
        throw new UserError(
          `The input ended before question ${at.number} (${c.name}) was answered; give one answer per line: 1 if it matters, 2 if it does not.`,
        );
      }
      const reply = replyOf(line);
      const move = reply && MOVES[reply];
      const moved = move && applyMove(trees, session, move);
      switch (moved?.kind) {
        case 'answered':
          say('');
          return moved.session;
        case 'went-back':
          say('Going back one question.', '');
          return moved.session;
        case 'restarted':
          say('Starting over.', '');
          return options.start === 'checklist' ? checklist(moved.session) : moved.session;
        case 'refused':
          if (moved.notice) say(moved.notice);
          continue;
      }
      switch (reply) {
        case 'evidence':
          say('', ...blocksToLines(evidenceBlocks(study, at.criterion), PLAIN, WIDE, { plain: true }), '');
          break;
        case 'tree':
          say(
            '',
            `The ${session.fitted.spec.name} tree as an outline. Under each question come the branches for "it does not matter" and "it matters"; those your answers took say "your answer".`,
            ...treeOutline(session.fitted, {
              answers: answerVector(session),
              stopAt: at.node,
              complete: wholeTreeCommand(session, options.criteria),
            }),
            '',
          );
          break;
        case 'data':
          if (options.other) throw SWITCH;
          say(
            `There is no other data set to use here${options.criteria !== undefined ? ': the scores are your file' : ''}; type 1 if it matters, 2 if it does not, or b, r, ?, t or q.`,
          );
          break;
        case 'quit':
          throw new Cancelled();
        default: {
          const keys = `${['b', 'r', '?', 't', ...(options.other ? [DATA_KEY] : [])].join(', ')} or q`;
          say(
            line.trim() === ''
              ? `Type 1 if it matters, 2 if it does not, or ${keys}.`
              : `'${printable(line.trim())}' is not an answer here: type 1 if it matters, 2 if it does not, or ${keys}.`,
          );
        }
      }
    }
  }

  async function checklist(session: Session): Promise<Session> {
    // Criteria answered before the walk are not listed again; the ticks are added to theirs.
    const criteria = trees.base.featureCriteria.filter((c) => !options.preset.has(c));
    const given = [...options.preset].filter(([, important]) => important).map(([c]) => c);
    if (criteria.length === 0) return walked(fromTicks(session, new Set(given)));
    say(
      `Which of these matter to you? Type their numbers separated by spaces or commas, or just press Enter if none does${options.other ? ` (${DATA_KEY} uses ${options.other.name} instead)` : ''}.`,
      ...criteria.map((c, i) => `${i + 1}. ${study.criteria[c]!.name}: ${study.criteria[c]!.question}`),
    );
    for (;;) {
      const line = await ask('Numbers: ');
      if (line === undefined) {
        if (!piped) throw new Cancelled();
        throw new UserError(
          'The input ended before the checklist was answered; give the numbers of what matters on one line (an empty line for none).',
        );
      }
      if (replyOf(line) === 'quit') throw new Cancelled();
      if (replyOf(line) === 'data' && options.other) throw SWITCH;
      const parts = line.split(/[\s,]+/).filter((p) => p !== '');
      const bad = parts.find((p) => !/^\d+$/.test(p) || Number(p) < 1 || Number(p) > criteria.length);
      if (bad !== undefined) {
        say(`'${printable(bad)}' is not one of the numbers 1 to ${criteria.length}; try again, or type q to quit.`);
        continue;
      }
      const ticked = new Set([...given, ...parts.map((p) => criteria[Number(p) - 1]!)]);
      return walked(fromTicks(session, ticked));
    }
  }

  /** Says how the checklist's answers walk the tree, and goes on from there. */
  function walked(next: Session): Session {
    const at = locate(next);
    if (at.kind === 'result') {
      say('', `Walking the ${trees.base.spec.name} tree with your choices:`);
      at.advice.path.forEach((s, i) => {
        const how = options.preset.has(s.criterion) ? 'answered already' : s.important ? 'chosen' : 'not chosen';
        say(`${i + 1}. ${study.criteria[s.criterion]!.name}? ${how}, so it ${s.important ? 'matters' : 'does not matter'}.`);
      });
      say('');
    }
    return next;
  }
}
