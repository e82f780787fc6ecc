/**
 * Drives the questionnaire's components with ink-testing-library: the study's own criteria.yaml,
 * plain style (so frames compare as text), a fixed terminal size, and keys written one at a time
 * with a pause after each, since input that arrives before useInput subscribes is lost.
 */
import { render } from 'ink-testing-library';
import { afterEach } from 'vitest';
import type { Session, StartMode } from '../../src/questionnaire/session.js';
import type { Style } from '../../src/render/style.js';
import { displayWidth } from '../../src/render/terminal-text.js';
import { App } from '../../src/tui/App.js';
import { ESCAPE_MS } from '../../src/tui/keys.js';
import type { Outcome } from '../../src/tui/App.js';
import type { Size } from '../../src/tui/use-terminal-size.js';
import { PLAIN, trees } from '../helpers/study.js';

export const KEY = {
  enter: '\r',
  up: '\u001b[A',
  down: '\u001b[B',
  left: '\u001b[D',
  escape: '\u001b',
  /** What the Backspace key sends in most terminals. */
  backspace: '\u007f',
  ctrlC: '\u0003',
  space: ' ',
  pageDown: '\u001b[6~',
  end: '\u001b[F',
} as const;

/** Long enough for React to commit and Ink's hooks to subscribe. */
export const settle = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Driven {
  /** The latest frame: the transcript (<Static>) followed by the live area. */
  frame(): string;
  /** The live area alone: the frame after the transcript lines. */
  live(): string;
  press(...keys: string[]): Promise<void>;
  outcome(): Outcome | undefined;
  /** The sessions `s` asked to save, in order (with the default `save`). */
  saves(): readonly Session[];
  unmount(): void;
}

const mounted: Driven[] = [];
// Every app a test drove is unmounted after it, pass or fail (importing this registers the hook).
afterEach(() => {
  for (const d of mounted.splice(0)) d.unmount();
});

export interface DriveOptions {
  tree?: string;
  start?: StartMode;
  size?: Size;
  style?: Style;
  stepMs?: number;
  /** Answers given before the walk, by criterion id. */
  preset?: Record<string, boolean>;
  /** What `s` does; by default it records the answers and says so. */
  save?: (session: Session) => string;
  /** How many answers that would change the best the result shows (--alternatives). */
  alternatives?: number;
  /** The other data set `d` switches to, if one is offered. */
  otherData?: string;
}

export async function drive(options: DriveOptions = {}): Promise<Driven> {
  let outcome: Outcome | undefined;
  const t = trees(options.tree);
  const ids = t.base.study.criteria.map((c) => c.id);
  const preset = new Map(Object.entries(options.preset ?? {}).map(([id, v]) => [ids.indexOf(id), v]));
  const saves: Session[] = [];
  const app = render(
    <App
      trees={t}
      style={options.style ?? PLAIN}
      start={options.start ?? 'questions'}
      preset={preset}
      {...(options.alternatives === undefined ? {} : { alternatives: options.alternatives })}
      {...(options.otherData === undefined ? {} : { otherData: options.otherData })}
      onDone={(o) => {
        outcome = o;
      }}
      save={
        options.save ??
        ((session) => {
          saves.push(session);
          return `saved ${saves.length}`;
        })
      }
      size={options.size ?? { columns: 80, rows: 40 }}
      stepMs={options.stepMs ?? 0}
    />,
  );
  await settle();
  const driven: Driven = {
    frame: () => app.lastFrame() ?? '',
    live() {
      const lines = (app.lastFrame() ?? '').split('\n');
      // Transcript lines start with one of its marks; the live area never does.
      let i = 0;
      while (i < lines.length && /^[✔↩↺…⇄] /.test(lines[i]!)) i++;
      return lines.slice(i).join('\n');
    },
    async press(...keys: string[]) {
      for (const k of keys) {
        app.stdin.write(k);
        // A lone Esc is held a moment in case the rest of an escape sequence follows (keys.ts).
        await settle(k === KEY.escape ? 2 * ESCAPE_MS + 40 : 40);
      }
    },
    outcome: () => outcome,
    saves: () => saves,
    unmount: () => app.unmount(),
  };
  mounted.push(driven);
  return driven;
}

/** A frame's words with line breaks and runs of spaces as single spaces: wrapping aside. */
export const flat = (frame: string): string => frame.replace(/\s+/g, ' ');

/** The widest row of a frame, in terminal columns (ANSI codes not counted). */
export function widest(frame: string): number {
  return Math.max(...frame.split('\n').map(displayWidth));
}
