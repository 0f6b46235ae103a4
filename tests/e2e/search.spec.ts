import { test, expect as baseExpect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { stem } from '../../src/lib/search/stem.ts';

// A first search on a busy machine can take seconds.
const expect = baseExpect.configure({ timeout: 15_000 });

// Searches a reader would make, and what the passages they land on must say. Each query's first hits are followed
// to the report page, where the paragraph the link points to must contain the words.
const QUERIES = [
  { query: 'return home interviews', words: /return (home )?interview|\bRHIs?\b/i },
  { query: 'bed and breakfast', words: /bed and breakfast/i },
  { query: 'personal advisers', words: /personal advis[eo]r|\bPAs?\b/i },
  { query: 'private fostering', words: /privat\w* foster/i },
  { query: 'strategy meetings', words: /strategy meeting/i },
];

const status = (page: Page) => page.getByRole('status');
const hitLinks = (page: Page) => page.locator('.search-hit__label');
const groupHeadings = (page: Page) => page.locator('.search-group__title');
const searchBox = (page: Page) => page.getByLabel('Find words in every paragraph and recommendation');

/** The number of reports the status sentence gives ("Passages of 3 reports match …"). */
async function countIn(page: Page): Promise<number> {
  const text = (await status(page).textContent()) ?? '';
  return Number(/^Passages of ([\d,]+) report/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

for (const { query, words } of QUERIES) {
  test(`"${query}": the first hits land on paragraphs that say it`, async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    await expect(status(page)).toContainText(`match “${query}”`);
    const hrefs = (await hitLinks(page).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))).slice(0, 3);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      const url = new URL(href);
      expect(url.pathname).toMatch(/^\/reports\/[a-z0-9-]+\/$/);
      expect(url.hash).toMatch(/^#(para|ap|rec)-[0-9-]+$/);
      await page.goto(href);
      const target = page.locator(url.hash);
      await expect(target).toContainText(words);
      await expect(target).toBeInViewport();
      await expect(target.locator('mark').first()).toBeVisible();
    }
  });
}

test('each hit names its authority, document, date and paragraph, under its report', async ({ page }) => {
  await page.goto('/search/?q=bed+and+breakfast');
  const group = page.locator('.search-group').first();
  await expect(group.locator('.search-group__title')).toHaveText(/^[A-Z][A-Za-z ]+: [A-Z][a-z ]+, \d{1,2} [A-Z][a-z]+ \d{4}$/);
  await expect(group.locator('.search-group__title a')).toHaveAttribute('href', /^\/reports\/[a-z0-9-]+\/$/);
  const hit = group.locator('.search-hit').first();
  await expect(hit.locator('.search-hit__label')).toHaveText(/^(¶ [\d.]+|A\d+|Recommendation \d+)/);
  await expect(hit.locator('.search-hit__excerpt mark').filter({ hasText: /bed|breakfast/i }).first()).toBeVisible();
  await expect(hit.locator('.search-hit__label')).toHaveAccessibleName(/^(Paragraph|Archive paragraph|Recommendation) \S+.*, [A-Z][A-Za-z ]+ [a-z].*, \d{1,2} \w+ \d{4}$/);
});

test('a hit on the second paragraph a report numbers “6.0” is labelled and spoken as the report page names it', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('"makes 5 recommendations for further improvement"')}`);
  const hit = page.locator('a.search-hit__label[href*="/reports/gloucestershire-2022-06-22-council-report/"][href$="#para-6-2"]');
  await expect(hit).toHaveText(/^¶ 6\.0 \(2nd\)/);
  await expect(hit).toHaveAccessibleName(/^Paragraph 6\.0 \(the second so numbered\), Gloucestershire /);
});

test('facets show counts, and ticking one narrows the results and changes the counts', async ({ page }) => {
  await page.goto('/search/?q=return+home+interviews');
  await expect(status(page)).toContainText('match “return home interviews”');
  const total = await countIn(page);
  await page.getByText('Filter results').click();
  const authority = page.locator('[data-facet="authority"]');
  const gloucestershire = authority.getByLabel(/^Gloucestershire \(\d+\)$/);
  await expect(gloucestershire).toBeVisible();
  const label = await authority.locator('label', { hasText: /^Gloucestershire \(/ }).textContent();
  const expected = Number(/\((\d+)\)/.exec(label ?? '')![1]);
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(total);
  const yearCountsBefore = await page.locator('[data-facet="year"] label').allTextContents();

  await gloucestershire.check();
  await expect(page).toHaveURL(/[?&]authority=Gloucestershire(&|$)/);
  await expect(status(page)).toContainText(`${expected} report${expected === 1 ? '' : 's'} of ${total} with passages matching`);
  for (const heading of await groupHeadings(page).allTextContents()) expect(heading).toMatch(/^Gloucestershire:/);
  // The authority facet still offers South Gloucestershire with its own count; other facets now count within the choice.
  await expect(authority.getByLabel(/^South Gloucestershire \(\d+\)$/)).toBeVisible();
  await expect.poll(() => page.locator('[data-facet="year"] label').allTextContents()).not.toEqual(yearCountsBefore);
  await expect(gloucestershire).toBeFocused();

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(status(page)).toHaveText(`Passages of ${total} reports match “return home interviews”.`);
});

test('a shared URL restores the query, filters and sort', async ({ page }) => {
  await page.goto('/search/?q=private+fostering&year=2017&sort=date');
  await expect(searchBox(page)).toHaveValue('private fostering');
  await expect(page.getByLabel('Sort by')).toHaveValue('date');
  await expect(page.locator('[data-facet="year"]').getByLabel(/^2017 \(/)).toBeChecked();
  await expect(status(page)).toContainText('fit the filters chosen');
  for (const heading of await groupHeadings(page).allTextContents()) expect(heading).toMatch(/ 2017$/);
});

test('sorting by date puts the newest report first, and each report’s hits in its own order', async ({ page }) => {
  await page.goto('/search/?q=care+leavers');
  await expect(status(page)).toContainText('match “care leavers”');
  await page.getByLabel('Sort by').selectOption('date');
  await expect(page).toHaveURL(/sort=date/);
  // The reports are redrawn newest first once the sorted search is in.
  const dates = async () => (await groupHeadings(page).allTextContents()).map((heading) => Date.parse(heading.replace(/^.*, /, '')));
  await expect.poll(async () => (await dates()).every((date, at, all) => at === 0 || all[at - 1]! >= date)).toBe(true);
  await expect(groupHeadings(page).first()).toContainText('Harrow: Inspection, 4 March 2025');
  // The first report with more passages than it shows: opened, its passages must keep the report's order too.
  const groups = page.locator('.search-group');
  const hasMore = await groups.evaluateAll((items) => items.map((item) => item.querySelector('button') !== null));
  const group = groups.nth(hasMore.indexOf(true));
  await group.getByRole('button', { name: /^Show \d+ more passages from / }).click();
  await expect.poll(() => group.locator('.search-hit').count()).toBeGreaterThan(3);
  for (const group of await page.locator('.search-group').all()) {
    const labels = await group.locator('.search-hit__label span[aria-hidden]').allTextContents();
    for (const kind of ['¶ ', 'A']) {
      const numbers = labels.filter((l) => l.startsWith(kind)).map((l) => parseFloat(l.slice(kind.length)));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
  }
});

test('Back restores the previous search, Forward the next', async ({ page }) => {
  await page.goto('/search/');
  await searchBox(page).fill('private fostering');
  await searchBox(page).press('Enter');
  await expect(status(page)).toContainText('match “private fostering”');
  await searchBox(page).fill('strategy meetings');
  await searchBox(page).press('Enter');
  await expect(status(page)).toContainText('match “strategy meetings”');
  await expect(page).toHaveURL(/\?q=strategy\+meetings$/);

  await page.goBack();
  await expect(page).toHaveURL(/\?q=private\+fostering$/);
  await expect(searchBox(page)).toHaveValue('private fostering');
  await expect(status(page)).toContainText('match “private fostering”');
  await expect(page.locator('.search-hit__excerpt').first()).toContainText(/privat\w* foster/i);

  await page.goForward();
  await expect(searchBox(page)).toHaveValue('strategy meetings');
  await expect(status(page)).toContainText('match “strategy meetings”');
});

test('typing a query makes one history entry, not one per keystroke', async ({ page }) => {
  await page.goto('/search/?q=private+fostering');
  await expect(status(page)).toContainText('match “private fostering”');
  await searchBox(page).fill('');
  await searchBox(page).pressSequentially('bed and breakfast', { delay: 20 });
  await expect(status(page)).toContainText('match “bed and breakfast”');
  await expect(page).toHaveURL(/\?q=bed\+and\+breakfast$/);
  await page.goBack();
  await expect(searchBox(page)).toHaveValue('private fostering');
});

test('a space after a word holds the search: while more is coming, nothing but the files of the words typed is fetched', async ({ page }) => {
  await page.goto('/search/');
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  // One input event: the word and the space together, so that a slow machine cannot separate them.
  await searchBox(page).fill('social ');
  // Longer than the pause after a finished word (typing.ts), shorter than the pause after a space.
  await page.waitForTimeout(200);
  // The word's term file and passage postings, and the metadata and every report's passage links, which any search
  // of this archive needs: no passage text, no "did you mean".
  const wordFiles = ['/search-index/terms/so.json', '/search-index/postings/0/so.json'];
  const beyond = fetched.filter((path) => path.startsWith('/search-index/') && !wordFiles.includes(path) && !['/search-index/meta.json', '/search-index/reports.json'].includes(path));
  expect(beyond).toEqual([]);
  expect(fetched).toEqual(expect.arrayContaining(wordFiles));
  await searchBox(page).pressSequentially('work academy', { delay: 50 });
  await expect(status(page)).toContainText('match “social work academy”');
});

test('the last keystroke shows the finished search’s passages at once, with no request; their text follows', async ({ page }) => {
  await page.goto('/search/?q=private+fostering');
  await expect(status(page)).toContainText('match “private fostering”');
  const finished = await hitLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  await page.goto('/search/');
  // Passage text is held back until the links have been read.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/search-index/passages/**', async (route) => {
    await held;
    await route.continue();
  });
  const afterLastKey: string[] = [];
  await searchBox(page).pressSequentially('private fosterin', { delay: 50 });
  // The word's files are loaded while it is typed (the finished word needs the same ones).
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/search-index/postings/0/fo'))), { timeout: 5_000 }).toBe(true);
  await page.waitForTimeout(100);
  page.on('request', (request) => afterLastKey.push(new URL(request.url()).pathname));
  await searchBox(page).press('g');
  await expect(hitLinks(page)).toHaveCount(finished.length);
  expect(await hitLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(finished);
  // Shown before any passage text came, and before any file of the index was asked for after the last key.
  await expect(page.locator('.search-hit__excerpt').first()).toHaveText('');
  expect(afterLastKey.filter((path) => path.startsWith('/search-index/') && !path.startsWith('/search-index/passages/'))).toEqual([]);
  release();
  await expect(page.locator('.search-hit__excerpt').first()).toContainText(/foster/i);
  expect(await hitLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(finished);
});

// A compound read both ways ("letterbox", whose term file the page loads while "box" is typed) and words standing
// together ("young carers", from the places in the passage postings) rank with no request too.
for (const query of ['letter box', 'young carers']) {
  test(`"${query}": the last keystroke ranks with the files loaded while typing, no request, as the finished search does`, async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    await expect(status(page)).toContainText(`match “${query}”`);
    const finished = await hitLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    await page.goto('/search/');
    await page.route('**/search-index/passages/**', () => {});
    await searchBox(page).pressSequentially(query.slice(0, -1), { delay: 50 });
    // Until no file has come for a while: what typing loads is in.
    let seen = -1;
    await expect
      .poll(async () => {
        const count = await page.evaluate(() => performance.getEntriesByType('resource').length);
        const settled = count === seen;
        seen = count;
        return settled;
      }, { intervals: [400], timeout: 10_000 })
      .toBe(true);
    const afterLastKey: string[] = [];
    page.on('request', (request) => afterLastKey.push(new URL(request.url()).pathname));
    await searchBox(page).press(query.slice(-1));
    await expect(hitLinks(page)).toHaveCount(finished.length);
    expect(await hitLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(finished);
    expect(afterLastKey.filter((path) => path.startsWith('/search-index/') && !path.startsWith('/search-index/passages/'))).toEqual([]);
  });
}

test('keyboard only: "/" focuses the box, Tab reaches a hit, Enter opens its paragraph highlighted', async ({ page }) => {
  await page.goto('/search/');
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('bed and breakfast');
  await expect(status(page)).toContainText('match “bed and breakfast”');
  for (let presses = 0; presses < 20; presses++) {
    if (await page.evaluate(() => document.activeElement?.classList.contains('search-hit__label'))) break;
    await page.keyboard.press('Tab');
  }
  const focused = page.locator('.search-hit__label:focus');
  await expect(focused).toBeFocused();
  await expect(focused).toHaveCSS('background-color', 'rgb(255, 221, 0)');
  const hash = new URL((await focused.getAttribute('href'))!, 'http://x').hash;
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/reports/[a-z0-9-]+/${hash}$`));
  const target = page.locator(hash);
  await expect(target).toBeInViewport();
  await expect(target.locator('mark').filter({ hasText: /^breakfast$/i }).first()).toBeVisible();
});

test('the header box searches from any page; the search page has one search box, its own', async ({ page }) => {
  await page.goto('/reports/gloucestershire-2022-04-01-inspection/');
  await page.locator('#site-search-input').fill('personal advisers');
  await page.locator('#site-search-input').press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=personal\+advisers$/);
  await expect(searchBox(page)).toHaveValue('personal advisers');
  await expect(status(page)).toContainText('match “personal advisers”');
  await expect(page.getByRole('searchbox')).toHaveCount(1);
  await expect(page.locator('#site-search-input')).toHaveCount(0);
});

test('on a slow connection the page says it is searching, then gives the count', async ({ page }) => {
  await page.route('**/search-index/**', async (route) => {
    await new Promise((wait) => setTimeout(wait, 800));
    await route.continue();
  });
  await page.goto('/search/?q=private+fostering');
  await expect(status(page)).toHaveText('Searching…');
  await expect(status(page)).toContainText('match “private fostering”');
});

test('a search left behind by a further key never paints its results over the query typed since', async ({ page }) => {
  await page.goto('/search/');
  // The text of the search the pause starts is held until the reader has typed on.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/search-index\/passages\/\d+\.\d+\.json$/, async (route) => {
    await held;
    await route.continue();
  });
  await searchBox(page).pressSequentially('private fostering', { delay: 50 });
  await expect(status(page)).toContainText('match “private fostering”');
  // Past the pause: the search for "private fostering" is waiting for its text.
  await page.waitForTimeout(600);
  await page.evaluate(() => {
    const paints: boolean[] = [];
    (window as unknown as { paints: boolean[] }).paints = paints;
    new MutationObserver(() => paints.push((document.querySelector('.search-hit__excerpt')?.textContent ?? '').trim() !== '')).observe(
      document.getElementById('search-results')!,
      { childList: true, characterData: true, subtree: true },
    );
  });
  // A word no report uses: the keystroke's search shows nothing, and the new search waits the longest pause (400 ms)
  // after the last key, so whatever paints just after the text is released is the old search's.
  await searchBox(page).pressSequentially(' wombat', { delay: 50 });
  release();
  await page.waitForTimeout(150);
  expect(await page.evaluate(() => (window as unknown as { paints: boolean[] }).paints.filter(Boolean).length)).toBe(0);
  await expect(status(page)).toContainText('wombat');
});

test('when the passages’ text is slow, their links and the count come first, and the excerpts follow', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/search-index\/passages\/\d+\.\d+\.json$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/search/?q=private+fostering');
  await expect(status(page)).toContainText('match “private fostering”');
  await expect(hitLinks(page).first()).toBeVisible();
  await expect(page.locator('.search-hit__excerpt').first()).toHaveText('');
  release();
  await expect(page.locator('.search-hit__excerpt').first()).toContainText(/\w/);
});

test('more passages of a report arriving slowly do not bring "Searching…" back', async ({ page }) => {
  await page.goto('/search/?q=children');
  await expect(status(page)).toContainText('match “children”');
  await page.route('**/search-index/passages/**', async (route) => {
    await new Promise((wait) => setTimeout(wait, 800));
    await route.continue();
  });
  const group = page.locator('.search-group').first();
  await group.getByRole('button', { name: /^Show \d+ more passages from / }).click();
  await expect.poll(() => group.locator('.search-hit').count(), { timeout: 10_000 }).toBeGreaterThan(3);
  await expect(status(page)).toContainText('match “children”');
});

test('a search nothing matches says so', async ({ page }) => {
  await page.goto('/search/?q=zzyzzx');
  await expect(status(page)).toContainText('No passages match “zzyzzx”');
  await expect(page.locator('.search-hit')).toHaveCount(0);
});

test('more passages of a report, and more reports, load on request, and focus moves to the first new one', async ({ page }) => {
  await page.goto('/search/?q=children');
  await expect(status(page)).toContainText('match “children”');
  const total = await countIn(page);
  expect(total).toBeGreaterThan(6);
  await expect(page.locator('.search-group')).toHaveCount(3);
  const first = page.locator('.search-group').first();
  await expect(first.locator('.search-hit')).toHaveCount(3);
  const more = first.getByRole('button', { name: /^Show (\d+) more passages from / });
  const hidden = Number(/Show (\d+)/.exec((await more.textContent()) ?? '')![1]);
  await more.click();
  await expect(first.locator('.search-hit')).toHaveCount(3 + hidden);
  await expect(first.locator('.search-hit').nth(3).locator('.search-hit__label')).toBeFocused();
  await expect(first.getByRole('button', { name: /more passages/ })).toHaveCount(0);

  await page.getByRole('button', { name: `Show 3 more reports (${total - 3} not shown yet)` }).click();
  await expect(page.locator('.search-group')).toHaveCount(6);
  await expect(page.locator('.search-group').nth(3).locator('.search-hit__label').first()).toBeFocused();
});

test('no dead ends: a word no report uses is named, with one suggestion from the archive’s words', async ({ page }) => {
  await page.goto('/search/?q=privte+fostering');
  await expect(status(page)).toContainText('No report uses “privte”. Did you mean “private”?');
  await expect(page.locator('.search-hit').first()).toBeVisible();
  await page.locator('#search-suggestion').getByRole('link', { name: 'private fostering' }).click();
  await expect(page).toHaveURL(/\?q=private\+fostering$/);
  await expect(status(page)).toHaveText(/^Passages of \d+ reports match “private fostering”\.$/);
});

test('the glossary is used when matching: LADO finds a report that only says "designated officer"', async ({ page }) => {
  // Darlington's 2018 report never writes "LADO".
  await page.goto('/search/?q=LADO&authority=Darlington&year=2018');
  await expect(status(page)).toContainText('with passages matching “LADO” fit the filters chosen');
  const first = page.locator('.search-hit').first();
  await expect(first.locator('.search-hit__excerpt')).toContainText(/designated officers?/i);
  await expect(first.locator('.search-hit__excerpt mark').filter({ hasText: /^designated$/i }).first()).toBeVisible();
});

test('a compound typed apart finds it written as one: "letter box" finds a report that only says "letterbox"', async ({ page }) => {
  // Westminster's 2016 report writes "letterbox" four times and never "letter box", nor "box" at all.
  await page.goto('/search/?q=letter+box&authority=Westminster&year=2016');
  await expect(status(page)).toContainText('with passages matching “letter box” fit the filters chosen');
  const first = page.locator('.search-hit').first();
  await expect(first.locator('.search-hit__excerpt mark').filter({ hasText: /^letterbox$/i }).first()).toBeVisible();
});

test('words typed together lead where they stand together: "young carers" lands on a paragraph about young carers', async ({ page }) => {
  // Worcestershire's 2017 report has paragraphs with "young" and "carers" apart before the one on young carers.
  await page.goto('/search/?q=young+carers&authority=Worcestershire&year=2017');
  await expect(status(page)).toContainText('with passages matching “young carers” fit the filters chosen');
  const href = await hitLinks(page).first().getAttribute('href');
  await page.goto(href!);
  await expect(page.locator(new URL(href!, 'http://x').hash)).toContainText(/young carers/i);
});

test('a short query none of the first reports says together is looked for further: "residential semi-independent"', async ({ page }) => {
  // The ten reports using "residential" and "semi-independent" most hold them in different paragraphs; Shropshire's
  // 2022 report, further down that order, says "residential and semi-independent provision" (rank.ts `answered`).
  await page.goto('/search/?q=residential+semi-independent');
  await expect(status(page)).toContainText('match “residential semi-independent”');
  const href = await hitLinks(page).first().getAttribute('href');
  await page.goto(href!);
  await expect(page.locator(new URL(href!, 'http://x').hash)).toContainText(/residential and semi-independent/i);
});

test('a query naming an authority leads with its reports: "Gloucestershire LADO" lands on Gloucestershire’s, not South Gloucestershire’s', async ({ page }) => {
  // South Gloucestershire's 2024 paragraph on its LADO scores the same; "Gloucestershire" names only Gloucestershire
  // (rank.ts `Candidate.named`), whose words in another authority's report count as a mention.
  await page.goto('/search/?q=Gloucestershire+LADO');
  await expect(status(page)).toContainText('match “Gloucestershire LADO”');
  const href = await hitLinks(page).first().getAttribute('href');
  expect(href).toMatch(/^\/reports\/gloucestershire-/);
  await page.goto(href!);
  await expect(page.locator(new URL(href!, 'http://x').hash)).toContainText(/designated officer/i);
});

test('a quoted phrase is honoured: every passage shown holds the words together, in order', async ({ page }) => {
  await page.goto('/search/?q=%22partners+in+practice%22');
  await expect(status(page)).toContainText('match “"partners in practice"”');
  const excerpts = await page.locator('.search-hit__excerpt').allTextContents();
  expect(excerpts.length).toBeGreaterThan(0);
  for (const text of excerpts) expect(text).toMatch(/partners in practice/i);
});

test('marks agree with matching: "care" marks the words of its stem (care, cared, caring), never carers', async ({ page }) => {
  await page.goto('/search/?q=care');
  await expect(status(page)).toContainText('match “care”');
  const marked = await page.locator('.search-hit__excerpt mark').allTextContents();
  expect(marked.length).toBeGreaterThan(0);
  for (const word of marked) expect(stem(word.toLowerCase())).toBe('care');
  const href = await page.locator('.search-hit__label').first().getAttribute('href');
  await page.goto(href!);
  const onPage = await page.locator(`${new URL(href!, 'http://x').hash} mark`).allTextContents();
  expect(onPage.length).toBeGreaterThan(0);
  for (const word of onPage) expect(stem(word.toLowerCase())).toBe('care');
});

test('the glossary page lists the abbreviations, and report paragraphs mark them with their expansion', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Glossary of abbreviations' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  await expect(page.locator('#lado dt')).toContainText('LADO: local authority designated officer');
  await page.goto('/reports/camden-2022-06-21-inspection/#para-15');
  await expect(page.locator('#para-15 abbr', { hasText: 'LADO' }).first()).toHaveAttribute('title', 'local authority designated officer');
});

test('without JavaScript the page says search needs it, keeps one search box, and offers browsing once', async ({ browser, page: jsPage }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/search/?q=private+fostering');
  await expect(page.getByText('Search needs JavaScript')).toBeVisible();
  await expect(page.getByRole('searchbox')).toHaveCount(1);
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'by authority' })).toHaveCount(1);
  await expect(main.getByRole('link', { name: 'by authority' })).toHaveAttribute('href', '/authorities/');
  await expect(main.getByRole('link', { name: 'by theme' })).toHaveCount(1);
  await context.close();
  await jsPage.goto('/search/');
  await expect(jsPage.getByText('Search needs JavaScript')).toBeHidden();
});

test('results read at 320px without sideways scrolling, and pass axe with the facets open', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/search/?q=return+home+interviews&authority=South+Gloucestershire');
  await expect(status(page)).toContainText('fit the filters chosen');
  await expect(page.locator('[data-facet="theme"] input').first()).toBeAttached();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
