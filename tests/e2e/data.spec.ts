import { createHash } from 'node:crypto';
import { test, expect, type APIRequestContext, type Page } from '@playwright/test';

// The open data, feeds and discoverability of the built site, checked against its own pages: the exports must
// count what the pages show, the feeds must be Atom, every sitemap URL must answer, and a citation must carry the
// paragraph's permanent URL.

const REPORT = '/reports/gloucestershire-2022-04-01-inspection/';

/** RFC 4180: fields split on commas outside quotes, "" for a quote, records on CRLF outside quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('the CSV does not end with CRLF');
  return records;
}

async function text(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response.text();
}

const json = async (request: APIRequestContext, path: string) => JSON.parse(await text(request, path));
const hrefs = (html: string, pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((m) => m[1]!))];

/** Every report page, found the way a reader finds them: authorities index → authority pages → document lists. */
async function reportPaths(request: APIRequestContext): Promise<string[]> {
  const authorities = hrefs(await text(request, '/authorities/'), /href="(\/authorities\/[a-z0-9-]+\/)"/g);
  const lists = await Promise.all(authorities.map(async (path) => {
    const html = await text(request, path);
    const list = html.slice(html.indexOf('<ol class="plain-list documents">'));
    return hrefs(list.slice(0, list.indexOf('</ol>')), /href="(\/reports\/[a-z0-9-]+\/)"/g);
  }));
  return lists.flat();
}

test.describe('exports, feeds and sitemap', () => {
  // Files, not layouts: checking them at one width is enough.
  test.beforeEach(({}, info) => test.skip(info.project.name !== 'desktop', 'checked once, on desktop'));

  test('the exports parse, agree with each other, and count what the pages show', async ({ request }) => {
    test.slow(); // walks every report, feed or page of the archive
    const schema = await json(request, '/data/schema.json');
    const reports = await reportPaths(request);
    expect(reports.length).toBeGreaterThan(0);

    // What the report pages show: their judgements (the headline grade, and each area in its table or list) and
    // their recommendations.
    let judgementsShown = 0;
    let recommendationsShown = 0;
    for (const path of reports) {
      const html = await text(request, path);
      judgementsShown += (html.match(/ data-judgement[ >]/g) ?? []).length;
      recommendationsShown += (html.match(/<li class="recommendation"/g) ?? []).length;
    }
    // What the authorities' recommendation trackers show: one finding per recommendation and later document.
    let verdictsShown = 0;
    for (const authority of hrefs(await text(request, '/authorities/'), /href="(\/authorities\/[a-z0-9-]+\/)"/g)) {
      verdictsShown += ((await text(request, `${authority}recommendations/`)).match(/<div class="finding"/g) ?? []).length;
    }
    const shown = { documents: reports.length, judgements: judgementsShown, recommendations: recommendationsShown, verdicts: verdictsShown };

    for (const dataset of schema.datasets) {
      const columns: string[] = dataset.columns.map((c: { name: string }) => c.name);
      const rows: Record<string, unknown>[] = await json(request, new URL(dataset.json).pathname);
      const [header, ...records] = parseCsv(await text(request, new URL(dataset.csv).pathname));
      expect(header, `${dataset.name}.csv header`).toEqual(columns);
      expect(rows.length, `${dataset.name}.json rows`).toBe(shown[dataset.name as keyof typeof shown]);
      expect(records.length, `${dataset.name}.csv rows`).toBe(rows.length);
      rows.forEach((row, i) => {
        expect(Object.keys(row)).toEqual(columns);
        // The CSV says the same as the JSON: lists joined with ";", null as an empty field.
        const asCsv = columns.map((c) => (row[c] === null ? '' : Array.isArray(row[c]) ? (row[c] as string[]).join(';') : String(row[c])));
        expect(records[i]).toEqual(asCsv);
      });
    }
  });

  test('a known judgement and recommendation, with URLs that lead to them', async ({ request }) => {
    const judgements = await json(request, '/data/judgements.json');
    const overall = judgements.find((j: Record<string, string>) => j.document === 'gloucestershire-2022-04-01-inspection' && j.area_key === 'overall-effectiveness');
    expect(overall).toMatchObject({ authority: 'Gloucestershire', authority_slug: 'gloucestershire', framework: 'ILACS', published: '2022-04-01', grade: 'Requires improvement to be good' });

    const recommendations = await json(request, '/data/recommendations.json');
    const second = recommendations.find((r: Record<string, unknown>) => r.document === 'gloucestershire-2022-04-01-inspection' && r.number === 2);
    expect(second.text).toContain('accommodation for care leavers');
    expect(new URL(second.url).pathname + new URL(second.url).hash).toBe(`${REPORT}#rec-2`);
    expect(await text(request, new URL(second.page_url).pathname)).toContain('accommodation for care leavers');
  });

  test('each report’s record is published whole, matches its page and its data view, and its source is the one it was built from', async ({ request, page }) => {
    test.slow(); // walks every report, feed or page of the archive
    for (const path of await reportPaths(request)) {
      const slug = path.split('/')[2]!;
      const record = await json(request, `/reports/${slug}.json`);
      const html = await text(request, path);
      expect(record.slug).toBe(slug);
      expect(record.paragraphs.length, `${slug} paragraphs`).toBe((html.match(/<div class="para" id="/g) ?? []).length);
      const source = await request.get(`/sources/${record.source.file}`);
      expect(source.status()).toBe(200);
      expect(createHash('sha256').update(await source.body()).digest('hex')).toBe(record.source.sha256);
    }
    // The data view shows the record's fields, then each list's length and first item: the record, in short.
    await page.goto(`${REPORT}data/`);
    const record = await json(request, `${REPORT.slice(0, -1)}.json`);
    const shown = JSON.parse((await page.locator('main pre.code').first().textContent())!);
    const lists = page.locator('section.record-list');
    for (const list of await lists.all()) {
      const field = (await list.getAttribute('id'))!.replace(/^field-/, '');
      await expect(list.locator('h3')).toContainText(`${field}: ${record[field].length} item`);
      expect(JSON.parse((await list.locator('pre.code').textContent())!)).toEqual(record[field][0]);
      shown[field] = record[field];
    }
    expect(await lists.count()).toBeGreaterThan(2);
    expect(shown).toEqual(record);
  });

  test('every feed is well-formed Atom with the required elements, unique permanent ids and documents’ dates', async ({ request, page }) => {
    test.slow(); // walks every report, feed or page of the archive
    const authorities = hrefs(await text(request, '/authorities/'), /href="\/authorities\/([a-z0-9-]+)\/"/g);
    const themes = hrefs(await text(request, '/themes/'), /href="\/themes\/([a-z0-9-]+)\/"/g);
    const feeds = ['/feeds/documents.xml', ...authorities.map((a) => `/feeds/authorities/${a}.xml`), ...themes.map((t) => `/feeds/themes/${t}.xml`)];
    const published = new Set((await json(request, '/data/documents.json')).map((d: { published: string }) => `${d.published}T00:00:00.000Z`));
    const xmls = await Promise.all(feeds.map((path) => text(request, path)));
    await page.goto('/');
    for (const [i, path] of feeds.entries()) {
      const feed = await readAtom(page, xmls[i]!);
      expect(feed.error, path).toBe(null);
      expect(feed.root, path).toBe('http://www.w3.org/2005/Atom feed');
      for (const field of ['id', 'title', 'updated'] as const) expect(feed[field], `${path} ${field}`).toBeTruthy();
      expect(new URL(feed.self!).pathname, `${path} rel=self`).toBe(path);
      expect(feed.alternate, `${path} rel=alternate`).toBeTruthy();
      expect(feed.authors > 0 || feed.entries.every((e) => e.authors > 0), `${path}: an author for the feed or every entry`).toBe(true);
      expect(published.has(feed.updated!) || feed.entries.length === 0, `${path} updated is a document's date`).toBe(true);
      const problems = feed.entries.flatMap((entry) => [
        ...(['id', 'title', 'updated', 'link'] as const).filter((field) => !entry[field]).map((field) => `${entry.id}: no ${field}`),
        ...(published.has(entry.updated!) ? [] : [`${entry.id}: updated ${entry.updated} is no document's date`]),
        ...(URL.canParse(entry.id ?? '') ? [] : [`${entry.id}: the id is not a URL`]),
      ]);
      expect(problems, path).toEqual([]);
      const ids = feed.entries.map((e) => e.id);
      expect(new Set(ids).size, `${path} unique ids`).toBe(ids.length);
      const dates = feed.entries.map((e) => e.updated!);
      expect(dates, `${path} newest first`).toEqual([...dates].sort().reverse());
      expect(feed.updated, `${path} updated is the newest entry's`).toBe(dates[0] ?? feed.updated);
    }
  });

  test('home, authority and theme pages announce their feeds', async ({ request }) => {
    for (const [page, feed] of [
      ['/', '/feeds/documents.xml'],
      ['/authorities/gloucestershire/', '/feeds/authorities/gloucestershire.xml'],
      ['/themes/pathway-plans/', '/feeds/themes/pathway-plans.xml'],
    ]) {
      const link = (await text(request, page!)).match(/<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="([^"]+)"/);
      expect(link, page).not.toBeNull();
      expect(new URL(link![1]!).pathname).toBe(feed);
      expect((await request.get(feed!)).status()).toBe(200);
    }
  });

  test('every URL in the sitemap answers 200 with its own canonical URL, and robots.txt points at the sitemap', async ({ request }) => {
    test.slow(); // walks every report, feed or page of the archive
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const sitemaps = locs(await text(request, '/sitemap-index.xml'));
    const urls = (await Promise.all(sitemaps.map(async (s) => locs(await text(request, new URL(s).pathname))))).flat();
    const paths = urls.map((u) => new URL(u).pathname);
    for (const expected of [/^\/$/, /^\/data\/$/, /^\/reports\/[^/]+\/$/, /^\/reports\/[^/]+\/data\/$/, /^\/reports\/[^/]+\/recommendations\/\d+\/$/, /^\/authorities\/[^/]+\/compare\/[^/]+\/[^/]+\/$/, /^\/themes\/[^/]+\/$/]) {
      expect(paths.some((p) => expected.test(p)), `the sitemap lists a page like ${expected}`).toBe(true);
    }
    const check = async (url: string) => {
      const path = new URL(url).pathname;
      const response = await request.get(path);
      if (response.status() !== 200) return [`${path}: ${response.status()}`];
      return (await response.text()).includes(`<link rel="canonical" href="${url}">`) ? [] : [`${path}: canonical is not ${url}`];
    };
    const failures: string[] = [];
    // A few requests at a time: quick on a big archive without flooding the server.
    for (let i = 0; i < urls.length; i += 16) failures.push(...(await Promise.all(urls.slice(i, i + 16).map(check))).flat());
    expect(failures).toEqual([]);
    const robots = await text(request, '/robots.txt');
    expect(robots).toContain(`Sitemap: ${new URL('/sitemap-index.xml', urls[0]).href}`);
  });

  test('the data page and data views carry no inline styles (the CSP forbids them), and their excerpts are the real files', async ({ request, page }) => {
    for (const path of ['/data/', `${REPORT}data/`]) {
      await page.goto(path);
      await expect(page.locator('[style]')).toHaveCount(0);
      await expect(page.locator('pre.code span[class^="code-token-"]').first()).toBeVisible();
    }
    await page.goto('/data/');
    const csv = await text(request, '/data/judgements.csv');
    const excerpt = await page.locator('#judgements ~ .code-block--rows pre').first().textContent();
    expect(csv.replace(/\r\n/g, '\n').startsWith(excerpt!.replace(/\r\n/g, '\n'))).toBe(true);
  });
});

/** A feed parsed by the browser's XML parser (a parse error is reported, never repaired), read as RFC 4287 names it. */
function readAtom(page: Page, xml: string) {
  return page.evaluate((source) => {
    const ATOM = 'http://www.w3.org/2005/Atom';
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const root = doc.documentElement;
    const children = (parent: Element, name: string) => [...parent.children].filter((c) => c.namespaceURI === ATOM && c.localName === name);
    const child = (parent: Element, name: string) => children(parent, name)[0]?.textContent?.trim() || null;
    const link = (parent: Element, rel: string) =>
      children(parent, 'link').find((l) => (l.getAttribute('rel') ?? 'alternate') === rel)?.getAttribute('href') ?? null;
    return {
      error,
      root: `${root.namespaceURI} ${root.localName}`,
      id: child(root, 'id'),
      title: child(root, 'title'),
      updated: child(root, 'updated'),
      self: link(root, 'self'),
      alternate: link(root, 'alternate'),
      authors: children(root, 'author').filter((a) => child(a, 'name')).length,
      entries: children(root, 'entry').map((entry) => ({
        id: child(entry, 'id'),
        title: child(entry, 'title'),
        updated: child(entry, 'updated'),
        link: link(entry, 'alternate'),
        authors: children(entry, 'author').length,
      })),
    };
  }, xml);
}

test.describe('citations', () => {
  test('the citation of ¶ 41 names the publisher, title, date and paragraph, and links to #para-41, without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // A paragraph's Cite shows once it is the target: following its number, or a pasted link to it.
    await page.goto(`${REPORT}#para-41`);
    const cite = page.locator('#para-41 details.cite');
    await cite.locator('summary').click();
    const [plain, markdown] = await cite.locator('pre').allTextContents();
    expect(plain).toMatch(/^Ofsted \(1 April 2022\)\. Inspection of Gloucestershire local authority children.s services, paragraph 41\. https?:\/\/\S+$/);
    expect(plain!.endsWith(`${REPORT}#para-41`)).toBe(true);
    expect(markdown).toMatch(/^\[Ofsted, Inspection of Gloucestershire .*\(1 April 2022\), paragraph 41\]\(https?:\/\/\S+\/reports\/gloucestershire-2022-04-01-inspection\/#para-41\)$/);
    await expect(cite.locator('pre').first()).toBeVisible();
    await context.close();
  });

  test('copy puts exactly the citation on the clipboard, on report and recommendation pages', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    for (const [path, at, anchor] of [
      [`${REPORT}#para-41`, '#para-41', '#para-41'],
      [`${REPORT}recommendations/2/`, 'main', '#rec-2'],
    ] as const) {
      await page.goto(path);
      const cite = page.locator(at).locator('details.cite').first();
      await cite.locator('summary').click();
      await cite.getByRole('button', { name: 'Copy the plain-text citation' }).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await cite.locator('pre').first().textContent());
      expect(copied.endsWith(anchor), path).toBe(true);
      await cite.getByRole('button', { name: 'Copy the Markdown link' }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`^\\[.*\\]\\(.*${anchor}\\)$`));
    }
  });

  test('each report offers a whole-document citation and the original publication', async ({ page }) => {
    await page.goto(REPORT);
    const cite = page.locator('details.cite', { has: page.locator('summary', { hasText: 'Cite this document' }) });
    await cite.locator('summary').click();
    await expect(cite.locator('pre').first()).toHaveText(/\. https?:\/\/\S+\/reports\/gloucestershire-2022-04-01-inspection\/$/);
    // Its text was made from Ofsted's PDF: the archive's copy of that PDF first, then Ofsted's own address for it.
    await expect(page.getByRole('link', { name: 'The original PDF, as Ofsted published it (the archive’s copy)' })).toHaveAttribute('href', '/sources/originals/gloucestershire-2022-04-01-inspection.pdf');
    await expect(page.getByRole('link', { name: 'The original on Ofsted’s website' })).toHaveAttribute('href', 'https://files.ofsted.gov.uk/v1/file/50180552');
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({ '@type': 'Report', spatialCoverage: { name: 'Gloucestershire' }, temporalCoverage: '2022-02-07/2022-02-18' });
    expect(jsonLd.isBasedOn.contentUrl).toMatch(/\/sources\/gloucestershire-2022-04-01-inspection\.txt$/);
  });
});
