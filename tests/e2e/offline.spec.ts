import { test, expect, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MAX_STORED_PAGES, searchFilesUrl } from '../../src/lib/offline/policy.ts';
import { sitemapPaths } from './pages.ts';

/**
 * Reading with no signal (src/service-worker/sw.ts): what a reader opened with signal opens without it, with its
 * paragraph links and a search over it, and anything else shows the offline page listing what is stored.
 * The browser context is set offline (context.setOffline), as a phone in a building with no data.
 */
test.use({ serviceWorkers: 'allow' });
// Filling the store (a report's page and its search files, a whole authority, a new build's carry-over) is slow on
// a busy machine.
test.describe.configure({ timeout: 120_000 });

const REPORT = '/reports/gloucestershire-2022-04-01-inspection/';
const OTHER_REPORT = '/reports/south-gloucestershire-2019-05-08-inspection/';
const AUTHORITY = '/authorities/south-gloucestershire/';

const offlineStatus = (page: Page) => page.locator('[data-offline-status]');

/** Storing fetches a report's page and 20–90 search files: on a busy machine that takes seconds. */
const STORED_WITHIN = { timeout: 30_000 };

/** Opens a report with signal and waits until it says it is stored. */
async function readWithSignal(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await expect(offlineStatus(page)).toBeVisible(STORED_WITHIN);
  await expect(offlineStatus(page)).toHaveText(/Available offline/);
  return (await page.locator('h1').textContent())!;
}

test('the worker registers and stores under the site\'s policy: no CSP violation, console error or other origin', async ({ page, baseURL }) => {
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('request', (request) => new URL(request.url()).origin !== new URL(baseURL!).origin && problems.push(request.url()));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.effectiveDirective} ${e.blockedURI}`)));
  await readWithSignal(page, REPORT);
  await page.goto(AUTHORITY);
  await page.getByRole('button', { name: /^Save .* reports for offline reading$/ }).click();
  await expect(page.locator('.offline-save__status')).toHaveText(/^Saved: all \d+ reports/, STORED_WITHIN);
  await page.goto('/search/?q=fostering');
  await expect(page.locator('#search-status')).toContainText('match “fostering”');
  expect(problems).toEqual([]);
});

test('a report is marked "Available offline" only once it and its search files are stored', async ({ page, context }) => {
  // The list of the report's search files cannot be fetched, so it cannot be stored whole.
  await context.route('**/search-index/offline/**', (route) => route.abort());
  await page.goto(REPORT);
  const reply = await page.evaluate(async (path) => {
    const { active } = await navigator.serviceWorker.ready;
    const channel = new MessageChannel();
    const answered = new Promise<{ stored: string[]; failed: string[] }>((resolve) => (channel.port1.onmessage = (event) => resolve(event.data)));
    active!.postMessage({ type: 'store', pages: [{ path, searchFiles: `/search-index/offline${path}files.json` }] }, [channel.port2]);
    return answered;
  }, REPORT);
  expect(reply).toEqual({ stored: [], failed: [REPORT] });
  await expect(offlineStatus(page)).toBeHidden();

  await context.unrouteAll();
  await page.reload();
  await expect(offlineStatus(page)).toBeVisible(STORED_WITHIN);
});

test('a report read with signal opens without it, styled, and its paragraph links work', async ({ page, context }) => {
  const title = await readWithSignal(page, REPORT);
  await context.setOffline(true);
  await page.goto(REPORT);
  await expect(page.locator('h1')).toHaveText(title);
  await expect(offlineStatus(page)).toBeVisible();
  // The stylesheet came from the device too: the header is dark, not the browser's default white.
  await expect(page.locator('.site-header')).toHaveCSS('background-color', 'rgb(11, 12, 12)');

  const link = page.locator('.report-body a.para__number[href^="#para-"]').nth(5);
  const anchor = (await link.getAttribute('href'))!;
  await link.click();
  await expect(page).toHaveURL(`${REPORT}${anchor}`);
  await expect(page.locator(':target')).toHaveAttribute('id', anchor.slice(1));
  await expect(page.locator(':target')).toBeInViewport();

  // A pasted link to one paragraph, with search words, opens the stored copy at that paragraph.
  await page.goto(`${REPORT}?highlight=plan${anchor}`);
  await expect(page.locator(':target')).toHaveAttribute('id', anchor.slice(1));
});

test('a page not stored shows the offline page, which lists what is stored', async ({ page, context }) => {
  const title = await readWithSignal(page, REPORT);
  await context.setOffline(true);
  await page.goto(OTHER_REPORT);
  await expect(page).toHaveURL(OTHER_REPORT);
  await expect(page.locator('h1')).toHaveText('Reading offline');
  await expect(page.getByText('There is no signal, and this page is not saved on this device.')).toBeVisible();
  const stored = page.locator('[data-offline-list] a');
  await expect(stored.filter({ hasText: title.trim() })).toHaveAttribute('href', REPORT);
  await stored.filter({ hasText: title.trim() }).click();
  await expect(page.locator('h1')).toHaveText(title);
});

test('search with no signal answers from the stored reports, and says how many others match', async ({ page, context }) => {
  const title = await readWithSignal(page, REPORT);
  await context.setOffline(true);
  await page.goto('/search/?q=fostering');
  const status = page.locator('#search-status');
  await expect(status).toContainText(/No signal: passages of 1 report saved on this device match “fostering”\. \d+ reports not saved on this device also match/);
  const groups = page.locator('.search-group');
  await expect(groups).toHaveCount(1);
  const hit = groups.first().locator('.search-hit__label').first();
  await expect(hit).toHaveAttribute('href', new RegExp(`^${REPORT}\\?highlight=foster`));
  await hit.click();
  await expect(page.locator('h1')).toHaveText(title);
  await expect(page.locator(':target mark').first()).toHaveText(/^foster/i);
});

test("saving an authority's reports keeps every one of them for reading without signal", async ({ page, context }) => {
  await page.goto(AUTHORITY);
  const reports = await page.locator('.documents a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(reports.length).toBeGreaterThan(1);
  const save = page.getByRole('button', { name: 'Save South Gloucestershire’s reports for offline reading' });
  await save.click();
  await expect(page.locator('.offline-save__status')).toHaveText(`Saved: all ${reports.length} reports open on this device without signal.`, STORED_WITHIN);

  await context.setOffline(true);
  for (const path of reports) {
    await page.goto(path);
    await expect(page.locator('h1'), path).not.toHaveText('Reading offline');
    await expect(offlineStatus(page), path).toBeVisible();
  }
  await page.goto(AUTHORITY);
  await expect(page.locator('.offline-save__status')).toHaveText(`All ${reports.length} reports are saved on this device.`);
});

test(`the store keeps at most ${MAX_STORED_PAGES} pages, dropping the least recently used with its search files`, async ({ page }) => {
  const others = sitemapPaths().filter((path) => /\/recommendations\/\d+\/$/.test(path)).slice(0, MAX_STORED_PAGES - 1);
  expect(others).toHaveLength(MAX_STORED_PAGES - 1);
  // The offline page is part of the shell (precached), so opening it stores nothing by itself.
  await page.goto('/offline/');
  const pages = [REPORT, ...others, OTHER_REPORT].map((path) => ({ path, searchFiles: path.includes('/recommendations/') ? undefined : searchFilesUrl(path) }));
  const contents = await page.evaluate(async (pages) => {
    const { active } = await navigator.serviceWorker.ready;
    const channel = new MessageChannel();
    const answered = new Promise((resolve) => (channel.port1.onmessage = (event) => resolve(event.data)));
    active!.postMessage({ type: 'store', pages }, [channel.port2]);
    await answered;
    const paths = async (prefix: string) => {
      const name = (await caches.keys()).find((n) => n.startsWith(prefix))!;
      return (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
    };
    return { pages: await paths('archive-pages-'), search: await paths('archive-search-') };
  }, pages);
  expect(contents.pages).toHaveLength(MAX_STORED_PAGES);
  expect(contents.pages).not.toContain(REPORT);
  expect(contents.pages).toContain(OTHER_REPORT);
  expect(contents.search).not.toContain(searchFilesUrl(REPORT));
  expect(contents.search).toContain(searchFilesUrl(OTHER_REPORT));
  // Only the remaining report's files: its list, and the passage files it names.
  const list = await (await page.request.get(searchFilesUrl(OTHER_REPORT))).json();
  expect(contents.search.sort()).toEqual([searchFilesUrl(OTHER_REPORT), ...list.files].sort());
});

/**
 * A new build. The reader stored two reports from build A; the site is then replaced by build B, in which one of
 * them reads differently and the other is gone. Once B's worker takes over, what opens without signal is B's
 * page, the report B no longer has is not kept, and no cache of A is left.
 */
test.describe('a new build of the site', () => {
  let server: ChildProcess | undefined;
  let work = '';
  let port = 0;

  async function serve(dir: string): Promise<void> {
    server?.kill();
    server = spawn(process.execPath, ['scripts/serve.ts', '--dir', dir, '--port', String(port)]);
    await new Promise<void>((resolve, reject) => {
      server!.stdout!.on('data', (chunk: Buffer) => /Serving/.test(chunk.toString()) && resolve());
      server!.on('exit', (code) => reject(new Error(`serve.ts exited with ${code}`)));
    });
  }

  test.beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
  });

  test.afterAll(() => {
    server?.kill();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('replaces what is stored with its own pages before it serves any, and keeps nothing of the old build', async ({ page, context }, testInfo) => {
    const origin = `http://127.0.0.1:${port}`;
    await serve('dist');
    const title = await readWithSignal(page, `${origin}${REPORT}`);
    await readWithSignal(page, `${origin}${OTHER_REPORT}`);
    const cachesOf = () => page.evaluate(() => caches.keys());
    const oldPages = (await cachesOf()).find((name) => name.startsWith('archive-pages-'))!;
    const oldBuild = oldPages.slice('archive-pages-'.length);

    // Build B: dist/ with one report's title changed, the other report gone, and a worker of another build (files
    // are linked, not copied; the changed ones are replaced, never written through the link).
    work = testInfo.outputPath('next-build');
    execFileSync('cp', ['-al', 'dist', work]);
    const newBuild = oldBuild.split('').reverse().join('');
    const replace = (file: string, edit: (text: string) => string) => {
      const text = readFileSync(join(work, file), 'utf8');
      rmSync(join(work, file));
      writeFileSync(join(work, file), edit(text));
    };
    replace('sw.js', (text) => text.replaceAll(oldBuild, newBuild));
    replace(`${REPORT}index.html`, (text) => text.replace(/(<h1\b[^>]*>)([^<]*)<\/h1>/, '$1$2 (rebuilt)</h1>'));
    rmSync(join(work, OTHER_REPORT), { recursive: true });
    await serve(work);

    // A later visit with signal: the browser finds the new worker, which installs, then takes over.
    await page.goto(`${origin}/authorities/`);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await expect.poll(cachesOf, { timeout: 60_000 }).toContain(`archive-pages-${newBuild}`);
    await expect.poll(async () => (await cachesOf()).filter((name) => name.includes(oldBuild)), { timeout: 60_000 }).toEqual([]);

    await context.setOffline(true);
    await page.goto(`${origin}${REPORT}`);
    await expect(page.locator('h1')).toHaveText(`${title} (rebuilt)`);
    await page.goto(`${origin}${OTHER_REPORT}`);
    await expect(page.locator('h1')).toHaveText('Reading offline');
  });
});
