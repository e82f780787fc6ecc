/** Ink, React and the app, in one module that run.ts loads on demand (see there for why). */
import { render } from 'ink';
import { createElement } from 'react';
import { App } from './App.js';
import type { AppProps } from './App.js';

/** Renders the app and resolves when it has exited. */
export async function mount(props: AppProps): Promise<void> {
  const app = render(createElement(App, props), {
    // Ink's own Ctrl-C handling would end the app as if the user had finished (exit 0).
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await app.waitUntilExit();
}
