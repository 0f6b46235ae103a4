import { test } from 'node:test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { reportSchema, type ReportRecord } from '../../src/schemas/report.ts';
import { COLUMNS, datasetRowCount, datasetRows, datasetRowsByDocument, documentRows, judgementRows, recommendationRows } from '../../src/lib/exports/rows.ts';
import { csvWriter, jsonWriter, recordParts, reportJson, reportJsonBytes, toCsv, toJson, writeBatches } from '../../src/lib/exports/serialise.ts';
import { authorityFeed, documentsFeed, FEED_ENTRIES, themeFeed } from '../../src/lib/exports/feeds.ts';
import { DATA_CHANGES, dataCatalogue, urlPatterns } from '../../src/lib/exports/catalogue.ts';
import { datasetSample, feedSample, recordSample } from '../../src/lib/exports/samples.ts';
import { summariseAuthorities } from '../../src/lib/site/shape.ts';
import { absoluteUrl, DATASETS, datasetUrl } from '../../src/lib/exports/urls.ts';
import { writeDataExports } from '../../src/lib/exports/write.ts';
import type { ReportSource } from '../../src/lib/ingest/report-loader.ts';
import { heldReports } from '../helpers/report-sources.ts';

const SITE = new URL('https://archive.test');

/** A small valid record; only what a test sets matters. */
function record(overrides: Partial<ReportRecord> & Pick<ReportRecord, 'slug' | 'published'>): ReportRecord {
  return reportSchema.parse({
    title: 'Inspection of Testshire local authority children’s services',
    authority: 'Testshire',
    authoritySlug: 'testshire',
    documentType: 'inspection',
    framework: 'ILACS',
    inspectionStart: null,
    inspectionEnd: null,
    leadInspector: null,
    inspectors: [],
    judgements: [],
    overallEffectiveness: null,
    recommendations: [],
    sections: [],
    paragraphs: [{ id: 'para-1', number: 1, label: '1', section: 'findings', text: 'Children are seen.', recommendationMarker: false, footnoteRefs: [], themes: [], supports: [] }],
    footnotes: [],
    themes: [],
    links: [],
    source: { file: `${overrides.slug}.txt`, format: 'text', sha256: 'a'.repeat(64), publisher: 'Ofsted', licence: 'Open Government Licence v3.0', url: null, original: null },
    ...overrides,
  });
}

const older = record({
  slug: 'testshire-2019-05-08-inspection',
  published: '2019-05-08',
  inspectionStart: '2019-03-04',
  inspectionEnd: '2019-03-15',
  leadInspector: 'Ann Example',
  inspectors: ['Ann Example', 'Bo Sample'],
  overallEffectiveness: 'Inadequate',
  judgements: [
    { area: 'The impact of leaders on social work practice with children and families', areaKey: 'leadership', grade: 'Inadequate' },
    { area: 'Overall effectiveness', areaKey: 'overall-effectiveness', grade: 'Inadequate' },
  ],
  recommendations: [
    { id: 'rec-1', number: 1, text: 'Pathway plans, "co-produced", with young people.', section: null, themes: ['pathway-plans', 'voice-direct-work'] },
    { id: 'rec-2', number: 2, text: 'Supervision,\nrecorded.', section: null, themes: [] },
  ],
  paragraphs: [
    { id: 'para-1', number: 1, label: '1', section: 'findings', text: 'Pathway plans are weak.\nSome are out of date.', recommendationMarker: false, footnoteRefs: [], themes: ['pathway-plans'], supports: [1] },
    { id: 'ap-1', number: null, label: 'A1', section: 'findings', text: 'An unnumbered note.', recommendationMarker: false, footnoteRefs: [], themes: [], supports: [] },
  ],
  themes: ['pathway-plans', 'voice-direct-work'],
  source: { file: 'testshire-2019.txt', format: 'text', sha256: 'b'.repeat(64), publisher: 'Ofsted', licence: 'Open Government Licence v3.0', url: 'https://files.example.org/1', original: null },
});
const newer = record({
  slug: 'testshire-2022-04-01-inspection',
  published: '2022-04-01',
  overallEffectiveness: 'Good',
  judgements: [{ area: 'Overall effectiveness', areaKey: 'overall-effectiveness', grade: 'Good' }],
  recommendations: [{ id: 'rec-1', number: 1, text: 'Keep pathway plans up to date & <reviewed>.', section: null, themes: ['pathway-plans'] }],
});
const letter = record({
  slug: 'otherton-2020-01-10-monitoring-visit',
  published: '2020-01-10',
  authority: 'Otherton',
  authoritySlug: 'otherton',
  documentType: 'monitoring-visit',
  framework: null,
  title: 'Monitoring visit to Otherton',
});
// Deliberately out of order: every export sorts by publication date.
const archive = [newer, letter, older];

test('documents: one row per document, oldest first, columns in the published order', () => {
  const rows = documentRows(archive, SITE);
  assert.deepEqual(rows.map((r) => r.slug), [older.slug, letter.slug, newer.slug]);
  assert.deepEqual(Object.keys(rows[0]!), COLUMNS.documents.map((c) => c.name));
  assert.deepEqual(rows[0], {
    slug: 'testshire-2019-05-08-inspection',
    title: older.title,
    authority: 'Testshire',
    authority_slug: 'testshire',
    document_type: 'inspection',
    framework: 'ILACS',
    published: '2019-05-08',
    inspection_start: '2019-03-04',
    inspection_end: '2019-03-15',
    lead_inspector: 'Ann Example',
    inspectors: ['Ann Example', 'Bo Sample'],
    overall_effectiveness: 'Inadequate',
    judgement_count: 2,
    recommendation_count: 2,
    paragraph_count: 2,
    themes: ['pathway-plans', 'voice-direct-work'],
    publisher: 'Ofsted',
    licence: 'Open Government Licence v3.0',
    original_url: 'https://files.example.org/1',
    source_url: 'https://archive.test/sources/testshire-2019.txt',
    source_sha256: 'b'.repeat(64),
    url: 'https://archive.test/reports/testshire-2019-05-08-inspection/',
    json_url: 'https://archive.test/reports/testshire-2019-05-08-inspection.json',
    original_copy_url: null,
    ofsted_page_url: null,
  });
});

test('judgements: one row per graded judgement; documents that grade nothing give none', () => {
  const rows = judgementRows(archive, SITE);
  assert.equal(rows.length, 3);
  assert.deepEqual(Object.keys(rows[0]!), COLUMNS.judgements.map((c) => c.name));
  assert.deepEqual(rows.map((r) => [r.document, r.area_key, r.grade]), [
    [older.slug, 'leadership', 'Inadequate'],
    [older.slug, 'overall-effectiveness', 'Inadequate'],
    [newer.slug, 'overall-effectiveness', 'Good'],
  ]);
  assert.equal(rows[2]!.url, 'https://archive.test/reports/testshire-2022-04-01-inspection/');
});

test('recommendations: one row per recommendation, with its anchor and its own page', () => {
  const rows = recommendationRows(archive, SITE);
  assert.equal(rows.length, 3);
  assert.deepEqual(Object.keys(rows[0]!), COLUMNS.recommendations.map((c) => c.name));
  assert.deepEqual(rows[1], {
    authority: 'Testshire',
    authority_slug: 'testshire',
    document: older.slug,
    document_title: older.title,
    published: '2019-05-08',
    number: 2,
    text: 'Supervision,\nrecorded.',
    themes: [],
    url: 'https://archive.test/reports/testshire-2019-05-08-inspection/#rec-2',
    page_url: 'https://archive.test/reports/testshire-2019-05-08-inspection/recommendations/2/',
  });
});

test('every column is documented, and no name is used twice in a table', () => {
  for (const dataset of DATASETS) {
    const names = COLUMNS[dataset].map((c) => c.name);
    assert.equal(new Set(names).size, names.length, dataset);
    for (const c of COLUMNS[dataset]) assert.match(c.name, /^[a-z][a-z0-9_]*$/, `${dataset}.${c.name}`);
    for (const c of COLUMNS[dataset]) assert.ok(c.description.length > 10, `${dataset}.${c.name} needs a description`);
  }
});

test('CSV is RFC 4180: header, CRLF, quoted commas, quotes and line breaks, lists joined with ";", null empty', () => {
  const csv = toCsv(recommendationRows([older], SITE), COLUMNS.recommendations);
  const lines = csv.split('\r\n');
  assert.equal(lines[0], 'authority,authority_slug,document,document_title,published,number,text,themes,url,page_url');
  assert.ok(csv.endsWith('\r\n'));
  assert.ok(csv.includes(',1,"Pathway plans, ""co-produced"", with young people.",pathway-plans;voice-direct-work,'));
  assert.ok(csv.includes(',2,"Supervision,\nrecorded.",,https://'), 'a field with a line break is quoted; an empty list is an empty field');
  const documents = toCsv(documentRows([newer], SITE), COLUMNS.documents);
  assert.ok(documents.includes(',2022-04-01,,,,,Good,'), 'nulls are empty fields');
  assert.ok(!documents.startsWith('\ufeff'), 'no byte-order mark');
});

test('a CSV with no rows still has its header', () => {
  assert.equal(toCsv(judgementRows([letter], SITE), COLUMNS.judgements), `${COLUMNS.judgements.map((c) => c.name).join(',')}\r\n`);
});

test('JSON keeps the column order, whatever order a row was built in, and nulls and lists as JSON', () => {
  const [row] = judgementRows([newer], SITE);
  const shuffled = Object.fromEntries(Object.entries(row!).reverse()) as typeof row;
  const json = toJson([shuffled!], COLUMNS.judgements);
  assert.deepEqual(Object.keys(JSON.parse(json)[0]), COLUMNS.judgements.map((c) => c.name));
  assert.ok(json.endsWith('\n'));
  const [doc] = JSON.parse(toJson(documentRows([letter], SITE), COLUMNS.documents));
  assert.equal(doc.framework, null);
  assert.deepEqual(doc.inspectors, []);
});

test('a report record is published whole, keys in schema order', () => {
  const parsed = JSON.parse(reportJson(older));
  assert.deepEqual(parsed, older);
  assert.deepEqual(Object.keys(parsed), Object.keys(reportSchema.shape));
});

test("a record's JSON size is its UTF-8 bytes, whether or not its JSON was made first", () => {
  const accented = record({ slug: 'testshire-2021-01-01-inspection', published: '2021-01-01', title: 'Inspection of Testshire children’s services — café “quotes”' });
  const bytes = new TextEncoder().encode(reportJson(accented)).length;
  assert.equal(reportJsonBytes(accented), bytes);
  assert.equal(reportJsonBytes({ ...accented }), bytes, 'a record whose JSON was not made yet');
  assert.ok(bytes > reportJson(accented).length, 'the title has characters of more than one byte');
});

test('the same archive always gives byte-identical exports and feeds', () => {
  const build = () => [
    ...DATASETS.map((d) => datasetSample(d, archive, SITE).csv),
    documentsFeed(archive, SITE),
    themeFeed({ slug: 'pathway-plans', title: 'Pathway plans', description: 'Plans.' }, archive, SITE),
  ];
  assert.deepEqual(build(), build());
  assert.deepEqual(build(), (() => {
    const reversed = [...archive].reverse();
    return [...DATASETS.map((d) => datasetSample(d, reversed, SITE).csv), documentsFeed(reversed, SITE), themeFeed({ slug: 'pathway-plans', title: 'Pathway plans', description: 'Plans.' }, reversed, SITE)];
  })(), 'input order does not matter');
});

/** The text of every <tag>…</tag> in an XML string, in order. */
const all = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);

test('documents feed: newest first, permanent ids, dates from the documents, not the clock', () => {
  const xml = documentsFeed(archive, SITE);
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'));
  const ids = all(xml, 'id');
  assert.deepEqual(ids, [
    'https://archive.test/feeds/documents.xml',
    'https://archive.test/reports/testshire-2022-04-01-inspection/',
    'https://archive.test/reports/otherton-2020-01-10-monitoring-visit/',
    'https://archive.test/reports/testshire-2019-05-08-inspection/',
  ]);
  assert.deepEqual(all(xml, 'updated'), ['2022-04-01T00:00:00.000Z', '2022-04-01T00:00:00.000Z', '2020-01-10T00:00:00.000Z', '2019-05-08T00:00:00.000Z']);
  assert.ok(xml.includes('<link rel="self" href="https://archive.test/feeds/documents.xml"/>'));
  assert.ok(xml.includes('<link rel="alternate" href="https://archive.test/"/>'));
  assert.ok(!xml.includes('<generator'), 'no generator line to drift between package versions');
});

test('feed text is escaped HTML, so report text can never break the XML or inject markup', () => {
  const xml = documentsFeed([newer], SITE);
  assert.ok(xml.includes('Keep pathway plans up to date &amp; &lt;reviewed&gt;.'));
  const hostile = record({ slug: 'x-2020-01-01-inspection', published: '2020-01-01', title: 'A ]]> B <script>' });
  const feed = documentsFeed([hostile], SITE);
  assert.equal(feed.split(']]>').length - 1, feed.split('<![CDATA[').length - 1, 'only the CDATA sections close');
  assert.ok(!feed.includes('<script>'));
});

test('authority feed: only that authority, linked to its page', () => {
  const [otherton, testshire] = summariseAuthorities(archive);
  const xml = authorityFeed(testshire!, SITE);
  assert.equal(all(xml, 'entry').length, 2);
  assert.ok(xml.includes('<link rel="alternate" href="https://archive.test/authorities/testshire/"/>'));
  assert.equal(all(authorityFeed(otherton!, SITE), 'entry').length, 1);
});

test('theme feed: recommendations, then findings, per document, newest document first; capped', () => {
  const xml = themeFeed({ slug: 'pathway-plans', title: 'Pathway plans', description: 'Plans.' }, archive, SITE);
  assert.deepEqual(all(xml, 'id').slice(1), [
    'https://archive.test/reports/testshire-2022-04-01-inspection/recommendations/1/',
    'https://archive.test/reports/testshire-2019-05-08-inspection/recommendations/1/',
    'https://archive.test/reports/testshire-2019-05-08-inspection/#para-1',
  ]);
  assert.ok(xml.includes('<p>Pathway plans are weak.</p><p>Some are out of date.</p>'));
  const many = record({
    slug: 'big-2021-01-01-inspection',
    published: '2021-01-01',
    paragraphs: Array.from({ length: FEED_ENTRIES + 5 }, (_, i) => ({ id: `para-${i + 1}`, number: i + 1, label: String(i + 1), section: 's', text: 'Plans.', recommendationMarker: false, footnoteRefs: [], themes: ['pathway-plans'], supports: [] })),
  });
  assert.equal(all(themeFeed({ slug: 'pathway-plans', title: 'P', description: 'P.' }, [many], SITE), 'entry').length, FEED_ENTRIES);
});

test('a theme nothing is tagged with still has a valid feed, dated by the newest document', () => {
  const xml = themeFeed({ slug: 'neglect', title: 'Neglect', description: 'Neglect.' }, archive, SITE);
  assert.equal(all(xml, 'entry').length, 0);
  assert.deepEqual(all(xml, 'updated'), ['2022-04-01T00:00:00.000Z']);
});

test('URL patterns carry real examples from the archive', () => {
  const patterns = urlPatterns(archive, 'pathway-plans');
  const example = (pattern: string) => patterns.find((p) => p.pattern === pattern)?.example;
  assert.equal(example('/reports/{slug}/#para-{n}'), '/reports/testshire-2022-04-01-inspection/#para-1');
  assert.equal(example('/reports/{slug}/recommendations/{n}/'), '/reports/testshire-2022-04-01-inspection/recommendations/1/');
  assert.equal(example('/authorities/{authority}/compare/{older}/{newer}/'), '/authorities/testshire/compare/testshire-2019-05-08-inspection/testshire-2022-04-01-inspection/');
  assert.equal(example('/themes/{theme}/'), '/themes/pathway-plans/');
  assert.equal(urlPatterns([letter], undefined).find((p) => p.pattern.includes('compare'))?.example, null);
  const councilReport = record({ ...newer, slug: 'testshire-2023-01-01-council-report', published: '2023-01-01', documentType: 'council-report' });
  assert.equal(urlPatterns([...archive, councilReport], undefined)[0]!.example, '/reports/testshire-2022-04-01-inspection/', 'an inspection is the example');
});

test('schema.json lists every export with every column, and keeps placeholders readable', () => {
  const catalogue = dataCatalogue(archive, 'pathway-plans', SITE);
  assert.deepEqual(catalogue.datasets.map((d) => [d.name, d.csv, d.columns.length]), DATASETS.map((d) => [d, `https://archive.test/data/${d}.csv`, COLUMNS[d].length]));
  assert.equal(catalogue.record.url, 'https://archive.test/reports/{slug}.json');
  assert.ok(catalogue.feeds.some((f) => f.url === 'https://archive.test/feeds/authorities/{authority}.xml'));
  assert.ok(catalogue.urls.every((u) => !u.pattern.includes('%7B')));
});

test('samples are the real files’ first rows, and the record keeps every field', () => {
  const { csv, json } = datasetSample('recommendations', archive, SITE);
  const whole = toCsv(recommendationRows(archive, SITE), COLUMNS.recommendations);
  assert.ok(whole.startsWith(csv));
  assert.deepEqual(JSON.parse(json), JSON.parse(toJson(recommendationRows(archive, SITE), COLUMNS.recommendations)).slice(0, 1));
  const many = record({ slug: 'm-2021-01-01-inspection', published: '2021-01-01', paragraphs: older.paragraphs.concat(older.paragraphs.map((p) => ({ ...p, id: `${p.id}-2` }))) });
  const cut = JSON.parse(recordSample(many));
  assert.deepEqual(Object.keys(cut), Object.keys(many));
  assert.equal(cut.paragraphs.length, 2);
  assert.equal(all(feedSample(archive, SITE), 'entry').length, 1);
});

test('an export written document by document is byte for byte the export written whole', () => {
  for (const dataset of DATASETS) {
    const batches = [...datasetRowsByDocument(dataset, archive, SITE)];
    const rows = datasetRows(dataset, archive, SITE);
    assert.deepEqual(batches.flat(), rows);
    assert.equal(datasetRowCount(dataset, archive, SITE), rows.length);
    // Empty batches (a document with no rows of this kind) anywhere change nothing.
    const withGaps = [[], ...batches.flatMap((batch) => [batch, []])];
    const csv = writeBatches(csvWriter(COLUMNS[dataset]), withGaps);
    const json = writeBatches(jsonWriter(COLUMNS[dataset]), withGaps);
    assert.equal(csv, toCsv(rows, COLUMNS[dataset]));
    assert.equal(json, `${JSON.stringify(JSON.parse(toJson(rows, COLUMNS[dataset])), null, 2)}\n`);
  }
  // Text with line breaks, quotes and commas, split across batches.
  const rows = recommendationRows([older, newer, letter], SITE).map((row, i) => ({ ...row, text: `Line "${i}",\nnext line` }));
  const split = [rows.slice(0, 1), rows.slice(1)];
  assert.equal(writeBatches(csvWriter(COLUMNS.recommendations), split), toCsv(rows, COLUMNS.recommendations));
  assert.equal(writeBatches(jsonWriter(COLUMNS.recommendations), split), `${JSON.stringify(rows.map((row) => Object.fromEntries(COLUMNS.recommendations.map(({ name }) => [name, row[name]]))), null, 2)}\n`);
  // No rows at all: the CSV header alone, and an empty JSON array.
  assert.equal(writeBatches(csvWriter(COLUMNS.judgements), []), `${COLUMNS.judgements.map((c) => c.name).join(',')}\r\n`);
  assert.equal(writeBatches(jsonWriter(COLUMNS.judgements), []), '[]\n');
});

test('a record cut for reading: the head holds every field but the lists of objects, each given by length and first item', () => {
  const { head, lists } = recordParts(older);
  const lengths = Object.fromEntries(lists.map((l) => [l.field, l.count]));
  const rebuilt = { ...JSON.parse(head), ...Object.fromEntries(lists.map((l) => [l.field, [JSON.parse(l.first)]])) };
  assert.deepEqual(Object.keys(rebuilt).sort(), Object.keys(older).sort());
  for (const [field, value] of Object.entries(older)) {
    if (field in lengths) assert.deepEqual([(value as unknown[]).length, rebuilt[field][0]], [lengths[field], (value as unknown[])[0]], field);
    else assert.deepEqual(rebuilt[field], value, field);
  }
  assert.deepEqual(lists.map((l) => [l.field, l.count]), [['judgements', 2], ['recommendations', 2], ['paragraphs', 2]]);
  assert.deepEqual(JSON.parse(head).footnotes, [], 'an empty list stays in the head');
});

test('published column names change only with a note in DATA_CHANGES', () => {
  // The columns as each version published them. To rename or remove a column: add a DATA_CHANGES entry with a new
  // version saying what changed, then add that version's columns here. Adding a column also needs a note.
  const PUBLISHED: Record<number, Record<string, string[]>> = {
    1: {
      documents: ['slug', 'title', 'authority', 'authority_slug', 'document_type', 'framework', 'published', 'inspection_start', 'inspection_end', 'lead_inspector', 'inspectors', 'overall_effectiveness', 'judgement_count', 'recommendation_count', 'paragraph_count', 'themes', 'publisher', 'licence', 'original_url', 'source_url', 'source_sha256', 'url', 'json_url'],
      judgements: ['authority', 'authority_slug', 'document', 'document_title', 'document_type', 'framework', 'published', 'area', 'area_key', 'grade', 'url'],
      recommendations: ['authority', 'authority_slug', 'document', 'document_title', 'published', 'number', 'text', 'themes', 'url', 'page_url'],
    },
    2: {
      documents: ['slug', 'title', 'authority', 'authority_slug', 'document_type', 'framework', 'published', 'inspection_start', 'inspection_end', 'lead_inspector', 'inspectors', 'overall_effectiveness', 'judgement_count', 'recommendation_count', 'paragraph_count', 'themes', 'publisher', 'licence', 'original_url', 'source_url', 'source_sha256', 'url', 'json_url', 'original_copy_url', 'ofsted_page_url'],
      judgements: ['authority', 'authority_slug', 'document', 'document_title', 'document_type', 'framework', 'published', 'area', 'area_key', 'grade', 'url'],
      recommendations: ['authority', 'authority_slug', 'document', 'document_title', 'published', 'number', 'text', 'themes', 'url', 'page_url'],
    },
  };
  PUBLISHED[3] = {
    ...PUBLISHED[2],
    verdicts: ['authority', 'authority_slug', 'document', 'published', 'number', 'recommendation', 'themes', 'later_document', 'later_document_type', 'later_published', 'verdict', 'sentence', 'paragraph_url', 'page_url'],
  };
  const version = DATA_CHANGES.at(-1)!.version;
  assert.deepEqual(Object.fromEntries(DATASETS.map((d) => [d, COLUMNS[d].map((c) => c.name)])), PUBLISHED[version]);
});

test('absolute URLs in the exports are the addresses `new URL` resolves, for plain paths and odd ones alike', () => {
  const sites = ['https://archive.test', 'https://Archive.Test:443/sub/dir/', 'http://127.0.0.1:4332/', 'https://example.org/archive', 'file:///tmp/site/'];
  const paths = [
    '/', '/reports/testshire-2019-05-08-inspection/', '/reports/testshire-2019-05-08-inspection/#para-16', '/reports/x.json',
    '/reports/x/recommendations/3/', '/sources/2016-07-05-sif.pdf', '/a/./b/', '/a/../b/', '/.hidden', '//other.host/x',
    '/café/', '/a b/', '/a/?q=1', '/a/#frag ment', '', 'relative/path', '/a//b',
  ];
  for (const site of sites) for (const path of paths) assert.equal(absoluteUrl(path, new URL(site)), new URL(path, new URL(site)).href, `${path} on ${site}`);
});

test('the build writes every export to disk, byte for byte as the rows serialise, reading one record at a time', async () => {
  const site = mkdtempSync(join(tmpdir(), 'data-exports-'));
  try {
    // Each record is read once, oldest first, whatever order the files come in; a later document's slug, type and date
    // come from its source, before the record itself is read.
    const tracked = record({
      ...older,
      links: [{ number: 1, evidence: [], followUps: [], trail: 'Improved by 2022.', verdicts: [{ report: newer.slug, verdict: 'improved', paragraphId: 'para-1', sentence: 'Children are seen.' }] }],
    });
    const archive = [newer, letter, tracked];
    const reads: string[] = [];
    const sources: ReportSource[] = heldReports(archive).map((source) => ({ ...source, load: () => (reads.push(source.slug), source.load()) }));
    const files = await writeDataExports(sources, site, SITE);
    assert.deepEqual(reads, [older.slug, letter.slug, newer.slug]);
    assert.equal(files.length, DATASETS.length * 2);
    for (const dataset of DATASETS) {
      const rows = datasetRows(dataset, archive, SITE);
      assert.equal(readFileSync(join(site, datasetUrl(dataset, 'csv')), 'utf8'), toCsv(rows, COLUMNS[dataset]));
      assert.equal(readFileSync(join(site, datasetUrl(dataset, 'json')), 'utf8'), toJson(rows, COLUMNS[dataset]));
    }
    const [verdict] = JSON.parse(readFileSync(join(site, datasetUrl('verdicts', 'json')), 'utf8'));
    assert.deepEqual([verdict.document, verdict.later_document, verdict.later_document_type, verdict.later_published, verdict.verdict], [older.slug, newer.slug, 'inspection', '2022-04-01', 'improved']);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});

test('an export that cannot be written fails the build naming the file and the problem, and leaves the published exports as they were', async () => {
  const site = mkdtempSync(join(tmpdir(), 'data-exports-'));
  try {
    await writeDataExports(heldReports(archive), site, SITE);
    const before = readFileSync(join(site, datasetUrl('verdicts', 'json')), 'utf8');
    const broken = heldReports(archive).map((source) =>
      source.slug === newer.slug ? { ...source, load: () => { throw new Error(`content/reports/${newer.slug}.mdx: not a valid report record`); } } : source,
    );
    await assert.rejects(writeDataExports(broken, site, SITE), (error: Error) => error.message.startsWith('Data exports: not written') && error.message.includes(`${newer.slug}.mdx: not a valid report record`));
    assert.equal(readFileSync(join(site, datasetUrl('verdicts', 'json')), 'utf8'), before);
    assert.deepEqual(readdirSync(join(site, 'data')).filter((name) => name.endsWith('.partial')), []);
    // A folder where an export's file should be: the error names that file.
    rmSync(site, { recursive: true, force: true });
    writeFileSync(site, 'not a folder');
    await assert.rejects(writeDataExports(heldReports(archive), site, SITE), (error: Error) => error.message.startsWith('Data exports: not written') && /ENOTDIR|EEXIST/.test(error.message) && error.message.includes(site));
    assert.ok(existsSync(site));
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});
