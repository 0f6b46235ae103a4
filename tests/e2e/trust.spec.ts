import { test, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCheckout, isolatedCheckout } from '../../scripts/check-deterministic.ts';
import { sitemapPaths } from './pages.ts';
import { siteAddress } from '../../src/lib/site/address.ts';

/**
 * What a reader can trust: the archive runs no script but its own, loads nothing from anyone else (no reader's visit
 * leaks to a third party), sends its security headers, and shows report text as text, whatever the text says.
 * The browser tests run against scripts/serve.ts, which applies dist/_headers as a static host would.
 */

/** The policy in public/_headers, directive by directive. */
function headerPolicy(): Map<string, string> {
  const line = readFileSync('public/_headers', 'utf8').split('\n').find((l) => /^\s+Content-Security-Policy:/.test(l));
  return directives(line!.replace(/^\s+Content-Security-Policy:\s*/, ''));
}
function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]));
}

/**
 * Records, from before the first script runs, every CSP violation, console error, uncaught exception, dialog (an
 * alert() from injected text would open one) and request to another origin. `problems()` reads them all.
 */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    const site = new URL(page.url() === 'about:blank' ? request.url() : page.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== site.origin) problems.push(`request to another origin: ${request.url()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`CSP ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
  return async () => {
    await page.waitForLoadState('networkidle');
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    return [...violations, ...problems];
  };
}

test.describe('security headers', () => {
  test('every response carries a strict policy, HSTS, no-referrer, nosniff and a Permissions-Policy', async ({ request }) => {
    for (const path of ['/', '/reports/gloucestershire-2022-04-01-inspection/', '/_astro/', '/data/', '/no-such-page/']) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers['content-security-policy'], path).toBe([...headerPolicy()].map(([name, value]) => `${name} ${value}`).join('; '));
      expect(headers['strict-transport-security'], path).toMatch(/^max-age=(\d{8,}); includeSubDomains$/);
      expect(headers['referrer-policy'], path).toBe('no-referrer');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['permissions-policy'], path).toMatch(/\bcamera=\(\), .*geolocation=\(\), .*microphone=\(\)/);
    }
  });

  test('the policy allows no inline or evaluated script, no other origin, and no framing', () => {
    const policy = headerPolicy();
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    for (const [name, value] of policy) expect(`${name} ${value}`).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
  });

  test('each page repeats the policy in a meta element, for hosts that drop headers', async ({ page }) => {
    await page.goto('/');
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const expected = headerPolicy();
    expected.delete('frame-ancestors'); // a meta policy cannot carry it; X-Frame-Options and the header do
    expect(directives(meta!)).toEqual(expected);
  });
});

// One page of each kind, found in the sitemap, plus a search with results: nothing blocked, nothing broken, nothing
// fetched from elsewhere.
const PAGE_KINDS: Array<[string, RegExp]> = [
  ['home', /^\/$/],
  ['authority', /^\/authorities\/[^/]+\/$/],
  ['report', /^\/reports\/[^/]+\/$/],
  ['recommendation', /^\/reports\/[^/]+\/recommendations\/\d+\/$/],
  ['compare', /^\/authorities\/[^/]+\/compare\/[^/]+\/[^/]+\/$/],
  ['theme', /^\/themes\/[^/]+\/$/],
  ['data', /^\/data\/$/],
];
const paths = sitemapPaths();
for (const [kind, pattern] of PAGE_KINDS) {
  test(`${kind} page: no CSP violation, console error or request to another origin`, async ({ page }) => {
    const path = paths.find((p) => pattern.test(p));
    expect(path, `the sitemap has no ${kind} page`).toBeDefined();
    const problems = await watch(page);
    await page.goto(path!);
    expect(await problems()).toEqual([]);
  });
}

test('search works under the policy: results appear, nothing is blocked or fetched from elsewhere', async ({ page }) => {
  const problems = await watch(page);
  await page.goto('/search/?q=strategy+meetings');
  await expect(page.getByRole('status')).toContainText('match “strategy meetings”');
  await expect(page.locator('.search-hit__label').first()).toBeVisible();
  expect(await problems()).toEqual([]);
});

test('no built page carries inline script, inline style, event-handler attributes or javascript: links', () => {
  const offences: string[] = [];
  const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(50);
  for (const name of pages) {
    const html = readFileSync(join('dist', name), 'utf8');
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
      if (!/\ssrc="\/[^/]/.test(tag) && !/type="application\/ld\+json"/.test(tag)) offences.push(`${name}: inline script ${tag}`);
    }
    if (/<style\b/.test(html)) offences.push(`${name}: <style> element`);
    for (const [attribute] of html.matchAll(/<[a-z][^>]*?\s(style|on[a-z]+)=/g)) offences.push(`${name}: ${attribute.slice(0, 80)}`);
    if (/href="\s*javascript:/i.test(html)) offences.push(`${name}: javascript: link`);
  }
  expect(offences).toEqual([]);
});

/**
 * A citation pasted into a motion must lead back to the archive: every absolute URL to one of the archive's own
 * pages or files, in pages, feeds, exports, the sitemap and robots.txt, is on the address the build was configured
 * with (ARCHIVE_SITE_URL, or the preview address), and none names the old placeholder domain. URLs to other sites
 * (originals on gov.uk, the licence, schema.org) are theirs. The source texts are the reports' own words and skipped.
 */
test('every absolute URL to the archive in pages, feeds and exports is on the configured address', () => {
  const site = siteAddress(process.env);
  const archivePaths = /^\/(?:reports|authorities|themes|data|feeds|sources|search|sitemap-[\w-]+\.xml|robots\.txt)(?:[/?#.]|$)|^\/$/;
  const files = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter(
    (name) => /\.(?:html|xml|json|csv|txt)$/.test(name) && !/^(?:sources|search-index|_permalinks)\//.test(name),
  );
  const kinds = new Set(files.map((name) => name.split('.').at(-1)));
  expect([...kinds].sort()).toEqual(['csv', 'html', 'json', 'txt', 'xml']);
  let ours = 0;
  const offences: string[] = [];
  for (const name of files) {
    const text = readFileSync(join('dist', name), 'utf8');
    for (const [found] of text.matchAll(/https?:\/\/[^\s"'<>\\)\]]+/g)) {
      let url: URL;
      try {
        url = new URL(found.replace(/&amp;/g, '&'));
      } catch {
        continue;
      }
      if (url.origin === site.origin) ours++;
      else if (/example\.(?:org|com)$/.test(url.hostname) || (archivePaths.test(url.pathname) && !/schema\.org$/.test(url.hostname))) {
        offences.push(`${name}: ${found}`);
      }
    }
  }
  expect(offences.slice(0, 10)).toEqual([]);
  // Canonical links, og:url, citations, JSON-LD, feed ids and export rows: thousands of them.
  expect(ours).toBeGreaterThan(5000);
});

/**
 * A copy of the archive with one more source whose text is full of markup and code (tests/fixtures/hostile/
 * mdx-syntax), and with moved pages and anchors declared in its content/redirects.json, built and served on its
 * own port in its own checkout (so it never touches dist/ or races another build).
 */
test.describe('an archive built with hostile report text and moved pages', () => {
  // In order, in one worker, so one build serves them all (a failure costs a rebuild in a fresh worker, not the rest).
  test.describe.configure({ mode: 'default' });
  const HOSTILE = 'tests/fixtures/hostile/mdx-syntax';
  const SLUG = 'exampleshire-2024-03-01-inspection';
  const REPORT = `/reports/${SLUG}/`;
  const expected = JSON.parse(readFileSync(join(HOSTILE, 'expected.json'), 'utf8')).record as {
    recommendations: Array<{ id: string; text: string }>;
    paragraphs: Array<{ id: string; text: string | { $includes: string[] } }>;
  };
  let work = '';
  let server: ChildProcess | undefined;
  let origin = '';

  test.beforeAll(async ({}, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'one build serves both viewports; the text does not depend on them');
    test.setTimeout(300_000); // a whole build
    work = mkdtempSync(join(tmpdir(), 'hostile-archive-'));
    const tree = join(work, 'tree');
    isolatedCheckout(tree);
    for (const name of readdirSync(HOSTILE).filter((n) => n !== 'expected.json')) copyFileSync(join(HOSTILE, name), join(tree, 'content/sources', name));
    // Added to the archive's own declared moves, which its permanent links still need.
    const declared = JSON.parse(readFileSync(join(tree, 'content/redirects.json'), 'utf8')) as unknown[];
    writeFileSync(
      join(tree, 'content/redirects.json'),
      JSON.stringify([
        ...declared,
        { from: '/reports/exampleshire-old-name/', to: REPORT },
        { from: '/reports/exampleshire-old-name/#para-40', to: `${REPORT}#para-4` },
        { from: `${REPORT}#para-60`, to: `${REPORT}#para-6` },
      ]),
    );
    buildCheckout(tree);
    server = spawn(process.execPath, ['scripts/serve.ts', '--port', '0'], { cwd: tree });
    origin = await new Promise<string>((resolve, reject) => {
      server!.stdout!.on('data', (chunk: Buffer) => {
        const url = /http:\/\/[\d.]+:\d+/.exec(chunk.toString())?.[0];
        if (url) resolve(url);
      });
      server!.on('exit', (code) => reject(new Error(`serve.ts exited with ${code}`)));
    });
  });

  test.afterAll(() => {
    server?.kill();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('the report shows every hostile string literally and runs none of it', async ({ page }) => {
    const problems = await watch(page);
    await page.goto(`${origin}${REPORT}`);
    for (const { id, text } of [...expected.recommendations, ...expected.paragraphs]) {
      const parts = typeof text === 'string' ? [text] : text.$includes;
      for (const part of parts) await expect(page.locator(`#${id}`), `#${id}`).toContainText(part);
    }
    // Only the site's own scripts and its JSON-LD data; no element the text spelled out came to life.
    expect(await page.locator('script:not([src]):not([type="application/ld+json"])').count()).toBe(0);
    expect(await page.locator('main img, main a[href^="javascript:"], main [onerror]').count()).toBe(0);
    expect(await problems()).toEqual([]);
  });

  test('search excerpts of hostile text are text too', async ({ page }) => {
    const problems = await watch(page);
    await page.goto(`${origin}/search/?q=onerror`);
    const excerpt = page.locator('.search-hit__excerpt').first();
    await expect(excerpt).toContainText('<img src=x onerror=alert(1)>');
    expect(await page.locator('.search-hit img, .search-hit script').count()).toBe(0);
    expect(await problems()).toEqual([]);
  });

  test('feeds carrying hostile text are well-formed XML', async ({ page }) => {
    await page.goto(`${origin}/`);
    const error = await page.evaluate(async () => {
      const xml = await (await fetch('/feeds/documents.xml')).text();
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return doc.querySelector('parsererror')?.textContent ?? (xml.includes('Exampleshire') ? null : 'the hostile report is not in the feed');
    });
    expect(error).toBeNull();
  });

  // Two ways a reader reaches a moved page: a host that reads _redirects answers 301 (served here by serve.ts);
  // a host that does not serves the redirect page left at the old address (requested here as its index.html).
  for (const [route, oldPage] of [['a 301', '/reports/exampleshire-old-name/'], ['the redirect page', '/reports/exampleshire-old-name/index.html']]) {
    test(`a moved page, through ${route}, forwards a pasted paragraph link to the same paragraph`, async ({ page }) => {
      const problems = await watch(page);
      await page.goto(`${origin}${oldPage}#para-5`);
      await expect(page).toHaveURL(`${origin}${REPORT}#para-5`);
      await expect(page.locator('#para-5')).toBeInViewport();
      expect(await problems()).toEqual([]);
    });

    test(`a moved anchor of a moved page, through ${route}, forwards to its new anchor`, async ({ page }) => {
      const problems = await watch(page);
      await page.goto(`${origin}${oldPage}#para-40`);
      await expect(page).toHaveURL(`${origin}${REPORT}#para-4`);
      await expect(page.locator('#para-4')).toBeInViewport();
      expect(await problems()).toEqual([]);
    });
  }

  test('a moved anchor on a page that still exists forwards to its new anchor', async ({ page }) => {
    const problems = await watch(page);
    await page.goto(`${origin}${REPORT}#para-60`);
    await expect(page).toHaveURL(`${origin}${REPORT}#para-6`);
    await expect(page.locator('#para-6')).toBeInViewport();
    expect(await problems()).toEqual([]);
  });

  test('without JavaScript the redirect page still forwards, by meta refresh', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/reports/exampleshire-old-name/index.html`);
    await expect(page).toHaveURL(`${origin}${REPORT}`);
    await context.close();
  });
});
