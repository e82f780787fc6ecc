/** Ink, React and the app, in one module that run.ts loads on demand (see there for why). */
import { render } from 'ink';
import { createElement } from 'react';
import { App } from './App.js';
import type { AppProps } from './App.js';
import type { Terminal } from './terminal.js';

/** Renders the app on the terminal's screen and resolves when it has exited. */
export async function mount(props: Omit<AppProps, 'onSuspend'>, terminal: Terminal): Promise<void> {
  // Ink writes to the screen only; it takes stderr for useStderr, which the app does not use.
  const screen = terminal.screen as unknown as NodeJS.WriteStream;
  const app = render(createElement(App, { ...props, onSuspend: terminal.suspend }), {
    stdout: screen,
    stderr: screen,
    stdin: process.stdin,
    // Ink's own Ctrl-C handling would end the app as if the user had finished (exit 0).
    exitOnCtrlC: false,
    patchConsole: false,
  });
  terminal.attach(app);
  await app.waitUntilExit();
}
