import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Grade, JudgementAreaKey, ReportRecord } from '../../src/schemas/report.ts';
import { chronological, inspectionPairs, judgementHistory, summariseAuthorities, themesAtoZ, COMPARED_INSPECTIONS } from '../../src/lib/site/shape.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

function inspection(authority: string, published: string, grades: Partial<Record<JudgementAreaKey, Grade>>, framework: 'SIF' | 'ILACS'): ReportRecord {
  const record = syntheticRecord({ authority, published, framework, paragraphs: ['Text.'] });
  const judgements = Object.entries(grades).map(([areaKey, grade]) => ({ area: areaKey, areaKey: areaKey as JudgementAreaKey, grade: grade! }));
  return { ...record, judgements, overallEffectiveness: grades['overall-effectiveness'] ?? null };
}

const sif2017 = inspection('Exampleshire', '2017-02-13', { 'overall-effectiveness': 'Inadequate', 'in-care': 'Requires improvement', adoption: 'Good' }, 'SIF');
const ilacs2019 = inspection('Exampleshire', '2019-05-08', { 'overall-effectiveness': 'Requires improvement to be good', 'in-care': 'Requires improvement to be good' }, 'ILACS');
const ilacs2024 = inspection('Exampleshire', '2024-07-23', { 'overall-effectiveness': 'Good', 'in-care': 'Good', 'care-leavers': 'Good' }, 'ILACS');
const letter = { ...syntheticRecord({ authority: 'Exampleshire', published: '2018-01-10', documentType: 'monitoring-visit', paragraphs: ['A letter.'] }) };

test('an authority summary orders documents in time and reads the direction of travel from the last two overall grades', () => {
  const [summary] = summariseAuthorities([ilacs2024, letter, sif2017, ilacs2019]);
  assert.deepEqual(summary!.documents.map((d) => d.published), ['2017-02-13', '2018-01-10', '2019-05-08', '2024-07-23']);
  assert.deepEqual(summary!.inspections.map((d) => d.published), ['2017-02-13', '2019-05-08', '2024-07-23']);
  assert.equal(summary!.latestOverall?.grade, 'Good');
  assert.deepEqual(summary!.direction, { from: 'Requires improvement to be good', direction: 'improved' });
});

test('the judgement history lines areas up across frameworks and marks each change against the last grade given', () => {
  const rows = judgementHistory(chronological([ilacs2024, sif2017, ilacs2019]));
  const inCare = rows.find((r) => r.key === 'in-care')!;
  assert.deepEqual(inCare.cells.map((c) => c && [c.grade, c.change]), [
    ['Requires improvement', null],
    ['Requires improvement to be good', 'same'],
    ['Good', 'improved'],
  ]);
  const adoption = rows.find((r) => r.key === 'adoption')!;
  assert.deepEqual(adoption.cells.map((c) => c?.grade ?? null), ['Good', null, null]);
  assert.equal(rows.some((r) => r.key === 'lscb'), false, 'areas no inspection graded get no row');
});

test('comparison pages pair every two of the latest inspections only, older first', () => {
  assert.deepEqual(inspectionPairs([sif2017, ilacs2019, ilacs2024]).map(([a, b]) => [a.published, b.published]), [
    ['2017-02-13', '2019-05-08'],
    ['2017-02-13', '2024-07-23'],
    ['2019-05-08', '2024-07-23'],
  ]);
  const many = Array.from({ length: COMPARED_INSPECTIONS + 4 }, (_, i) => inspection('Exampleshire', `${2000 + i}-01-01`, { 'overall-effectiveness': 'Good' }, 'ILACS'));
  const pairs = inspectionPairs(many);
  assert.equal(pairs.length, (COMPARED_INSPECTIONS * (COMPARED_INSPECTIONS - 1)) / 2);
  assert.equal(pairs[0]![0].published, `${2000 + 4}-01-01`);
});

test('an ILACS inspection before 2023 shows its children in care grade on the care leavers row, marked as graded with it', () => {
  const withArea = (record: ReportRecord, key: JudgementAreaKey, area: string) => ({
    ...record,
    judgements: record.judgements.map((j) => (j.areaKey === key ? { ...j, area } : j)),
  });
  const ilacs2019Worded = withArea(ilacs2019, 'in-care', 'The experiences and progress of children in care and care leavers');
  const rows = judgementHistory(chronological([ilacs2024, ilacs2019Worded]));
  const careLeavers = rows.find((r) => r.key === 'care-leavers')!;
  assert.deepEqual(careLeavers.cells.map((c) => c && [c.grade, c.gradedWith, c.change]), [
    ['Requires improvement to be good', 'children in care', null],
    ['Good', null, 'improved'],
  ]);
  // A SIF "children looked after" grade says nothing about care leavers; and a history with no care leavers' grade of
  // its own has no care leavers row at all (it would only repeat the children in care row).
  const sifOnly = judgementHistory([sif2017]);
  assert.equal(sifOnly.some((r) => r.key === 'care-leavers'), false);
  assert.equal(judgementHistory([ilacs2019Worded]).some((r) => r.key === 'care-leavers'), false);
});

test('themes are listed A to Z whatever the taxonomy order, with their counts', () => {
  const taxonomy = [
    { slug: 'neglect', title: 'Neglect' },
    { slug: 'adoption', title: 'adoption and permanence' },
    { slug: 'care-leavers', title: 'Care leavers' },
  ];
  const tagged = { ...ilacs2024, recommendations: [{ id: 'rec-1', number: 1, text: 'x', section: null, themes: ['neglect'] }] };
  const listed = themesAtoZ(taxonomy, [tagged]);
  assert.deepEqual(listed.map((t) => [t.theme.slug, t.recommendations]), [['adoption', 0], ['care-leavers', 0], ['neglect', 1]]);
});
