/**
 * Headless Chromium driven over the DevTools protocol, for tests that check what a page shows
 * rather than what its HTML says. The protocol runs over a pipe (`--remote-debugging-pipe`:
 * JSON messages ended by a NUL byte, written to the browser's fd 3 and read from its fd 4), so no
 * port is opened and no client library is needed; the commands used (Page, Runtime, Emulation,
 * Network) are the stable core of the protocol. Debian's `chromium` is what CI installs.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The browser to drive: CHROMIUM if set, else Debian's. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Whether a browser is there to drive; outside CI a test skips, saying why, when it is not. */
export function chromiumAvailable(): boolean {
  const r = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 && /Chromium|Chrome/i.test(r.stdout);
}

interface Pending {
  resolve(value: Record<string, unknown>): void;
  reject(error: Error): void;
}

type Listener = (params: Record<string, unknown>, sessionId?: string) => void;

export class Browser {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Listener[]>();
  private buffer = '';
  private closed = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
    readonly stderr: () => string,
  ) {
    const out = child.stdio[4] as Readable;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end = this.buffer.indexOf('\0');
      while (end >= 0) {
        this.receive(JSON.parse(this.buffer.slice(0, end)));
        this.buffer = this.buffer.slice(end + 1);
        end = this.buffer.indexOf('\0');
      }
    });
    child.on('exit', () => {
      this.closed = true;
      for (const p of this.pending.values()) p.reject(new Error(`chromium exited: ${this.stderr().slice(-2000)}`));
      this.pending.clear();
    });
  }

  /** Starts the browser with the flags a test machine needs and a profile of its own. */
  static async launch(): Promise<Browser> {
    const profile = mkdtempSync(join(tmpdir(), 'reprotree-chromium-'));
    const flags = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      'about:blank',
    ];
    const child = spawn(CHROMIUM, flags, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => {
      err = (err + s).slice(-20_000);
    });
    return new Browser(child, profile, () => err);
  }

  private receive(message: {
    id?: number;
    result?: Record<string, unknown>;
    error?: { message: string };
    method?: string;
    params?: Record<string, unknown>;
    sessionId?: string;
  }): void {
    if (message.id !== undefined) {
      const p = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) p?.reject(new Error(message.error.message));
      else p?.resolve(message.result ?? {});
    } else if (message.method) {
      for (const l of this.listeners.get(message.method) ?? []) l(message.params ?? {}, message.sessionId);
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.closed) return Promise.reject(new Error('chromium is not running'));
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      (this.child.stdio[3] as Writable).write(`${message}\0`);
    });
  }

  on(method: string, listener: Listener): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  /** A new tab, attached to, with Page and Network events on. */
  async newPage(): Promise<Page> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const page = new Page(this, sessionId);
    await page.send('Page.enable');
    await page.send('Network.enable');
    return page;
  }

  async close(): Promise<void> {
    if (!this.closed) {
      await this.send('Browser.close').catch(() => undefined);
      await new Promise<void>((resolve) => {
        if (this.child.exitCode !== null) resolve();
        else this.child.once('exit', () => resolve());
        setTimeout(() => {
          this.child.kill('SIGKILL');
          resolve();
        }, 5000).unref();
      });
    }
    rmSync(this.profile, { recursive: true, force: true });
  }
}

export class Page {
  /** Every URL the page asked the network for, the page itself included. */
  readonly requests: string[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly sessionId: string,
  ) {
    browser.on('Network.requestWillBeSent', (params, session) => {
      if (session === sessionId) this.requests.push(String((params.request as { url: string }).url));
    });
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.browser.send(method, params, this.sessionId);
  }

  /** The viewport (CSS pixels), a phone's or a desktop's, and the media and colour scheme. */
  async emulate(options: { width: number; height: number; mobile?: boolean; media?: 'screen' | 'print'; dark?: boolean }): Promise<void> {
    await this.send('Emulation.setDeviceMetricsOverride', {
      width: options.width,
      height: options.height,
      deviceScaleFactor: 1,
      mobile: options.mobile ?? false,
    });
    await this.send('Emulation.setEmulatedMedia', {
      media: options.media ?? 'screen',
      features: [{ name: 'prefers-color-scheme', value: options.dark ? 'dark' : 'light' }],
    });
  }

  /** Opens a URL and waits for its load event. */
  async open(url: string): Promise<void> {
    const loaded = new Promise<void>((resolve) => this.browser.on('Page.loadEventFired', (_, session) => session === this.sessionId && resolve()));
    const r = (await this.send('Page.navigate', { url })) as { errorText?: string };
    if (r.errorText) throw new Error(`cannot open ${url}: ${r.errorText}`);
    await loaded;
  }

  /** The value of a JavaScript expression evaluated in the page (JSON-serialisable). */
  async evaluate<T>(expression: string): Promise<T> {
    const r = (await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as {
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (r.exceptionDetails) throw new Error(`${r.exceptionDetails.text} ${r.exceptionDetails.exception?.description ?? ''}`);
    return r.result.value as T;
  }

  /** A PNG of the whole page, or of its first `maxHeight` CSS pixels. */
  async screenshot(maxHeight = 20_000): Promise<Buffer> {
    const metrics = (await this.send('Page.getLayoutMetrics')) as { cssContentSize: { width: number; height: number } };
    const { width, height } = metrics.cssContentSize;
    const r = (await this.send('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: Math.ceil(width), height: Math.min(Math.ceil(height), maxHeight), scale: 1 },
    })) as { data: string };
    return Buffer.from(r.data, 'base64');
  }
}
