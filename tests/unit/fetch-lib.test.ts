/**
 * The pure parts of `npm run fetch` (src/lib/fetch/): reading Ofsted's pages, classifying the listing's words,
 * planning what is new, Retry-After, --authority names, and the closing table.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveAuthorities } from '../../src/lib/fetch/authorities.ts';
import { parseLocalAuthorities } from '../../src/lib/site/local-authorities.ts';
import { retryAfterMs, retryDelayMs } from '../../src/lib/fetch/http.ts';
import { planFetch, sidecarFor } from '../../src/lib/fetch/plan.ts';
import { classifyKind, downloadUrl, listingUrl, parseListing, parseProviderPage, SiteStructureError } from '../../src/lib/fetch/site.ts';
import { progressReporter, summaryTable } from '../../src/lib/fetch/summary.ts';

const BASE = 'https://reports.ofsted.gov.uk';

test('the listing address asks for local authority children\'s services, a page at a time', () => {
  const url = new URL(listingUrl(BASE, 200));
  assert.equal(url.searchParams.get('level_1_types'), '3');
  assert.equal(url.searchParams.get('level_2_types[]'), '12');
  assert.equal(url.searchParams.get('start'), '200');
  assert.equal(url.searchParams.get('rows'), '100');
});

test('a listing page gives each provider once, its URN from the last segment of the link', () => {
  const html = `<a href="/">Home</a>
    <a class="x" href='/provider/44/80486'>Barking &amp; Dagenham</a>
    <A HREF="https://reports.ofsted.gov.uk/provider/44/80441/">Bristol, City of</A>
    <a href="/provider/44/80486">Barking and Dagenham again</a>
    <!-- <a href="/provider/44/99999">commented out</a> -->
    <a href="/provider/44/not-a-urn">Broken</a>`;
  assert.deepEqual(parseListing(html, `${BASE}/search?start=0`), [
    { urn: '80486', name: 'Barking & Dagenham', url: `${BASE}/provider/44/80486` },
    { urn: '80441', name: 'Bristol, City of', url: `${BASE}/provider/44/80441/` },
  ]);
  assert.deepEqual(parseListing('<p>No results</p>', BASE), []);
});

test("a provider page's publications: kind and date from the hidden text, the file's address", () => {
  const html = `<ul>
    <li><a class="publication-link" href="https://files.ofsted.gov.uk/v1/file/50170467" target="_blank">
      <span class="nonvisual">Children&#39;s services inspection - 19 November 2021, pdf</span>
      <span aria-hidden="true">Children's services inspection</span></a></li>
    <li><a href="/v1/file/50100001" class="button publication-link"><span class="icon nonvisual">Focused visit &ndash; 3 March 2020, pdf</span></a></li>
  </ul>`;
  assert.deepEqual(parseProviderPage(html, `${BASE}/provider/44/80426`), [
    { url: 'https://files.ofsted.gov.uk/v1/file/50170467', kind: "Children's services inspection", published: '2021-11-19' },
    { url: `${BASE}/v1/file/50100001`, kind: 'Focused visit', published: '2020-03-03' },
  ]);
});

test('a provider page without publication links, or with link text of another shape, is a changed site', () => {
  assert.throws(() => parseProviderPage('<a href="/v1/file/1">Report</a>', `${BASE}/provider/44/1`), (error: unknown) =>
    error instanceof SiteStructureError && /no publication links \(<a class="publication-link" href="…">\) on https:\/\/reports\.ofsted\.gov\.uk\/provider\/44\/1/.test(error.message));
  assert.throws(
    () => parseProviderPage('<a class="publication-link" href="/f/1"><span class="nonvisual">Report (PDF)</span></a>', BASE),
    /a publication link's text "Report \(PDF\)" does not read "<kind> - <day month year>, pdf"/,
  );
});

test("the listing's words → the archive's document types; other kinds are left out", () => {
  const cases: Array<[string, string | null]> = [
    ["Children's services inspection", 'inspection'],
    ['Children’s services inspection', 'inspection'],
    ['Local authority children’s services inspection', 'inspection'],
    ['Inspection of services for children in need of help and protection, children looked after and care leavers', 'inspection'],
    ['Monitoring visit', 'monitoring-visit'],
    ["Children's services focused visit", 'focused-visit'],
    ['Joint targeted area inspection', 'other'],
    ['Review of the effectiveness of the local safeguarding children board', 'lscb-review'],
    ['Inspection of safeguarding and looked after children services', 'looked-after-children-inspection'],
    ['Area SEND inspection', null],
    ['Annual conversation summary', null],
  ];
  for (const [kind, type] of cases) assert.equal(classifyKind(kind).documentType, type, kind);
  assert.deepEqual(classifyKind('Area SEND inspection'), { documentType: null, known: true });
  assert.deepEqual(classifyKind('Annual conversation summary'), { documentType: null, known: false });
});

test('the plan: held addresses are unchanged, older than --since skipped, a document on two pages fetched once', () => {
  const barnsley = { urn: '80426', name: 'Barnsley', url: `${BASE}/provider/44/80426` };
  const sheffield = { urn: '80556', name: 'Sheffield', url: `${BASE}/provider/44/80556` };
  const file = (id: number) => `https://files.ofsted.gov.uk/v1/file/${id}`;
  const plan = planFetch(
    [
      {
        provider: barnsley,
        publications: [
          { url: file(3), kind: 'Joint targeted area inspection', published: '2023-05-01' },
          { url: file(2), kind: "Children's services inspection", published: '2023-01-01' },
          { url: file(1), kind: 'Focused visit', published: '2020-01-01' },
          { url: file(9), kind: 'Area SEND inspection', published: '2023-02-01' },
        ],
      },
      { provider: sheffield, publications: [{ url: file(3), kind: 'Joint targeted area inspection', published: '2023-05-01' }] },
    ],
    [{ file: 'barnsley-2023-01-01-inspection.pdf', sha256: 'a'.repeat(64), url: file(2) }],
    { since: '2021-01-01' },
  );
  assert.deepEqual(plan.download.map((c) => c.publication.url), [file(3)]);
  assert.deepEqual(plan.unchanged.map((c) => c.file), ['barnsley-2023-01-01-inspection.pdf']);
  assert.equal(plan.tooOld, 1);
  assert.deepEqual([...plan.otherKinds], [['Area SEND inspection', { count: 1, known: true }]]);
  assert.deepEqual(sidecarFor(plan.download[0]!), { published: '2023-05-01', url: file(3), urn: '80426', documentType: 'other' });
});

test('Retry-After in seconds or as a date; otherwise the backoff doubles', () => {
  assert.equal(retryAfterMs('120'), 120_000);
  assert.equal(retryAfterMs('Sun, 06 Dec 2026 02:00:30 GMT', Date.parse('2026-12-06T02:00:00Z')), 30_000);
  assert.equal(retryAfterMs('soon'), null);
  assert.equal(retryAfterMs(null), null);
  assert.deepEqual([1, 2, 3, 4].map((n) => retryDelayMs(n, 2000, null)), [2000, 4000, 8000, 16000]);
  assert.equal(retryDelayMs(3, 2000, 500), 500);
});

test('--authority by URN or by name as people write it; an unknown name suggests the names it resembles', () => {
  const authorities = parseLocalAuthorities(
    'name,ofsted_urn,la_code,ons_code,region,la_type,population_0_25,statistical_neighbours\n' +
      '"Bristol, City of",80441,801,E06000023,South West,Unitary Authority,162114,846\n' +
      'Barnsley,80426,370,E08000016,Yorkshire and the Humber,Metropolitan District,69889,372\n' +
      '"Kingston Upon Hull, City of",80477,810,E06000010,Yorkshire and the Humber,Unitary Authority,87933,333\n',
  );
  assert.deepEqual(resolveAuthorities(['bristol', '80426', 'Kingston upon Hull', 'Hull'], authorities).map((a) => a.urn), ['80441', '80426', '80477', '80477']);
  assert.throws(() => resolveAuthorities(['Barns'], authorities), /^Error: --authority "Barns": no local authority of that name or URN in the reference list \(did you mean "Barnsley"\?\)$/);
  assert.throws(() => resolveAuthorities(['99999'], authorities), /--authority "99999": no local authority of that name or URN/);
});

test('the closing table: a row per new, refused and failed document, the unchanged counted', () => {
  const table = summaryTable([
    { status: 'new', file: 'barnsley-2025-06-01-inspection.pdf', url: 'https://files.ofsted.gov.uk/v1/file/5' },
    { status: 'unchanged', file: 'a.pdf', url: 'u1' },
    { status: 'unchanged', file: 'b.pdf', url: 'u2' },
    { status: 'refused', document: 'Barnsley, focused visit, 2020-01-01', url: 'https://files.ofsted.gov.uk/v1/file/6', reason: 'x.pdf: the PDF is truncated\n  → download it again' },
    { status: 'failed', document: 'Barnsley, monitoring visit, 2019-01-01', url: 'https://files.ofsted.gov.uk/v1/file/7', reason: 'HTTP 404 Not Found' },
  ]);
  const lines = table.split('\n');
  assert.match(lines[0]!, /^\| outcome +\| document +\| detail +\|$/);
  assert.match(table, /^\| new +\| barnsley-2025-06-01-inspection\.pdf +\| https:\/\/files\.ofsted\.gov\.uk\/v1\/file\/5 +\|$/m);
  assert.match(table, /^\| unchanged +\| 2 documents +\| already in the archive +\|$/m);
  assert.match(table, /^\| refused +\| Barnsley, focused visit, 2020-01-01 +\| x\.pdf: the PDF is truncated → download it again \(https:\/\/files\.ofsted\.gov\.uk\/v1\/file\/6\) +\|$/m);
  assert.match(table, /^\| failed +\| Barnsley, monitoring visit, 2019-01-01 +\| HTTP 404 Not Found \(https:\/\/files\.ofsted\.gov\.uk\/v1\/file\/7\) +\|$/m);
  assert.match(table, /1 new, 2 unchanged, 1 refused, 1 failed\.$/);
});

test('progress: one line rewritten in place on a terminal, plain lines in a log', () => {
  const written: string[] = [];
  const stream = (isTTY: boolean) => ({ isTTY, columns: 30, write: (text: string) => written.push(text) }) as unknown as NodeJS.WriteStream;
  const terminal = progressReporter(stream(true));
  terminal.step('[1/3] Barnsley: reading its publications');
  terminal.step('[2/3] Bristol');
  terminal.done();
  assert.deepEqual(written, ['\r\x1b[2K[1/3] Barnsley: reading its …', '\r\x1b[2K[2/3] Bristol', '\r\x1b[2K']);
  written.length = 0;
  const log = progressReporter(stream(false));
  log.step('[1/3] Barnsley: reading its publications');
  log.done();
  assert.deepEqual(written, ['[1/3] Barnsley: reading its publications\n']);
});

test("files are downloaded from --files-url but known by Ofsted's address; links elsewhere are not followed", () => {
  const ofsted = { baseUrl: BASE, filesUrl: 'https://files.ofsted.gov.uk' };
  const mirror = { baseUrl: 'http://127.0.0.1:8080', filesUrl: 'http://127.0.0.1:8080' };
  assert.equal(downloadUrl('https://files.ofsted.gov.uk/v1/file/50170467', ofsted), 'https://files.ofsted.gov.uk/v1/file/50170467');
  assert.equal(downloadUrl('https://files.ofsted.gov.uk/v1/file/50170467', mirror), 'http://127.0.0.1:8080/v1/file/50170467');
  assert.equal(downloadUrl(`${BASE}/documents/5.pdf`, ofsted), `${BASE}/documents/5.pdf`);
  assert.equal(downloadUrl('https://elsewhere.example/report.pdf', ofsted), null);
});
