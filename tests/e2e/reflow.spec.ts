import { test, expect, type Page } from '@playwright/test';
import { sitemapPaths } from './pages.ts';

/**
 * Reports read without sideways scrolling when the reader needs them bigger (WCAG 1.4.10 Reflow, 1.4.4 Resize text):
 * - at 400 % browser zoom: a 1280 × 1024 screen at 400 % lays pages out 320 × 256 CSS px, 4 device px each;
 * - on a 320 px wide phone (the narrowest still in use), in the phone project;
 * - with text alone at 200 % on a desktop screen.
 * A data table or code block may scroll inside its own box (WCAG's exception); the page itself may not. A failure
 * names the elements that stick out, so it says what to fix.
 */
const REPORTS = sitemapPaths().filter((path) => /^\/reports\/[^/]+\/$/.test(path));

async function sideways(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const insideScrollBox = (element: Element): boolean => {
      for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX)) return true;
      }
      return false;
    };
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${[...e.classList].map((c) => `.${c}`).join('')}`;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5 && !insideScrollBox(e))
      .slice(0, 4)
      .map((e) => `${name(e)} reaches ${Math.round(e.getBoundingClientRect().right)} px: "${(e.textContent ?? '').trim().slice(0, 40)}"`);
    return { overflow: root.scrollWidth - root.clientWidth, culprits };
  });
}

test('there are report pages to check', () => {
  expect(REPORTS.length).toBeGreaterThan(0);
});

test.describe('at 400 % zoom (320 × 256 CSS px at 4 device px each)', () => {
  test.skip(({ isMobile }) => isMobile, 'browser zoom is a desktop setting; the phone project checks a 320 px phone');
  test.use({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });
  for (const path of REPORTS) {
    test(`${path} reflows without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      expect(await sideways(page)).toEqual({ overflow: 0, culprits: [] });
    });
  }
});

test.describe('on a 320 px wide phone', () => {
  test.skip(({ isMobile }) => !isMobile, 'the desktop project checks 400 % zoom at the same width');
  test.use({ viewport: { width: 320, height: 568 } });
  for (const path of REPORTS) {
    test(`${path} reflows without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      expect(await sideways(page)).toEqual({ overflow: 0, culprits: [] });
    });
  }
});

test.describe('with text alone at 200 %', () => {
  test.skip(({ isMobile }) => isMobile, 'a desktop reader enlarging text; phones are covered at 320 px');
  for (const path of REPORTS) {
    test(`${path} keeps its text on screen`, async ({ page }) => {
      await page.goto(path);
      // Set through the CSS object model, which the Content-Security-Policy allows (an injected <style> it would not).
      await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
      expect(await sideways(page)).toEqual({ overflow: 0, culprits: [] });
    });
  }
});

/**
 * The pages a phone reader reaches from a report, at the three widths the reading experience is checked at. A
 * judgement history must read with its newest inspection first and in view, however many inspections it has.
 */
const AUTHORITIES = sitemapPaths().filter((path) => /^\/authorities\/[^/]+\/$/.test(path));
const COMPARES = sitemapPaths().filter((path) => /^\/authorities\/[^/]+\/compare\/[^/]+\/[^/]+\/$/.test(path));
/** The authority with the most inspections: the widest history table. */
const BUSIEST = 'south-gloucestershire';

async function newestInspection(page: Page, slug: string): Promise<{ date: string; grade: string }> {
  const response = await page.request.get(`/data/documents.json`);
  const rows = ((await response.json()) as { rows?: unknown[] } | unknown[]);
  const list = (Array.isArray(rows) ? rows : (rows.rows ?? [])) as Array<Record<string, string>>;
  const graded = list.filter((r) => r.authority_slug === slug && r.overall_effectiveness).sort((a, b) => a.published!.localeCompare(b.published!));
  const newest = graded.at(-1)!;
  return { date: newest.published!, grade: newest.overall_effectiveness! };
}

for (const width of [320, 375, 1280]) {
  test.describe(`judgement histories and lists at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('every authority page reads without sideways scrolling, its newest inspection first and its grade in view', async ({ page }) => {
      for (const path of AUTHORITIES) {
        await page.goto(path);
        expect(await sideways(page), path).toEqual({ overflow: 0, culprits: [] });
      }
      await page.goto(`/authorities/${BUSIEST}/`);
      const { date, grade } = await newestInspection(page, BUSIEST);
      const [year, month, day] = date.split('-').map(Number);
      const shown = `${day} ${new Date(Date.UTC(year!, month! - 1, day)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${year}`;
      const history = page.locator('.history');
      // Whichever of the table or the cards this width shows, the first inspection in it is the newest.
      const firstDate = history.locator(':is(.history__table thead th:nth-child(2), .history__cards > li:first-child .history__date):visible').first();
      await expect(firstDate).toContainText(shown);
      const firstGrade = history
        .locator(':is(.history__table tbody tr:first-child td:nth-child(2), .history__cards > li:first-child dd:first-of-type):visible')
        .first();
      await expect(firstGrade).toContainText(grade);
      await firstGrade.scrollIntoViewIfNeeded();
      const box = (await firstGrade.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    });

    test('compare pages read without sideways scrolling', async ({ page }) => {
      for (const path of COMPARES.slice(0, 6)) {
        await page.goto(path);
        expect(await sideways(page), path).toEqual({ overflow: 0, culprits: [] });
      }
    });

    test('an ILACS inspection before 2023 shows care leavers as graded with children in care', async ({ page }) => {
      await page.goto(`/authorities/${BUSIEST}/`);
      const history = page.locator('.history :is(.history__table, .history__cards):visible');
      await expect(history).toContainText('graded with children in care');
      await expect(history).not.toContainText(/Care leavers\s*Not graded/);
    });

    test('the themes page is A to Z, with nouns that agree with their counts, and short on a phone', async ({ page }) => {
      await page.goto('/themes/');
      expect(await sideways(page)).toEqual({ overflow: 0, culprits: [] });
      const titles = await page.locator('.theme-index > li > a').allTextContents();
      expect(titles.length).toBeGreaterThan(30);
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' })));
      const counts = (await page.locator('.theme-index__counts').allTextContents()).join(' | ');
      expect(counts).not.toMatch(/\b1 (?:recommendations|paragraphs)\b/);
      expect(counts).not.toMatch(/\b(?:[02-9]|\d{2,}) (?:recommendation|paragraph)\b(?!s)/);
      if (width <= 375) expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(4000);
      // The filter narrows the list as the reader types.
      await page.getByLabel('Show themes containing').fill('care leavers');
      const shown = await page.locator('.theme-index > li:visible').count();
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(titles.length);
    });

    test('a home-page card shows "Latest:" and its grade on one line', async ({ page }) => {
      await page.goto('/');
      const apart = await page.locator('.card-list > li p:has(.grade)').evaluateAll((paragraphs) =>
        paragraphs.flatMap((p) => {
          const label = document.createRange();
          label.selectNodeContents(p.firstChild!);
          const latest = label.getBoundingClientRect();
          const pips = p.querySelector('.grade__pips')!.getBoundingClientRect();
          const words = p.querySelector('.grade__words')!.getClientRects()[0]!;
          return Math.abs(latest.top - pips.top) > 6 || Math.abs(latest.top - words.top) > 6 ? [p.textContent!.trim()] : [];
        }),
      );
      expect(apart).toEqual([]);
    });

    test('the home, 404, search, national, glossary and offline pages read without sideways scrolling, placeholders uncut', async ({ page }) => {
      for (const path of ['/', '/no-such-page/', '/search/', '/search/?q=return+home+interviews', '/data/', '/national/', '/glossary/', '/offline/']) {
        await page.goto(path);
        expect(await sideways(page), path).toEqual({ overflow: 0, culprits: [] });
        // A placeholder wider than its box is cut off: each fits, measured in the box's own font.
        const cut = await page.locator('input[placeholder]:visible').evaluateAll((inputs) =>
          inputs
            .map((input) => {
              const box = input as HTMLInputElement;
              const style = getComputedStyle(box);
              const context = document.createElement('canvas').getContext('2d')!;
              context.font = `${style.fontSize} ${style.fontFamily}`;
              const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
              return context.measureText(box.placeholder).width > room ? `${box.id}: "${box.placeholder}"` : null;
            })
            .filter(Boolean),
        );
        expect(cut, path).toEqual([]);
      }
    });
  });
}
