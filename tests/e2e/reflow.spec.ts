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
