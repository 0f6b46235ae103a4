import { test, expect, type Page } from '@playwright/test';

/**
 * The national picture (/national/) and an authority's timeline: what the charts draw is what the tables say,
 * read from the page as a reader (or a screen reader, through the tables) gets it.
 */

/** Per year, how many marks of each grade band the chart draws, and the count printed at the end of the row. */
async function chartByYear(page: Page) {
  return page.locator('[data-chart="grades-by-year"] g[data-year]').evaluateAll((rows) =>
    rows.map((row) => ({
      year: row.getAttribute('data-year'),
      bands: Object.fromEntries(['Outstanding', 'Good', 'Requires improvement', 'Inadequate'].map((band) => [band, row.querySelectorAll(`path[data-band="${band}"]`).length])),
      total: row.querySelector('[data-total]')!.textContent,
    })),
  );
}
async function tableByYear(page: Page) {
  return page.locator('table[data-table="grades-by-year"] tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      year: row.getAttribute('data-year'),
      bands: Object.fromEntries([...row.querySelectorAll('td[data-band]')].map((cell) => [cell.getAttribute('data-band'), Number(cell.textContent)])),
      total: row.querySelector('[data-total]')!.textContent,
    })),
  );
}

test('the home page links to the national picture', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'The national picture' }).click();
  await expect(page.locator('h1')).toHaveText('The national picture');
});

test('the grades-by-year chart shows the figures of the table under it', async ({ page }) => {
  await page.goto('/national/');
  const chart = await chartByYear(page);
  expect(chart.length).toBeGreaterThan(5);
  expect(chart).toEqual(await tableByYear(page));
  // And the table adds up to the number of graded inspections the page states.
  const stated = Number(/\((\d+) in all\)/.exec((await page.locator('#by-year + p').textContent())!)![1]);
  expect(chart.reduce((sum, row) => sum + Number(row.total), 0)).toBe(stated);
});

test('the movement chart shows the figures of its table, and they add up to the authorities listed', async ({ page }) => {
  await page.goto('/national/');
  const chart = await page.locator('[data-chart="movement"] g[data-direction]').evaluateAll((bars) => bars.map((bar) => [bar.getAttribute('data-direction'), bar.querySelector('[data-count]')!.textContent]));
  const table = await page.locator('table[data-table="movement"] tbody tr').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-direction'), row.querySelector('[data-count]')!.textContent]));
  expect(chart).toEqual(table);
  expect(chart.map(([direction]) => direction)).toEqual(['Improved', 'Same grade', 'Declined']);
  const listed = await page.locator('table:has(#moves-caption) tbody tr').count();
  expect(chart.reduce((sum, [, count]) => sum + Number(count), 0)).toBe(listed);
});

test('an authority’s timeline shows each grade of its judgement table, area by area', async ({ page }) => {
  await page.goto('/authorities/gloucestershire/');
  const timeline = page.locator('[data-chart="timeline"]');
  await expect(timeline).toBeVisible();
  // The table shows the newest inspection first; the timeline runs oldest to newest, left to right.
  const areas = await page.locator('table.history__table tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      area: row.querySelector('th')!.textContent!.trim(),
      grades: [...row.querySelectorAll('td')].map((cell) => cell.querySelector('.grade span:last-child')?.textContent ?? null).filter(Boolean).reverse(),
    })),
  );
  expect(areas.length).toBeGreaterThan(2);
  for (const { area, grades } of areas) {
    const titles = await timeline.locator(`g[data-area="${area}"] path title`).allTextContents();
    expect(titles.map((title) => title.split(': ').at(-1)), area).toEqual(grades);
  }
});

test('the table sorts by any column and filters by region and type', async ({ page }) => {
  await page.goto('/national/');
  const rows = page.locator('table[data-sortable] tbody tr:visible');
  const all = await rows.count();
  await page.getByRole('combobox', { name: 'Region' }).selectOption('London');
  await expect(page.locator('[data-table-status]')).toHaveText(/^Showing \d+ of \d+ authorities, sorted by authority, ascending\.$/);
  const regions = await rows.locator('td:nth-child(2)').allTextContents();
  expect(regions.length).toBeGreaterThan(0);
  expect(regions.length).toBeLessThan(all);
  expect(new Set(regions)).toEqual(new Set(['London']));
  await expect(page.locator('[data-table-status]')).toHaveText(`Showing ${regions.length} of ${all} authorities, sorted by authority, ascending.`);
  await page.getByRole('combobox', { name: 'Region' }).selectOption('');

  const gradeHeading = page.getByRole('columnheader', { name: 'Latest overall grade' });
  await gradeHeading.getByRole('button').click();
  await expect(gradeHeading).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await rows.locator('td:nth-child(4) .grade span:last-child').allTextContents();
  expect(ascending[0]).toBe('Inadequate');
  await gradeHeading.getByRole('button').click();
  await expect(gradeHeading).toHaveAttribute('aria-sort', 'descending');
  expect((await rows.locator('td:nth-child(4) .grade span:last-child').allTextContents())[0]).toBe('Outstanding');
});

test('each sort button says what it sorts by and in which order, and each heading keeps its column’s name', async ({ page }) => {
  await page.goto('/national/');
  const table = page.locator('table[data-sortable]');
  const columns = ['Authority', 'Region', 'Type', 'Latest overall grade', 'Inspected'];
  const headingsAndButtons = () =>
    table.locator('thead th').evaluateAll((ths) => ths.map((th) => [th.getAttribute('aria-sort'), th.querySelector('button')?.getAttribute('aria-label') ?? null]));
  // The buttons' names are exact: a heading named "Sort by …" would name every cell under it, so it keeps the column's.
  for (const column of columns) await expect(table.getByRole('columnheader', { name: column, exact: true })).toHaveCount(1);
  expect(await headingsAndButtons()).toEqual([
    ['ascending', 'Sort by authority, descending'],
    [null, 'Sort by region, ascending'],
    [null, 'Sort by type, ascending'],
    [null, 'Sort by latest overall grade, ascending'],
    [null, 'Sort by inspected, ascending'],
  ]);
  await table.getByRole('button', { name: 'Sort by region, ascending', exact: true }).click();
  await expect(table.getByRole('columnheader', { name: 'Region', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.locator('[data-table-status]')).toHaveText(/^Showing (\d+) of \1 authorities, sorted by region, ascending\.$/);
  expect((await headingsAndButtons()).slice(0, 2)).toEqual([
    [null, 'Sort by authority, ascending'],
    ['ascending', 'Sort by region, descending'],
  ]);
  // Visible text is the column's name, which the accessible name contains (WCAG 2.5.3, label in name).
  await expect(table.getByRole('button', { name: 'Sort by region, descending', exact: true })).toHaveText('Region');
  await table.getByRole('button', { name: 'Sort by region, descending', exact: true }).click();
  await expect(table.getByRole('columnheader', { name: 'Region', exact: true })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.locator('[data-table-status]')).toContainText('sorted by region, descending.');
});

test('without JavaScript the page is a plain table in authority order, and the charts are drawn', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/national/');
  await expect(page.locator('[data-table-tools]')).toBeHidden();
  // The order is stated, with no buttons to press.
  await expect(page.locator('table[data-sortable]').getByRole('columnheader', { name: 'Authority', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.locator('table[data-sortable] button')).toHaveCount(0);
  const names = await page.locator('table[data-sortable] tbody th').allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
  expect(await page.locator('[data-chart="grades-by-year"] path.mark').count()).toBeGreaterThan(20);
  await context.close();
});

test('the national export has the table’s authorities and grades', async ({ page, request }) => {
  await page.goto('/national/');
  const table = await page.locator('table[data-sortable] tbody tr').evaluateAll((rows) =>
    rows.map((row) => [row.querySelector('th')!.textContent!.trim(), row.querySelector('td:nth-child(4) .grade span:last-child')!.textContent]),
  );
  const json = (await (await request.get('/data/national.json')).json()) as Array<{ authority: string; latest_overall: string }>;
  expect(json.map((row) => [row.authority, row.latest_overall])).toEqual(table);
  const csv = await (await request.get('/data/national.csv')).text();
  expect(csv.split('\r\n')[0]).toMatch(/^authority,authority_slug,region,la_type,latest_overall,/);
  expect(csv.trim().split('\r\n')).toHaveLength(table.length + 1);
  await page.goto('/data/');
  await expect(page.getByRole('link', { name: 'national.csv' })).toHaveAttribute('href', '/data/national.csv');
});

test('an authority’s grade beside its statistical neighbours’ agrees with its own panel and the neighbours list', async ({ page }) => {
  await page.goto('/authorities/gloucestershire/');
  const rows = page.locator('table[data-table="neighbours"] tbody tr');
  const grades = await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.childNodes[0]!.textContent!.trim(), tr.querySelector('.grade span:last-child')!.textContent]));
  expect(grades.length).toBeGreaterThan(1);
  const own = await page.locator('.panel .grade span:last-child').first().textContent();
  expect(grades[0]).toEqual(['Gloucestershire', own]);
  for (const [name, grade] of grades.slice(1)) {
    await expect(page.locator('.neighbour-list li', { has: page.getByRole('link', { name: name!, exact: true }) }).locator('.grade span:last-child')).toHaveText(grade!);
  }
});

for (const width of [320, 375]) {
  test(`at ${width} px the tables of authorities and of grades by year read as cards: every cell in view, under its column’s name, none scrolled off`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/national/');
    for (const name of ['Latest overall grade by authority', 'Inspections by year and overall grade', 'Each authority’s last two overall grades']) {
      const table = page.getByRole('table', { name });
      const region = table.locator('xpath=..');
      expect(await region.evaluate((box) => box.scrollWidth - box.clientWidth), name).toBeLessThanOrEqual(0);
      const cells = await table.locator('tbody td').evaluateAll((tds) =>
        tds.filter((td) => td.getBoundingClientRect().width > 0).map((td) => ({ right: td.getBoundingClientRect().right, label: getComputedStyle(td, '::before').content })),
      );
      expect(cells.length, name).toBeGreaterThan(10);
      for (const cell of cells) {
        expect(cell.right, name).toBeLessThanOrEqual(width);
        expect(cell.label, name).toMatch(/^"[A-Z][a-z ]+: "$/);
      }
      // Still a table to a screen reader, its column headings there (out of sight on the phone).
      expect(await table.getByRole('columnheader').count(), name).toBeGreaterThan(1);
    }
  });
}

test('on a wide screen the grades by year are a table with its column headings in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/national/');
  const table = page.getByRole('table', { name: 'Inspections by year and overall grade' });
  await expect(table.getByRole('columnheader', { name: 'Requires improvement' })).toBeVisible();
  expect(await table.evaluate((t) => getComputedStyle(t).display)).toBe('table');
  // One row per year, its cells side by side on one line.
  const tops = await table.locator('tbody tr').first().locator('th, td').evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
});

test('on a phone the sort buttons and filters still work on the cards', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/national/');
  // Sorting and filtering still work on the cards.
  await page.getByRole('button', { name: 'Latest overall grade' }).click();
  await expect(page.locator('table[data-sortable] tbody tr').first().locator('.grade')).toContainText('Inadequate');
  await page.getByRole('combobox', { name: 'Region' }).selectOption('London');
  await expect(page.locator('table[data-sortable] tbody tr:not([hidden])').first()).toBeVisible();
  expect(await page.locator('table[data-sortable] tbody tr[hidden]').evaluateAll((rows) => rows.every((row) => row.getBoundingClientRect().height === 0))).toBe(true);
});
