/**
 * The `t` view: the tree being walked, drawn with the path so far, opening on its last step, and
 * a key to what its bars and numbers mean.
 */
import { useMemo } from 'react';
import { renderTreeText, treeKey } from '../render/tree-text.js';
import { readingWidth, wrapped } from '../render/lines.js';
import { answerVector, locate } from '../questionnaire/session.js';
import type { Session } from '../questionnaire/session.js';
import { treeViewHeading, wholeTreeCommand } from '../questionnaire/wording.js';
import { VIEW_HINTS } from './hints.js';
import { useStyle } from './style-context.js';
import { TextScreen } from './TextScreen.js';
import type { Size } from './use-terminal-size.js';

export interface TreeViewProps {
  /** The walk: its tree, and the answers that mark the path. */
  readonly session: Session;
  /** The terminal's size: the picture pages within it. */
  readonly size: Size;
  /** The criteria file the user named, for the command that writes a tree too big to draw. */
  readonly criteria?: string | undefined;
}

export function TreeView({ session, size, criteria }: TreeViewProps) {
  const style = useStyle();
  const width = readingWidth(size.columns);
  // A tree of many criteria is large: drawn again only when the walk or the width changes.
  const lines = useMemo(() => {
    const at = locate(session);
    // Part-way through, the path so far is marked down to the question being asked.
    const marks = at.kind === 'result' ? { answers: answerVector(session) } : { answers: answerVector(session), stopAt: at.node };
    const picture = renderTreeText(session.fitted, { style, width, ...marks })
      .replace(/\n$/, '')
      .split('\n');
    // The heading says what the path's marks are; the key under the tree, the rest.
    const key = treeKey(session.fitted, { style, width, ...marks, complete: wholeTreeCommand(session, criteria) });
    return [...wrapped(treeViewHeading(session), style, width), '', ...picture, '', ...key];
  }, [session, style, width, criteria]);
  // The path ends at the last marked line: start with the leaf in view.
  const leaf = lines.findLastIndex((l) => l.includes('▶'));
  return <TextScreen lines={lines} hints={VIEW_HINTS} size={size} {...(leaf > 0 ? { focus: leaf } : {})} />;
}
