/**
 * Every criterion of the tree at once, each with its question on one line: Space ticks what
 * matters, Enter confirms (the app's reducer takes the keys). Taller lists than the terminal
 * scroll with the highlight, saying how many rows are out of sight.
 */
import { Box } from 'ink';
import type { Hint } from '../questionnaire/wording.js';
import { readingWidth, wrapped } from '../render/lines.js';
import type { Style } from '../render/style.js';
import type { Study } from '../study/types.js';
import { fitHints, usableRows } from './fit.js';
import { Lines } from './Lines.js';
import { useStyle } from './style-context.js';
import type { Size } from './use-terminal-size.js';

export interface ChecklistProps {
  /** Where the criteria's names and questions come from. */
  readonly study: Study;
  /** The criteria to offer, in the tree's order. */
  readonly criteria: readonly number[];
  /** The criteria ticked so far. */
  readonly ticked: ReadonlySet<number>;
  /** Index into `criteria` of the highlighted row. */
  readonly cursor: number;
  /** The keys to list under the checklist. */
  readonly hints: readonly Hint[];
  /** The terminal's size: the list scrolls and shortens its rows to fit. */
  readonly size: Size;
}

/** The checklist in the terminal's rows (at least the highlighted row and the keys), or undefined. */
export function checklistLines(props: ChecklistProps, style: Style): string[] | undefined {
  const { study, criteria, ticked, cursor, hints, size } = props;
  const width = readingWidth(size.columns);
  const keys = fitHints(hints, style, width, usableRows(size.rows) - 1);
  if (!keys) return undefined;
  let room = usableRows(size.rows) - keys.length;

  const head = wrapped(
    [{ text: 'Tick what matters to you', tone: 'strong' }, { text: ' (Space), then press Enter. Unticked criteria do not matter.' }],
    style,
    width,
  );
  const left = study.criteria.length - criteria.length;
  if (left > 0)
    head.push(...wrapped(`This tree uses ${criteria.length} of the file's ${study.criteria.length} criteria.`, style, width).map(style.dim));
  // The heading, and the row between the list and the keys, go before the list's last row does.
  const spacer = room >= 2 ? 1 : 0;
  room -= spacer;
  const shownHead = room - head.length >= 1 ? head : [];
  room -= shownHead.length;
  // Two rows an item (name, then its question) when they fit, else one.
  const perItem = criteria.length * 2 <= room ? 2 : 1;
  const shown = Math.max(1, Math.min(criteria.length, Math.floor(room / perItem)));
  const first = Math.min(Math.max(0, cursor - shown + 1), criteria.length - shown);

  const rows = criteria.slice(first, first + shown).flatMap((c, i) => {
    const at = first + i === cursor;
    const cr = study.criteria[c]!;
    const box = ticked.has(c) ? style.green('[x]') : '[ ]';
    const name = at ? style.bold(style.cyan(cr.name)) : cr.name;
    const pointer = at ? style.cyan('❯') : ' ';
    if (perItem === 2) return [`${pointer} ${box} ${name}`, `      ${style.dim(cr.question)}`];
    return [`${pointer} ${box} ${name} ${style.dim('— ' + cr.question)}`];
  });
  const hidden = criteria.length - shown;
  const between = spacer === 0 ? [] : hidden > 0 ? [style.dim(`↑↓ ${hidden} more`)] : [''];
  return [...shownHead, ...rows, ...between, ...keys];
}

export function Checklist(props: ChecklistProps) {
  const style = useStyle();
  const lines = checklistLines(props, style);
  if (!lines) return null;
  return (
    <Box flexDirection="column">
      <Lines lines={lines} width={props.size.columns} />
    </Box>
  );
}
