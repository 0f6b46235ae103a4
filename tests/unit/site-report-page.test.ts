/**
 * The report page as src/lib/site/report-page.ts shapes it, and the names and citations of its paragraphs
 * (src/lib/site/cite.ts) and the "go to paragraph" rules (src/lib/site/paragraph-lookup.ts): what a reader sees
 * beside each paragraph, what a pasted citation says, and where a typed number lands.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReportRecord } from '../../src/schemas/report.ts';
import { citePassage, nameOfLabel, paragraphNames, paragraphRangeLabel, passageName, recommendationName, spokenName } from '../../src/lib/site/cite.ts';
import { contentsOf, reportPage, reportTitle, type ReportPart } from '../../src/lib/site/report-page.ts';
import { anchorForParagraph, missingAnchorMessage } from '../../src/lib/site/paragraph-lookup.ts';
import { countOf, formatCount } from '../../src/lib/site/format.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

const SITE = new URL('https://archive.council-data.uk/');

/** A council report that prints "6.0" twice (as Gloucestershire's 2022 report does), with an unnumbered opening. */
function councilReport(): ReportRecord {
  const record = syntheticRecord({
    authority: 'Exampleshire',
    published: '2022-06-22',
    documentType: 'council-report',
    sections: ['background', 'next-steps'],
    paragraphs: [
      { text: 'An opening the report leaves unnumbered.', number: null, section: 'intro' },
      { text: 'Five.', number: 5, section: 'background' },
      { text: 'The first six.', number: 6, section: 'background' },
      { text: 'The second six.', number: 6, section: 'background' },
      { text: 'Seven.', number: 7, section: 'next-steps' },
    ],
    recommendations: [{ text: 'Recruit more social workers.', section: 'next-steps' }, { text: 'Review placements.', section: null }],
  });
  // The parser gives a repeated number its own anchor and keeps the printed label.
  const paragraphs = record.paragraphs.map((p, i) =>
    i === 3 ? { ...p, id: 'para-6-2', label: '6.0' } : i === 2 ? { ...p, label: '6.0' } : p,
  );
  return { ...record, title: 'Children’s services improvement: report to cabinet', paragraphs };
}

test('a paragraph number printed twice gets two labels and two citations a reader can tell apart', () => {
  const report = councilReport();
  const names = paragraphNames(report.paragraphs);
  assert.deepEqual(names.get('para-6'), { label: '¶ 6.0', name: 'paragraph 6.0', bareLabel: '6.0' });
  assert.deepEqual(names.get('para-6-2'), { label: '¶ 6.0 (2nd)', name: 'paragraph 6.0 (the second so numbered)', bareLabel: '6.0 (2nd)' });
  assert.deepEqual(names.get('ap-1'), { label: 'A1', name: 'archive paragraph A1', bareLabel: null });
  const first = citePassage(report, 'para-6', SITE);
  const second = citePassage(report, 'para-6-2', SITE);
  assert.notEqual(first.plain, second.plain);
  assert.match(second.plain, /, paragraph 6\.0 \(the second so numbered\)\. https:\/\/archive\.council-data\.uk\/reports\/[^ ]+\/#para-6-2$/);
});

test('a label read back gives the name it was built with, so search results speak what report pages speak', () => {
  const report = councilReport();
  const names = [...paragraphNames(report.paragraphs).values(), ...report.recommendations.map(recommendationName)];
  for (const name of names) assert.deepEqual(nameOfLabel(name.label), name);
  assert.equal(spokenName(nameOfLabel('¶ 6.0 (2nd)')), 'Paragraph 6.0 (the second so numbered)');
  assert.equal(spokenName(nameOfLabel('¶ 41')), 'Paragraph 41');
  assert.equal(spokenName(nameOfLabel('A2')), 'Archive paragraph A2');
  assert.equal(spokenName(nameOfLabel('Recommendation 3')), 'Recommendation 3');
  assert.throws(() => nameOfLabel('41'), /"41" is not a paragraph or recommendation label/);
});

test('a recommendation is labelled as one wherever its number shows, never a bare number beside "¶ 3"', () => {
  const report = councilReport();
  assert.deepEqual(passageName(report, 'rec-1'), { label: 'Recommendation 1', name: 'recommendation 1', bareLabel: null });
  assert.match(citePassage(report, 'rec-2', SITE).plain, /, recommendation 2\. https:\/\/archive\.council-data\.uk\/.*#rec-2$/);
  assert.throws(() => passageName(report, 'para-99'), /has no paragraph or recommendation #para-99/);
});

test('a run of paragraphs is labelled from its first and last names: "¶" once, the last as the report numbers it', () => {
  const names = [...paragraphNames(councilReport().paragraphs).values()];
  const [archive, five, six, sixAgain] = names;
  assert.equal(paragraphRangeLabel([five, six, sixAgain]), '¶ 5–6.0 (2nd)');
  assert.equal(paragraphRangeLabel([archive, six]), '¶ 6.0', 'an archive paragraph ("A1") is no end of a range');
  assert.equal(paragraphRangeLabel([sixAgain]), '¶ 6.0 (2nd)');
  assert.equal(paragraphRangeLabel([archive]), null);
  assert.equal(paragraphRangeLabel([]), null);
});

test('the page title names the council, even when the report’s own title does not', () => {
  const report = councilReport();
  assert.equal(reportTitle(report), 'Exampleshire: Children’s services improvement: report to cabinet (22 June 2022)');
  const named = { ...report, title: 'Inspection of Exampleshire local authority children’s services' };
  assert.equal(reportTitle(named), 'Inspection of Exampleshire local authority children’s services (22 June 2022)');
});

test('the report page groups paragraphs and recommendations under their sections, with each section’s paragraph range', () => {
  const page = reportPage(councilReport(), SITE);
  assert.deepEqual(page.leading.map((p) => p.name.label), ['A1']);
  assert.deepEqual(page.unplacedRecommendations.map((r) => r.name.label), ['Recommendation 2']);
  assert.deepEqual(
    page.parts.map((part) => [part.section.id, part.range, part.recommendations.map((r) => r.name.label), part.paragraphs.map((p) => p.name.label)]),
    [
      ['background', '¶ 5–6.0 (2nd)', [], ['¶ 5', '¶ 6.0', '¶ 6.0 (2nd)']],
      ['next-steps', '¶ 7', ['Recommendation 1'], ['¶ 7']],
    ],
  );
  assert.equal(page.recommendationsHeading, 'Recommendations');
});

test('the contents list each judgement’s own parts under it, so a run of "Summary" headings says whose summary each is', () => {
  const part = (id: string, level: number): ReportPart => ({ section: { id, title: id, level, grade: null }, recommendations: [], paragraphs: [], range: null });
  const entries = contentsOf([part('opening', 3), part('help-and-protection', 2), part('summary', 3), part('findings', 3), part('leadership', 2), part('summary-2', 3)]);
  assert.deepEqual(
    entries.map(({ part, subparts }) => [part.section.id, subparts.map((sub) => sub.section.id)]),
    [
      ['opening', []],
      ['help-and-protection', ['summary', 'findings']],
      ['leadership', ['summary-2']],
    ],
  );
  // A report whose headings are all level 2 lists them all at the top, as before.
  assert.deepEqual(reportPage(councilReport(), SITE).contents.map((entry) => entry.subparts.length), [0, 0]);
});

test('every absolute URL of the report page starts with the configured address', () => {
  const page = reportPage(councilReport(), SITE);
  const urls = JSON.stringify([page.jsonLd, page.citation, page.parts]).match(/https?:\/\/[^\s"\\)]+/g) ?? [];
  const ours = urls.filter((u) => !/schema\.org|nationalarchives\.gov\.uk/.test(u));
  assert.ok(ours.length >= 6, `expected the page, source, record and paragraph URLs, got ${ours.join(', ')}`);
  for (const url of ours) assert.ok(url.startsWith(SITE.href), url);
});

test('the headline grade is shown once: areas that all share it are listed, not graded again', () => {
  const base = councilReport();
  const grade = 'Requires improvement to be good' as const;
  const judged = (grades: string[]) => ({
    ...base,
    overallEffectiveness: grade,
    judgements: [
      { area: 'Overall effectiveness', areaKey: 'overall-effectiveness' as const, grade },
      ...grades.map((g, i) => ({ area: `Area ${i + 1}`, areaKey: (['help-and-protection', 'in-care', 'leadership'] as const)[i]!, grade: g as typeof grade })),
    ],
  });
  const same = reportPage(judged([grade, grade, grade]), SITE);
  assert.equal(same.overall, grade);
  assert.equal(same.areasMatchOverall, true);
  assert.deepEqual(same.areaJudgements.map((j) => j.area), ['Area 1', 'Area 2', 'Area 3']);
  const mixed = reportPage(judged([grade, 'Good', grade]), SITE);
  assert.equal(mixed.areasMatchOverall, false);
});

test('"go to paragraph" finds what a reader types: a number, "¶ 29", "6.0", "A1", "rec 2"', () => {
  const names = [...paragraphNames(councilReport().paragraphs)].map(([anchor, n]) => ({ anchor, name: n.name }));
  names.push({ anchor: 'rec-2', name: 'recommendation 2' });
  const cases: Array<[string, string | null]> = [
    ['5', 'para-5'],
    ['¶ 5', 'para-5'],
    ['paragraph 7', 'para-7'],
    ['6', 'para-6'],
    ['6.0', 'para-6'],
    ['a1', 'ap-1'],
    ['A 1', 'ap-1'],
    ['rec 2', 'rec-2'],
    ['Recommendation 2', 'rec-2'],
    ['R2', 'rec-2'],
    ['999', null],
    ['', null],
    ['rec 9', null],
  ];
  for (const [typed, anchor] of cases) assert.equal(anchorForParagraph(typed, names), anchor, typed);
});

test('a link to a paragraph the report does not have is explained; other fragments are left alone', () => {
  assert.match(missingAnchorMessage('para-999')!, /^This report has no paragraph 999:/);
  assert.match(missingAnchorMessage('rec-12')!, /no recommendation 12/);
  assert.match(missingAnchorMessage('ap-40')!, /no paragraph A40/);
  assert.equal(missingAnchorMessage('footnotes'), null);
  assert.equal(missingAnchorMessage('para-x'), null);
});

test('counts agree with their nouns', () => {
  assert.equal(countOf(1, 'recommendation'), '1 recommendation');
  assert.equal(countOf(0, 'paragraph'), '0 paragraphs');
  assert.equal(countOf(1204, 'paragraph'), '1,204 paragraphs');
});

test('counts are written as en-GB writes them, without the browser’s locale data', () => {
  for (const n of [0, 7, 999, 1000, 4965, 12345, 100000, 1234567]) assert.equal(formatCount(n), n.toLocaleString('en-GB'), String(n));
});
