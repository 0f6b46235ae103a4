import { test, expect, type Page } from '@playwright/test';

/**
 * A keyboard-only reader on a report page, from the top: the first Tab shows the skip link, which works; Tab
 * reaches the search box and a paragraph's permanent link; and wherever focus goes it can be seen (WCAG 2.4.1,
 * 2.4.7, 2.4.11).
 */
const REPORT = '/reports/gloucestershire-2022-04-01-inspection/';
/** More than enough presses to pass the header, breadcrumbs, document facts and contents list of a report. */
const MAX_PRESSES = 120;

interface Focused {
  description: string;
  visible: boolean;
  onScreen: boolean;
}

/** What has focus, whether a focus indicator is drawn on it, and whether it is within the viewport. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow !== 'none';
    const box = element.getBoundingClientRect();
    const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
    const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
    return {
      description: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} "${text}"`,
      visible: outline || shadow,
      onScreen,
    };
  });
}

/** Presses Tab until `done` holds for the focused element, checking every stop on the way has visible focus. */
async function tabUntil(page: Page, done: () => Promise<boolean>, what: string, maxPresses = MAX_PRESSES): Promise<void> {
  const invisible: string[] = [];
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (!now.visible || !now.onScreen) invisible.push(`${now.description}${now.visible ? '' : ' has no visible focus indicator'}${now.onScreen ? '' : ' is off screen'}`);
    if (await done()) {
      expect(invisible, 'every focus stop on the way shows where focus is').toEqual([]);
      return;
    }
  }
  throw new Error(`${what} not reached in ${maxPresses} presses of Tab`);
}

test('the first Tab shows the skip link, and it moves focus to the main content', async ({ page }) => {
  await page.goto(REPORT);
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toHaveText('Skip to main content');
  await expect(skip).toBeInViewport();
  expect(await focused(page)).toMatchObject({ visible: true, onScreen: true });
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  // The next Tab starts inside the main content, past the header and its search.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
});

test('Tab reaches the search box, and typing there searches the archive', async ({ page }) => {
  await page.goto(REPORT);
  const box = page.locator('#site-search-input');
  await tabUntil(page, () => box.evaluate((e) => e === document.activeElement), 'the search box');
  await page.keyboard.type('strategy meetings');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=strategy\+meetings$/);
});

test('Tab reaches a paragraph’s permanent link, and Enter goes to it', async ({ page }) => {
  await page.goto(REPORT);
  const paragraphLink = () => page.evaluate(() => document.activeElement?.matches('a.para__number') ?? false);
  await tabUntil(page, paragraphLink, 'a paragraph link');
  const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
  expect(href).toMatch(/^#(?:para|ap)-[\d-]+$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(href!)).toBeInViewport();
});

test('focus stays visible on every stop through the whole report', async ({ page }) => {
  await page.goto(REPORT);
  // Every element Tab can reach, plus a few for good measure; past the last one focus leaves the page.
  const stops = await page.locator('a[href], button, input, select, textarea, summary, [tabindex="0"]').count();
  expect(stops).toBeGreaterThan(60);
  const leftPage = () => page.evaluate(() => document.activeElement === document.body || document.activeElement === null);
  const invisible: string[] = [];
  let presses = 0;
  for (; presses < stops + 10 && !(presses > 0 && (await leftPage())); presses++) {
    await page.keyboard.press('Tab');
    if (await leftPage()) break;
    const now = await focused(page);
    if (!now.visible || !now.onScreen) invisible.push(`${now.description}${now.visible ? '' : ' has no visible focus indicator'}${now.onScreen ? '' : ' is off screen'}`);
  }
  expect(presses, 'Tab went through every stop and out of the page').toBeGreaterThan(60);
  expect(invisible).toEqual([]);
});

test('each paragraph is one tab stop; following its number brings its Copy link and Cite into the tab order', async ({ page }) => {
  await page.goto(REPORT);
  const number = (n: number) => page.locator(`#para-${n} > a.para__number`);
  // ¶ 29 to ¶ 33 hold no links of their own: Tab goes from one number to the next.
  await number(29).focus();
  for (const n of [30, 31, 32, 33]) {
    await page.keyboard.press('Tab');
    await expect(number(n)).toBeFocused();
  }
  // Enter on a number makes it the target: its tools follow it in the tab order, then the next paragraph.
  await number(29).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#para-29$/);
  await expect(number(29)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#para-29 > .para__tools > button.copy-button')).toBeFocused();
  await expect(page.locator('#para-29 > .para__tools > button.copy-button')).toHaveAccessibleName('Copy link to paragraph 29');
  await page.keyboard.press('Tab');
  await expect(page.locator('#para-29 .cite summary')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#para-29 .cite pre').first()).toBeVisible();
  expect(await focused(page)).toMatchObject({ visible: true, onScreen: true });
});

test('from ¶ 1, ¶ 56 is reached in about one Tab per paragraph, not three', async ({ page }) => {
  await page.goto(REPORT);
  await page.locator('#para-1 > a.para__number').focus();
  const last = () => page.evaluate(() => document.activeElement?.closest('.para')?.id === 'para-56');
  let presses = 0;
  while (!(await last()) && presses < 200) {
    await page.keyboard.press('Tab');
    presses++;
  }
  // 55 paragraph numbers, a few footnote and evidence links, and the recommendations' pages between them.
  expect(presses).toBeLessThan(75);
});

test('the home page has one search box, its own, and "/" goes to it; other pages keep the header’s, page not found its own', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('searchbox')).toHaveCount(1);
  await expect(page.getByRole('search')).toHaveCount(1);
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search every report')).toBeFocused();
  await page.keyboard.type('private fostering');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=private\+fostering$/);
  await page.goto('/authorities/');
  await expect(page.locator('#site-search-input')).toBeVisible();
  await page.goto('/no-such-page/');
  await expect(page.getByRole('searchbox')).toHaveCount(1);
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search every report')).toBeFocused();
});
