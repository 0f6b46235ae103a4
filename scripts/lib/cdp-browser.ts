/**
 * Chromium driven over the DevTools protocol alone, for benchmarks that must not pay for a test driver.
 *
 * Playwright enables the Network domain on every page it opens and handles each request's events in its own Node
 * process, on the same cores as the browser: at 5,000 reports a search's 10–28 small postings requests cost more
 * under Playwright than in a reader's browser (scripts/bench-fetch-cost.ts measures both). This module launches the
 * same Chromium, connects to its DevTools socket with Node's own WebSocket, and sends only the commands a bench
 * needs: pages, an init script, navigation, a click, typing and evaluation. It NEVER enables the Network or Fetch
 * domains (`send` refuses them), so no request of the page is reported to this process.
 *
 * Service workers are blocked as Playwright's `serviceWorkers: 'block'` does it: an init script, run before the
 * page's own, replaces `ServiceWorkerContainer.prototype.register` (src/client/offline.ts registers one on every page,
 * whose precache would otherwise be fetched during the measure).
 *
 * Pure I/O: no measuring here; the bench scripts hold the measures.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from './chromium.ts';

/** The script Playwright adds for `serviceWorkers: 'block'`, word for word apart from the warning. */
const BLOCK_SERVICE_WORKERS = `if (self.ServiceWorkerContainer) ServiceWorkerContainer.prototype.register = async () => { console.warn('Service Worker registration blocked by cdp-browser.ts'); };`;

/** Domains whose events report every request: enabling one is what this module exists to avoid. */
const NEVER_SENT = /^(Network|Fetch)\./;

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export interface CdpPage {
  /** Runs `fn(arg)` in every document of this page before its own scripts, as Playwright's `addInitScript`. */
  addInitScript<A>(fn: (arg: A) => void, arg: A): Promise<void>;
  /** Opens the address and waits for its load event (30 s at most, as Playwright's default). */
  goto(url: string): Promise<void>;
  /** Waits until an element matches the selector, checked at every frame. */
  waitFor(selector: string, timeoutMs: number): Promise<void>;
  /** Clicks the middle of the first element matching the selector, with the mouse (so it takes focus as a reader's click does). */
  click(selector: string): Promise<void>;
  /** Types the text key by key: keydown (with the character), `delayMs`, keyup, then the next key, as Playwright's `keyboard.type`. */
  type(text: string, delayMs: number): Promise<void>;
  /** `fn(arg)` in the page, awaited if it returns a promise; its value comes back as JSON. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Closes the page and its browser context (cookies, cache, storage). */
  close(): Promise<void>;
}

export interface CdpBrowser {
  /** "150.0.7871.100": the browser's version, as Playwright's `browser.version()` gives it. */
  version: string;
  /** A page in a new browser context of its own (an empty cache), with the given viewport. */
  newPage(viewport?: { width: number; height: number }): Promise<CdpPage>;
  /** How many events of each method were received: lets a test check that no Network event ever arrived. */
  eventCounts: Map<string, number>;
  /** Closes the connection, kills the browser and removes its profile. */
  close(): Promise<void>;
}

/**
 * Launches Chromium with a remote-debugging port and a throwaway profile, and connects to it. `args` are added to
 * the command line (e.g. `--disable-gpu`, `--ignore-certificate-errors`).
 */
export async function launchCdpBrowser({ executablePath = CHROMIUM_PATH, args = [] as string[] } = {}): Promise<CdpBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'cdp-browser-'));
  const chromium = spawn(executablePath, ['--headless=new', '--no-sandbox', '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...args, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((done) => chromium.once('exit', () => done()));
  const stop = async () => {
    // No pid: the executable never started, so there is nothing to wait for.
    if (chromium.pid !== undefined && chromium.exitCode === null && chromium.signalCode === null) {
      chromium.kill();
      // A browser that ignores SIGTERM for 5 s is killed outright: a bench must not leave one running.
      const hung = setTimeout(() => chromium.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(hung);
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    const endpoint = await devToolsEndpoint(chromium);
    const connection = await connect(endpoint);
    const { product } = (await connection.send('Browser.getVersion')) as { product: string };
    return {
      version: product.split('/')[1] ?? product,
      eventCounts: connection.eventCounts,
      newPage: (viewport = { width: 1280, height: 900 }) => openPage(connection, viewport),
      close: async () => {
        connection.socket.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The `ws://…` address Chromium prints on stderr once its DevTools server listens (port 0: a free port). */
function devToolsEndpoint(chromium: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((done, fail) => {
    let stderr = '';
    const timer = setTimeout(() => fail(new Error(`Chromium printed no DevTools address within 15 s; stderr:\n${stderr}`)), 15_000);
    chromium.once('error', (error) => {
      clearTimeout(timer);
      fail(new Error(`could not start Chromium: ${error.message} (set CHROMIUM_PATH to a Chromium binary)`));
    });
    chromium.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Chromium exited (code ${code}) before listening; stderr:\n${stderr}`));
    });
    let listening = false;
    // Read to the end even once the address is found: a full pipe would stall the browser's logging.
    chromium.stderr!.on('data', (chunk: Buffer) => {
      if (listening) return;
      stderr += chunk;
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (found) {
        listening = true;
        clearTimeout(timer);
        done(found[1]!);
      }
    });
  });
}

interface Connection {
  socket: WebSocket;
  eventCounts: Map<string, number>;
  /** A command to the browser, or with `sessionId` to one page (flattened sessions: one socket for all). */
  send(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<Record<string, unknown>>;
  /** Resolves with the params of the next event of this method in this session; fails after `timeoutMs`. */
  next(method: string, sessionId: string, timeoutMs: number): Promise<Record<string, unknown>>;
}

async function connect(endpoint: string): Promise<Connection> {
  const socket = new WebSocket(endpoint);
  await new Promise<void>((open, fail) => {
    socket.addEventListener('open', () => open(), { once: true });
    socket.addEventListener('error', () => fail(new Error(`could not connect to ${endpoint}`)), { once: true });
  });
  let lastId = 0;
  const pending = new Map<number, { done: (result: Record<string, unknown>) => void; fail: (error: Error) => void; method: string }>();
  const waiters: Array<{ method: string; sessionId: string; done: (params: Record<string, unknown>) => void }> = [];
  const eventCounts = new Map<string, number>();
  socket.addEventListener('message', ({ data }) => {
    const message = JSON.parse(String(data)) as Message;
    if (message.id !== undefined) {
      const command = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) command?.fail(new Error(`${command.method}: ${message.error.message}`));
      else command?.done(message.result ?? {});
      return;
    }
    if (!message.method) return;
    eventCounts.set(message.method, (eventCounts.get(message.method) ?? 0) + 1);
    const waiter = waiters.findIndex((w) => w.method === message.method && w.sessionId === message.sessionId);
    if (waiter >= 0) waiters.splice(waiter, 1)[0]!.done(message.params ?? {});
  });
  socket.addEventListener('close', () => {
    for (const { fail, method } of pending.values()) fail(new Error(`${method}: the browser closed the connection`));
    pending.clear();
  });
  return {
    socket,
    eventCounts,
    send(method, params = {}, sessionId) {
      if (NEVER_SENT.test(method)) throw new Error(`${method}: cdp-browser.ts never enables request reporting, which is what it measures without`);
      const id = ++lastId;
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      return new Promise((done, fail) => pending.set(id, { done, fail, method }));
    },
    next: (method, sessionId, timeoutMs) =>
      new Promise((done, fail) => {
        const waiter = { method, sessionId, done: (params: Record<string, unknown>) => (clearTimeout(timer), done(params)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          fail(new Error(`no ${method} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      }),
  };
}

/** US keyboard codes of the characters a query holds; others are inserted as text, as Playwright does. */
function keyOf(char: string): { key: string; code: string; keyCode: number } | undefined {
  if (/^[a-z]$/.test(char)) return { key: char, code: `Key${char.toUpperCase()}`, keyCode: char.toUpperCase().charCodeAt(0) };
  if (/^[0-9]$/.test(char)) return { key: char, code: `Digit${char}`, keyCode: char.charCodeAt(0) };
  if (char === ' ') return { key: ' ', code: 'Space', keyCode: 32 };
  return undefined;
}

const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

async function openPage(connection: Connection, viewport: { width: number; height: number }): Promise<CdpPage> {
  const { browserContextId } = (await connection.send('Target.createBrowserContext')) as { browserContextId: string };
  const { targetId } = (await connection.send('Target.createTarget', { url: 'about:blank', browserContextId })) as { targetId: string };
  const { sessionId } = (await connection.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  const send = (method: string, params?: Record<string, unknown>) => connection.send(method, params, sessionId);
  // The Page domain's events are frames' (navigation, load), not requests'.
  await send('Page.enable');
  await send('Emulation.setDeviceMetricsOverride', { width: viewport.width, height: viewport.height, deviceScaleFactor: 1, mobile: false });
  await send('Page.addScriptToEvaluateOnNewDocument', { source: BLOCK_SERVICE_WORKERS });

  const evaluate = async <R>(expression: string): Promise<R> => {
    const { result, exceptionDetails } = (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
      result: { value?: R };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as R;
  };
  const key = (type: 'keyDown' | 'keyUp', { key, code, keyCode }: { key: string; code: string; keyCode: number }, text?: string) =>
    send('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: keyCode, ...(text ? { text, unmodifiedText: text } : {}) });

  return {
    addInitScript: async (fn, arg) => {
      await send('Page.addScriptToEvaluateOnNewDocument', { source: `(${fn})(${JSON.stringify(arg)})` });
    },
    goto: async (url) => {
      const loaded = connection.next('Page.loadEventFired', sessionId, 30_000);
      loaded.catch(() => {}); // awaited below, unless the navigation fails first: then its timeout is no crash
      const { errorText } = (await send('Page.navigate', { url })) as { errorText?: string };
      if (errorText) throw new Error(`${url}: ${errorText}`);
      await loaded;
    },
    waitFor: (selector, timeoutMs) =>
      evaluate(`new Promise((found, fail) => {
        const started = performance.now();
        const check = () => {
          if (document.querySelector(${JSON.stringify(selector)})) found();
          else if (performance.now() - started > ${timeoutMs}) fail(new Error('nothing matched ' + ${JSON.stringify(selector)} + ' within ${timeoutMs} ms'));
          else requestAnimationFrame(check);
        };
        check();
      })`),
    click: async (selector) => {
      const box = await evaluate<{ x: number; y: number } | null>(`(() => {
        const element = document.querySelector(${JSON.stringify(selector)});
        if (!element) return null;
        element.scrollIntoView({ block: 'center' });
        const { x, y, width, height } = element.getBoundingClientRect();
        return { x: x + width / 2, y: y + height / 2 };
      })()`);
      if (!box) throw new Error(`nothing matches ${selector} to click`);
      await send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...box });
      await send('Input.dispatchMouseEvent', { type: 'mousePressed', ...box, button: 'left', clickCount: 1 });
      await send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...box, button: 'left', clickCount: 1 });
    },
    type: async (text, delayMs) => {
      for (const char of text) {
        const code = keyOf(char);
        if (!code) {
          await sleep(delayMs);
          await send('Input.insertText', { text: char });
          continue;
        }
        await key('keyDown', code, char);
        await sleep(delayMs);
        await key('keyUp', code);
      }
    },
    evaluate: (fn, arg) => evaluate(`(${fn})(${JSON.stringify(arg)})`),
    close: async () => {
      await connection.send('Target.closeTarget', { targetId });
      await connection.send('Target.disposeBrowserContext', { browserContextId });
    },
  };
}
