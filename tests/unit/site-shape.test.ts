import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Grade, JudgementAreaKey, ReportRecord } from '../../src/schemas/report.ts';
import { chronological, inspectionPairs, judgementHistory, summariseAuthorities, COMPARED_INSPECTIONS } from '../../src/lib/site/shape.ts';
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
