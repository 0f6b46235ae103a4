import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// The Gloucestershire 2022 inspection: paragraphs 1–56, five "What needs to improve" items, three areas and the
// overall judgement all "Requires improvement to be good"; ¶ 29 is under "The experiences and progress of children
// in care and care leavers".
const REPORT = '/reports/gloucestershire-2022-04-01-inspection/';
// Gloucestershire's 2022 council report prints two paragraphs numbered "6.0" (anchors para-6 and para-6-2).
const COUNCIL_REPORT = '/reports/gloucestershire-2022-06-22-council-report/';
// Barnsley 2023: overall Good, its areas graded differently from it.
const MIXED_GRADES = '/reports/barnsley-2023-10-27-inspection/';

/** The widths the reading experience is checked at: a small phone, a common phone, a laptop. */
const WIDTHS = [320, 375, 1280];

/**
 * The sum of the gzipped sizes of the scripts a page loads before any interaction: its script elements and every
 * module they import, each counted once.
 */
async function scriptBytes(page: Page): Promise<{ bytes: number; files: string[] }> {
  const sources = await page.locator('script[src]').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).src));
  const seen = new Set<string>();
  let bytes = 0;
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(`dist${path}`);
    bytes += gzipSync(code, { level: 9 }).length;
    for (const [, imported] of code.toString('utf8').matchAll(/(?:from|import)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      add(new URL(imported!, `http://x${path}`).pathname);
    }
  };
  for (const src of sources) add(new URL(src).pathname);
  return { bytes, files: [...seen] };
}

test('a report page shows what the document is, its headline grade once and every numbered paragraph', async ({ page }) => {
  await page.goto(REPORT);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('h1')).toContainText('Gloucestershire');
  await expect(page.locator('.meta')).toContainText('7 February 2022 to 18 February 2022');
  await expect(page.locator('.meta')).toContainText('Andrew Waugh');
  // One larger grade display, in words with its scale; the three areas that share it are named, not graded again.
  const headline = page.locator('.grade-summary .grade--large');
  await expect(headline).toHaveText(/■■□□\s*Requires improvement to be good/);
  expect(await headline.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(20);
  await expect(page.locator('.grade-summary__areas li')).toHaveCount(3);
  const top = await page.locator('main').evaluate((main) => {
    const contents = main.querySelector('#contents')!;
    const range = document.createRange();
    range.setStartBefore(main.firstChild!);
    range.setEndBefore(contents);
    return range.toString();
  });
  expect(top.split('Requires improvement to be good').length - 1, 'the grade is said once above the contents').toBe(1);
  for (const n of [1, 29, 36, 56]) await expect(page.locator(`#para-${n}`)).toBeVisible();
  await expect(page.locator('#para-57')).toHaveCount(0);
  await expect(page.locator('#para-29')).toContainText('children understand why they are in care');
  for (const n of [1, 5]) await expect(page.locator(`#rec-${n}`)).toBeVisible();
  await expect(page.locator('#rec-2')).toContainText('accommodation for care leavers');
});

test('a report whose areas differ from the overall grade lists each area once, without repeating the overall', async ({ page }) => {
  await page.goto(MIXED_GRADES);
  await expect(page.locator('.grade-summary .grade--large')).toContainText('Good');
  const rows = page.locator('table.judgements tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  await expect(rows.filter({ hasText: 'Overall effectiveness' })).toHaveCount(0);
});

test('recommendations are labelled "Recommendation n", never a bare number beside the paragraphs’ "¶ n"', async ({ page }) => {
  await page.goto(REPORT);
  for (const n of [1, 3, 5]) await expect(page.locator(`#rec-${n} > .para__number`)).toHaveText(`Recommendation ${n}`);
  await expect(page.locator('#para-3 > .para__number')).toHaveText(/¶ 3/);
});

test('two paragraphs printed with the same number have distinct labels and citations', async ({ page }) => {
  await page.goto(COUNCIL_REPORT);
  await expect(page.locator('#para-6 > .para__number')).toHaveText(/^¶ 6\.0\s*Paragraph 6\.0$/);
  await expect(page.locator('#para-6-2 > .para__number')).toContainText('¶ 6.0 (2nd)');
  const first = await page.locator('#para-6 .cite pre').first().textContent();
  const second = await page.locator('#para-6-2 .cite pre').first().textContent();
  expect(first).toContain(', paragraph 6.0. ');
  expect(second).toContain(', paragraph 6.0 (the second so numbered). ');
  expect(second).toMatch(/#para-6-2$/);
});

test('a ¶ link lands on its paragraph, with no JavaScript needed, and shows its tools', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(REPORT);
  const number = page.locator('#para-41 a.para__number');
  await expect(number).toHaveAttribute('href', '#para-41');
  await expect(number).toContainText('41');
  await expect(page.locator('#para-41 .cite summary')).toBeHidden();
  await number.click();
  await expect(page).toHaveURL(/#para-41$/);
  await expect(page.locator('#para-41')).toBeInViewport();
  await expect(page.locator('#para-41 .cite summary')).toBeVisible();
  // Without JavaScript the go-to box is hidden; the contents give each section's paragraphs instead.
  await expect(page.locator('form[data-goto]')).toBeHidden();
  await expect(page.locator('#contents')).toContainText('¶ 21–45');
  await context.close();
});

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('a pasted paragraph link opens at that paragraph, with the report and its section in view above it', async ({ page }) => {
      await page.goto(`${REPORT}#para-29`);
      const paragraph = page.locator('#para-29');
      await expect(paragraph).toBeInViewport();
      await expect(paragraph).toHaveCSS('background-color', 'rgb(255, 247, 191)');
      const bar = page.locator('.report-bar');
      await expect(bar).toBeInViewport();
      await expect(bar.locator('.report-bar__name')).toContainText('Gloucestershire, Inspection, 1 April 2022');
      await expect(bar.locator('[data-current-section]')).toHaveText(/^The experiences and progress of children in care and care leavers/);
      // The bar does not hide the paragraph's number.
      const barBottom = (await bar.boundingBox())!.y + (await bar.boundingBox())!.height;
      expect((await paragraph.locator('.para__number').boundingBox())!.y).toBeGreaterThanOrEqual(barBottom);
      // Back to the contents from the bar.
      await bar.getByRole('link', { name: 'Contents' }).click();
      await expect(page.locator('#toc-heading')).toBeInViewport();
    });

    test('"Go to paragraph" takes a typed number to its paragraph and says when there is none', async ({ page }) => {
      await page.goto(REPORT);
      const box = page.getByLabel('Go to paragraph');
      await box.fill('44');
      await box.press('Enter');
      await expect(page).toHaveURL(/#para-44$/);
      await expect(page.locator('#para-44')).toBeInViewport();
      await page.locator('#contents').scrollIntoViewIfNeeded();
      await box.fill('999');
      await page.locator('form[data-goto]').getByRole('button', { name: 'Go' }).click();
      await expect(page.locator('form[data-goto] [role="status"]')).toHaveText('This report has no paragraph “999”.');
    });

    test('a link to a paragraph the report does not have says so', async ({ page }) => {
      await page.goto(`${REPORT}#para-999`);
      const notice = page.locator('[data-anchor-missing]');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('This report has no paragraph 999');
      await expect(notice).toBeInViewport();
      await page.goto(`${REPORT}#para-12`);
      await expect(notice).toBeHidden();
    });

    test('"Copy link" and "Cite" are at least 44 × 44 px, and copy puts the paragraph permalink on the clipboard', async ({ page, context, baseURL }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(REPORT);
      await page.locator('#para-12 a.para__number').click();
      const copy = page.locator('#para-12').getByRole('button', { name: 'Copy link to paragraph 12', exact: true });
      const cite = page.locator('#para-12 .cite summary');
      for (const control of [copy, cite]) {
        const box = (await control.boundingBox())!;
        expect(box.width, await control.textContent() ?? '').toBeGreaterThanOrEqual(44);
        expect(box.height, await control.textContent() ?? '').toBeGreaterThanOrEqual(44);
      }
      await expect(cite).toHaveText(/^Cite\s*Cite paragraph 12$/);
      // The whole-document citation's summary is a full-size target too.
      expect((await page.locator('summary', { hasText: 'Cite this document' }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await copy.click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${REPORT}#para-12`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test('a recommendation’s copy button names it as a recommendation', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${REPORT}#rec-3`);
  await expect(page.locator('#rec-3').getByRole('button', { name: 'Copy link to recommendation 3', exact: true })).toBeVisible();
});

test('archive-numbered paragraphs cannot be mistaken for Ofsted’s numbers', async ({ page }) => {
  await page.goto('/reports/gloucestershire-2019-09-30-monitoring-visit/');
  const first = page.locator('.para').first();
  await expect(first).toHaveAttribute('id', /^ap-\d+$/);
  await expect(first.locator('.para__number')).toContainText(/^A\d+/);
  await expect(first.locator('.para__number')).toContainText('archive numbering');
  await expect(page.locator('[id^="para-"]')).toHaveCount(0);
});

test('the print stylesheet hides navigation and keeps the text', async ({ page }) => {
  await page.goto(REPORT);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.report-bar')).toBeHidden();
  await expect(page.locator('#para-1')).toBeVisible();
});

test('a report page loads at most 6.3 KB of gzipped JavaScript before any interaction', async ({ page }) => {
  await page.goto(REPORT);
  const { bytes, files } = await scriptBytes(page);
  expect(files.some((file) => /match-marks\./.test(file)), 'imported modules are counted too').toBe(true);
  expect(bytes).toBeGreaterThan(0);
  expect(bytes, files.join(', ')).toBeLessThanOrEqual(6.3 * 1024);
  console.log(`report page: ${files.length} scripts, ${bytes} bytes gzipped`);
});

test('every page of a report or an authority names its council in <title> and og:title', () => {
  const documents = JSON.parse(readFileSync('dist/data/documents.json', 'utf8')) as Array<{ slug: string; authority: string; authority_slug: string }>;
  expect(documents.length).toBeGreaterThan(50);
  const pages: Array<[string, string]> = [];
  for (const { slug, authority, authority_slug } of documents) {
    for (const name of readdirSync(`dist/reports/${slug}`, { recursive: true, encoding: 'utf8' })) {
      if (name.endsWith('index.html')) pages.push([`dist/reports/${slug}/${name}`, authority]);
    }
    for (const name of readdirSync(`dist/authorities/${authority_slug}`, { recursive: true, encoding: 'utf8' })) {
      if (name.endsWith('index.html')) pages.push([`dist/authorities/${authority_slug}/${name}`, authority]);
    }
  }
  expect(pages.length).toBeGreaterThan(200);
  const missing: string[] = [];
  for (const [file, authority] of new Map(pages)) {
    const html = readFileSync(file, 'utf8');
    const unescape = (text: string) => text.replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    const title = unescape(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
    const ogTitle = unescape(/<meta property="og:title" content="([^"]*)"/.exec(html)?.[1] ?? '');
    for (const [what, text] of [['title', title], ['og:title', ogTitle]]) if (!text.includes(authority)) missing.push(`${file} ${what}: ${text}`);
  }
  expect(missing.slice(0, 10)).toEqual([]);
});

test('an unknown address answers 404 with a real page: search and browse links', async ({ page }) => {
  const response = await page.goto('/reports/nope/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.locator('.site-header')).toBeVisible();
  await expect(page.getByRole('search').last().getByRole('searchbox')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Every authority' })).toHaveAttribute('href', '/authorities/');
  await expect(page.getByRole('main').getByRole('link', { name: 'Themes' })).toHaveAttribute('href', '/themes/');
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  // Not in the sitemap, so the accessibility spec does not reach it: checked here.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  const searchBox = page.locator('#not-found-search');
  await searchBox.fill('return home');
  await searchBox.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=return\+home$/);
});

