/** A theme's page as shaped for it (src/lib/site/theme-page.ts): what is listed, how each is named, where "more" goes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { THEME_ENTRIES_SHOWN, themePage } from '../../src/lib/site/theme-page.ts';
import type { ReportRecord } from '../../src/schemas/report.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

const theme = { slug: 'missing', title: 'Missing children', description: 'd', terms: ['go missing'] };
const tagged = (record: ReportRecord): ReportRecord => ({
  ...record,
  recommendations: record.recommendations.map((r) => ({ ...r, themes: ['missing'] })),
  paragraphs: record.paragraphs.map((p, i) => ({ ...p, themes: i === 0 ? ['missing'] : [] })),
});

test('each recommendation and finding links to its own page or paragraph, named by its document, newest first', () => {
  const older = tagged(syntheticRecord({ authority: 'Northshire', published: '2016-03-01', recommendations: ['Improve return home interviews.'], paragraphs: ['Children who go missing are not always seen.', 'Untagged.'] }));
  const newer = tagged(syntheticRecord({ authority: 'Southshire', published: '2019-05-08', documentType: 'monitoring-visit', paragraphs: ['Return home interviews are now timely.'] }));
  const page = themePage([older, newer], theme);
  assert.deepEqual(page.recommendations.shown, [
    { href: '/reports/northshire-2016-03-01-inspection/recommendations/1/', name: 'Northshire, inspection, 1 March 2016: Recommendation 1', text: 'Improve return home interviews.' },
  ]);
  assert.deepEqual(page.findings.shown.map((f) => [f.href, f.name]), [
    ['/reports/southshire-2019-05-08-monitoring-visit/#para-1', 'Southshire, monitoring visit, 8 May 2019: ¶ 1'],
    ['/reports/northshire-2016-03-01-inspection/#para-1', 'Northshire, inspection, 1 March 2016: ¶ 1'],
  ]);
  assert.equal(page.searchUrl, '/search/?q=Missing%20children&theme=Missing%20children');
});

test('a theme page lists at most the newest 60 of each, and says how many there are in all', () => {
  const many = Array.from({ length: THEME_ENTRIES_SHOWN + 5 }, (_, i) =>
    tagged(syntheticRecord({ authority: `Place ${i}`, published: `20${String(10 + (i % 15)).padStart(2, '0')}-01-0${1 + (i % 9)}`, paragraphs: ['Children go missing.'] })),
  );
  const page = themePage(many, theme);
  assert.equal(page.findings.total, THEME_ENTRIES_SHOWN + 5);
  assert.equal(page.findings.shown.length, THEME_ENTRIES_SHOWN);
  assert.equal(page.recommendations.total, 0);
});
