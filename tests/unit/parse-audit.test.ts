/**
 * The parse audit (src/lib/parse/audit.ts) finds each kind of fault it is for: a record parsed right from a fixture
 * has no finding, and the same record with one fault put in has exactly that finding.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { auditRecord } from '../../src/lib/parse/audit.ts';
import { parseSource } from '../../src/lib/parse/index.ts';
import { sidecarSchema, type ReportRecord } from '../../src/schemas/report.ts';

const DIR = new URL('../fixtures/parse/ilacs-what-needs-to-improve-colon/', import.meta.url);
const text = readFileSync(new URL('input.txt', DIR), 'utf8');
const sidecar = sidecarSchema.parse(JSON.parse(readFileSync(new URL('sidecar.json', DIR), 'utf8')));
const parsed = (): ReportRecord => parseSource({ text, file: 'input.txt', format: 'text', sha256: 'x', sidecar });
const checks = (record: ReportRecord) => auditRecord(record, text).map((finding) => `${finding.check} ${finding.where}`);

test('a record parsed right has no finding', () => {
  assert.deepEqual(checks(parsed()), []);
});

test('each fault put into the record is found, at its anchor', () => {
  const lostRecommendation = parsed();
  lostRecommendation.recommendations.pop();
  assert.deepEqual(checks(lostRecommendation), ['recommendations-count recommendations']);

  const glued = parsed();
  glued.paragraphs[1].text += ' The experiences and progress of care leavers: good';
  assert.deepEqual(checks(glued), [`glued-heading ${glued.paragraphs[1].id}`]);

  const heading = parsed();
  heading.paragraphs[1].text = 'Information about this local authority area';
  assert.deepEqual(checks(heading), [`heading-as-paragraph ${heading.paragraphs[1].id}`]);

  const item = parsed();
  item.paragraphs[1].text = 'Adoption performance: good';
  const midSentence = parsed();
  midSentence.paragraphs[1].text = 'but 39 (of the 78) children live within 10 miles of the boundary';
  assert.deepEqual([...checks(item), ...checks(midSentence)], [`stand-alone-item ${item.paragraphs[1].id}`, `stand-alone-item ${midSentence.paragraphs[1].id}`]);

  const footnote = parsed();
  footnote.paragraphs[1].text = 'Children attend special schools3 out of the area.';
  assert.deepEqual(checks(footnote), [`glued-footnote ${footnote.paragraphs[1].id}`]);

  const team = parsed();
  team.inspectors = [...team.inspectors, 'N/A', 'Acting', 'Sue'];
  assert.deepEqual(checks(team), ['inspector-name inspectors', 'inspector-name inspectors', 'inspector-name inspectors']);

  const invented = parsed();
  invented.judgements.push({ ...invented.judgements[0] });
  const lost = parsed();
  lost.judgements = lost.judgements.filter((judgement) => judgement.areaKey !== 'leadership');
  assert.deepEqual([...checks(invented), ...checks(lost)], ['graded-areas judgements', 'graded-areas judgements']);

  const ungraded = parsed();
  ungraded.overallEffectiveness = null;
  assert.deepEqual(checks(ungraded), ['overall-grade overallEffectiveness']);
});
