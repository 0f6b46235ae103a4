/**
 * The browser a benchmark drives, by either of two drivers behind one small interface, so that a bench has one
 * measure whichever drives it (`--driver playwright|cdp`):
 *   - `playwright`: @playwright/test, as the e2e tests. It enables the Network domain on every page and handles each
 *     request's events in its Node process, on the same cores as the browser: a cost per request a reader's browser
 *     does not pay;
 *   - `cdp`: scripts/lib/cdp-browser.ts, the same Chromium over the DevTools protocol alone, no request reported.
 * Both block service workers and give each page a new context (an empty cache).
 */
// @playwright/test's browser API: the Playwright build pinned to the installed Chromium.
import { chromium } from '@playwright/test';
import { launchCdpBrowser, type CdpPage } from './cdp-browser.ts';
import { CHROMIUM_PATH } from './chromium.ts';

export const DRIVERS = ['playwright', 'cdp'] as const;
export type Driver = (typeof DRIVERS)[number];

/** How a results header names the driver that measured. */
export const DRIVER_LABEL: Record<Driver, string> = {
  playwright: 'driven by Playwright (Network domain on: every request reported to its Node process)',
  cdp: "driven over the DevTools protocol alone (scripts/lib/cdp-browser.ts: no request reported, as in a reader's browser)",
};

/** The `--driver` option's value, or an error naming the ones there are. */
export function driverOf(value: string | undefined): Driver {
  const driver = value ?? 'playwright';
  if (!(DRIVERS as readonly string[]).includes(driver)) throw new Error(`--driver ${driver}: expected one of ${DRIVERS.join(', ')}`);
  return driver as Driver;
}

/** A page in a context of its own: what cdp-browser.ts offers, which Playwright's page does as well. */
export type BenchPage = CdpPage;

export interface BenchBrowser {
  version: string;
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<BenchPage>;
  close(): Promise<void>;
}

/** Launches CHROMIUM_PATH with `args` added, driven by `driver`; `ignoreHTTPSErrors` for a certificate made for the run. */
export async function launchBenchBrowser(driver: Driver, { args = [] as string[], ignoreHTTPSErrors = false } = {}): Promise<BenchBrowser> {
  if (driver === 'cdp') {
    const browser = await launchCdpBrowser({ args: [...args, ...(ignoreHTTPSErrors ? ['--ignore-certificate-errors'] : [])] });
    return {
      version: browser.version,
      newPage: ({ viewport } = {}) => browser.newPage(viewport),
      close: () => browser.close(),
    };
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args });
  return {
    version: browser.version(),
    newPage: async ({ viewport } = {}) => {
      const context = await browser.newContext({ ...(viewport ? { viewport } : {}), serviceWorkers: 'block', ignoreHTTPSErrors });
      const page = await context.newPage();
      // The arguments are plain JSON, which Playwright passes as they are (its `Unboxed<A>` is `A` for them).
      return {
        addInitScript: async (fn, arg) => void (await page.addInitScript(fn as (arg: unknown) => void, arg)),
        goto: async (url) => void (await page.goto(url)),
        waitFor: async (selector, timeout) => void (await page.waitForSelector(selector, { timeout })),
        click: (selector) => page.click(selector),
        type: (text, delay) => page.keyboard.type(text, { delay }),
        evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
