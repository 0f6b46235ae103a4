import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_PATH } from './scripts/lib/chromium.ts';

/**
 * End-to-end tests against the built site served by scripts/serve.ts, in Debian's Chromium (Playwright cannot
 * download its own browser here; @playwright/test is pinned to the release built for Chromium 156).
 * Build first (`npm run build`); `npm test` does it for you.
 */
const chromium = {
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  },
};
const port = Number(process.env.PREVIEW_PORT ?? 4321);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  // Service workers are blocked unless a spec asks for them (tests/e2e/offline.spec.ts): every other spec sees the
  // site as a first visit does, its network interception (page.route) sees every request, and no test waits on
  // the offline store filling up in the background.
  use: { baseURL: `http://127.0.0.1:${port}`, serviceWorkers: 'block', ...chromium },
  projects: [
    { name: 'phone', use: { ...devices['Pixel 7'], ...chromium, defaultBrowserType: 'chromium' } },
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 }, ...chromium } },
  ],
  webServer: {
    // The archive's own static server, so every test sees the real _headers (CSP and the rest) and _redirects.
    command: `node scripts/serve.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
