import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Grade, JudgementAreaKey, ReportRecord } from '../../src/schemas/report.ts';
import { judgementHistory, summariseAuthorities } from '../../src/lib/site/shape.ts';
import { GRADE_BANDS, gradeBand, gradesByYear, latestGradeRows, movementCounts, movementRows, nationalPicture, neighbourComparison } from '../../src/lib/site/national.ts';
import { gradesByYearChart, movementChart, timelineChart, TIMELINE_LABEL_CHARS, wrapWords } from '../../src/lib/site/charts.ts';
import { nationalRows, NATIONAL_COLUMNS } from '../../src/lib/exports/national.ts';
import { parseLocalAuthorities } from '../../src/lib/site/local-authorities.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

function inspection(authority: string, published: string, grades: Partial<Record<JudgementAreaKey, Grade>>, framework: 'SIF' | 'ILACS'): ReportRecord {
  const record = syntheticRecord({ authority, published, framework, paragraphs: ['Text.'] });
  const judgements = Object.entries(grades).map(([areaKey, grade]) => ({ area: areaKey, areaKey: areaKey as JudgementAreaKey, grade: grade! }));
  return { ...record, inspectionEnd: null, judgements, overallEffectiveness: grades['overall-effectiveness'] ?? null };
}

const reports = [
  inspection('Exampleshire', '2016-03-01', { 'overall-effectiveness': 'Inadequate', adoption: 'Good' }, 'SIF'),
  inspection('Exampleshire', '2019-05-08', { 'overall-effectiveness': 'Requires improvement to be good', 'in-care': 'Good' }, 'ILACS'),
  inspection('Otherton', '2016-07-01', { 'overall-effectiveness': 'Good' }, 'SIF'),
  inspection('Otherton', '2019-02-01', { 'overall-effectiveness': 'Good' }, 'ILACS'),
  inspection('Thirdborough', '2019-11-01', { 'overall-effectiveness': 'Outstanding' }, 'ILACS'),
  { ...syntheticRecord({ authority: 'Thirdborough', published: '2020-01-10', documentType: 'monitoring-visit', paragraphs: ['A letter.'] }) },
];
const authorities = summariseAuthorities(reports);
const reference = parseLocalAuthorities(
  [
    'name,ofsted_urn,la_code,ons_code,region,la_type,population_0_25,statistical_neighbours',
    'Exampleshire,80001,901,E10000001,South West,County,100000,902',
    'Otherton,80002,902,E06000001,North East,Unitary Authority,50000,901',
  ].join('\n'),
);

test('grades by year count every inspection with an overall grade, in four bands, best first within a year', () => {
  const years = gradesByYear(reports);
  assert.deepEqual(years.map((y) => [y.year, y.counts, y.total]), [
    [2016, [0, 1, 0, 1], 2],
    [2019, [1, 1, 1, 0], 3],
  ]);
  assert.deepEqual(years[1]!.inspections.map((i) => i.authority), ['Thirdborough', 'Otherton', 'Exampleshire']);
  assert.equal(gradeBand('Adequate').label, 'Requires improvement');
  assert.equal(gradeBand('Requires improvement to be good'), gradeBand('Requires improvement'));
});

test('the grades-by-year chart draws exactly the table’s figures: a mark per inspection in its band, the year’s total', () => {
  const years = gradesByYear(reports);
  const chart = gradesByYearChart(years);
  chart.rows.forEach((row, at) => {
    const table = years[at]!;
    assert.equal(row.year, table.year);
    assert.equal(row.total, table.total);
    assert.deepEqual(GRADE_BANDS.map((band) => row.marks.filter((m) => m.band === band).length), table.counts);
    assert.ok(row.marks.every((m, i) => i === 0 || m.x > row.marks[i - 1]!.x), 'marks stand side by side, left to right');
    assert.ok(row.totalX > row.marks.at(-1)!.x, 'the count follows the marks');
  });
  assert.match(chart.rows[0]!.marks[0]!.title, /^Otherton, inspected 2016: Good$/);
});

test('movement counts and their chart agree with the authorities’ own direction of travel', () => {
  const rows = movementRows(authorities);
  assert.deepEqual(rows.map((r) => [r.authority, r.from, r.to, r.direction]), [
    ['Exampleshire', 'Inadequate', 'Requires improvement to be good', 'improved'],
    ['Otherton', 'Good', 'Good', 'same'],
  ]);
  const counts = movementCounts(rows);
  assert.deepEqual(counts.map((c) => [c.label, c.count]), [['Improved', 1], ['Same grade', 1], ['Declined', 0]]);
  const chart = movementChart(counts);
  assert.deepEqual(chart.bars.map((b) => [b.label, b.count]), counts.map((c) => [c.label, c.count]));
  assert.equal(chart.bars[0]!.width, chart.bars[1]!.width, 'equal counts, equal bars');
  assert.equal(chart.bars[2]!.width, 0);
});

test('an authority’s timeline has a mark for each graded cell of its judgement table, in the same row and column', () => {
  const exampleshire = authorities.find((a) => a.name === 'Exampleshire')!;
  const rows = judgementHistory(exampleshire.inspections);
  const chart = timelineChart(exampleshire.inspections, rows);
  assert.deepEqual(chart.columns.map((c) => [c.year, c.framework]), [['2016', 'SIF'], ['2019', 'ILACS']]);
  rows.forEach((row, at) => {
    const marks = chart.rows[at]!.marks;
    const graded = row.cells.flatMap((cell, column) => (cell ? [[column, gradeBand(cell.grade).label]] : []));
    assert.deepEqual(marks.map((m) => [chart.columns.findIndex((c) => c.x === m.x), m.band.label]), graded, row.name);
  });
});

test('an authority’s timeline wraps a long area name onto lines that fit a phone, each row below the one before', () => {
  assert.deepEqual(wrapWords('Impact of leaders (leadership, management and governance)', TIMELINE_LABEL_CHARS), ['Impact of leaders (leadership,', 'management and governance)']);
  assert.deepEqual(wrapWords('Care leavers', TIMELINE_LABEL_CHARS), ['Care leavers']);
  const exampleshire = authorities.find((a) => a.name === 'Exampleshire')!;
  const rows = judgementHistory(exampleshire.inspections).map((row, at) => (at === 0 ? { ...row, name: 'Impact of leaders (leadership, management and governance)' } : row));
  const chart = timelineChart(exampleshire.inspections, rows);
  let bottom = 25;
  for (const row of chart.rows) {
    assert.equal(row.labelLines.map((line) => line.text).join(' '), row.name);
    for (const line of row.labelLines) {
      assert.ok(line.text.length <= TIMELINE_LABEL_CHARS, line.text);
      assert.ok(line.y > bottom, `${row.name}: "${line.text}" is below what comes before it`);
      bottom = line.y;
    }
    for (const mark of row.marks) assert.ok(mark.y - 10 > bottom, `${row.name}: its marks are below its name`);
    bottom = Math.max(bottom, ...row.marks.map((mark) => mark.y + 10));
  }
  assert.equal(chart.rows[0]!.labelLines.length, 2);
  assert.ok(chart.height >= bottom);
});

test('the latest grade of each authority carries region and type from the reference data, and the export the same', () => {
  const latest = latestGradeRows(authorities, reference);
  assert.deepEqual(latest.map((r) => [r.authority, r.grade, r.region, r.type, r.year]), [
    ['Exampleshire', 'Requires improvement to be good', 'South West', 'County', 2019],
    ['Otherton', 'Good', 'North East', 'Unitary Authority', 2019],
    ['Thirdborough', 'Outstanding', null, null, 2019],
  ]);
  const exported = nationalRows(authorities, reference, new URL('https://archive.example/'));
  assert.deepEqual(Object.keys(exported[0]!), NATIONAL_COLUMNS.map((c) => c.name));
  assert.deepEqual(exported.map((r) => [r.authority, r.latest_overall, r.previous_overall, r.direction]), [
    ['Exampleshire', 'Requires improvement to be good', 'Inadequate', 'improved'],
    ['Otherton', 'Good', 'Good', 'same'],
    ['Thirdborough', 'Outstanding', null, null],
  ]);
  assert.equal(exported[0]!.latest_report_url, `https://archive.example/reports/${latest[0]!.reportSlug}/`);
});

test('an authority beside its statistical neighbours: each graded neighbour better, the same or worse by band', () => {
  const neighbours = [
    { name: 'Otherton', href: '/authorities/otherton/', latest: { grade: 'Good' as const } },
    { name: 'Farshire', href: null, latest: null },
    { name: 'Nearby', href: '/authorities/nearby/', latest: { grade: 'Requires improvement' as const } },
    { name: 'Ungraded', href: '/authorities/ungraded/', latest: null },
    { name: 'Lowtown', href: '/authorities/lowtown/', latest: { grade: 'Inadequate' as const } },
  ];
  const comparison = neighbourComparison('Exampleshire', { grade: 'Requires improvement to be good' }, neighbours)!;
  assert.deepEqual(comparison.neighbours.map((n) => [n.name, n.compared]), [['Otherton', 'better'], ['Nearby', 'same'], ['Lowtown', 'worse']]);
  assert.deepEqual(comparison.counts, { better: 1, same: 1, worse: 1 });
  assert.equal(comparison.summary, '1 graded better, 1 graded the same, 1 graded worse');
  const twoWorse = neighbourComparison('Exampleshire', { grade: 'Outstanding' }, neighbours);
  assert.equal(twoWorse?.summary, '3 graded worse', 'only the kinds there are, in words');
  assert.equal(neighbourComparison('Exampleshire', null, neighbours), null, 'no grade of its own: nothing to compare');
  assert.equal(neighbourComparison('Exampleshire', { grade: 'Good' }, [neighbours[1]!, neighbours[3]!]), null, 'no graded neighbour');
});

test('the national page: its filters offer the regions and types of the authorities listed, each move is named in words', () => {
  const picture = nationalPicture(reports, authorities, reference);
  assert.deepEqual(picture.latest.map((row) => row.authority), ['Exampleshire', 'Otherton', 'Thirdborough']);
  assert.deepEqual(picture.regions, ['North East', 'South West'], 'Thirdborough, unknown to the reference data, adds no empty region');
  assert.deepEqual(picture.types, ['County', 'Unitary Authority']);
  assert.equal(picture.graded, 5, 'every inspection with an overall grade, as the by-year table counts them');
  assert.deepEqual(picture.moved.map((m) => [m.authority, m.directionName]), [['Exampleshire', '↑ Improved'], ['Otherton', '= Same grade']]);
});
