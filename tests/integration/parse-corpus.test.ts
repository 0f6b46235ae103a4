/**
 * The parser on real Ofsted PDFs: all 58 in ../shared/corpus/ofsted-pdf (beside the project) are extracted once,
 * with the pool, and parsed, and each record is checked against the hand-checked ground truth in
 * tests/fixtures/corpus/judgements.json. Then the three documents the archive also holds as text sources are
 * parsed by both routes, which must agree on every fact a reader would cite.
 *
 * The PDFs never enter the repository; without them every test here skips, saying why.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { extractPdfs } from '../../src/lib/extract/pool.ts';
import { parseSource } from '../../src/lib/parse/index.ts';
import { SourceError } from '../../src/lib/source-error.ts';
import { reportSchema, type JudgementAreaKey, type ReportRecord } from '../../src/schemas/report.ts';
import { parseTextSource } from '../helpers/sources.ts';
import { sha256Of } from '../../src/lib/sha256.ts';
import { CORPUS_DIR, groundTruth, SKIP_WITHOUT_CORPUS, type TruthReport } from '../fixtures/corpus/truth.ts';

type Report = TruthReport;

const CORPUS = CORPUS_DIR;
const SKIP = SKIP_WITHOUT_CORPUS;

const truth = groundTruth.reports;

/**
 * The judgement areas of the ground truth, keyed here by hand rather than by the parser's own classifier, so a
 * wrong key in the parser cannot agree with itself.
 */
const AREA_KEYS: Record<string, JudgementAreaKey> = {
  'Children who need help and protection': 'help-and-protection',
  'Children looked after and achieving permanence': 'in-care',
  'Adoption performance': 'adoption',
  'Experiences and progress of care leavers': 'care-leavers',
  'Leadership, management and governance': 'leadership',
  'The impact of leaders on social work practice with children and families': 'leadership',
  'The experiences and progress of children who need help and protection': 'help-and-protection',
  'The experiences and progress of children in care and care leavers': 'in-care',
  'The experiences and progress of children in care': 'in-care',
  'The experiences and progress of care leavers': 'care-leavers',
};

/** What the record must grade: each table row, the overall judgement and, for a combined SIF report, the LSCB. */
function expectedGrades(report: Report): Record<string, string> {
  const grades: Record<string, string> = { 'overall-effectiveness': report.overallEffectiveness.grade };
  for (const { area, grade } of report.judgements) {
    const key = AREA_KEYS[area];
    assert.ok(key, `the test has no key for the ground truth's area "${area}"`);
    grades[key] = grade;
  }
  if (report.lscb) grades.lscb = report.lscb.grade;
  return grades;
}

/** The file date is the publication date: a maintainer passes it as the sidecar's `published`. */
const publishedOf = (path: string) => /(\d{4}-\d{2}-\d{2})-[^/]*$/.exec(path)![1];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

/** A record, or the SourceError that says why the file gives none; anything else thrown is a bug and fails loudly. */
type Outcome = { record: ReportRecord } | { error: SourceError };

function parseOutcome(parse: () => ReportRecord): Outcome {
  try {
    return { record: parse() };
  } catch (error) {
    if (error instanceof SourceError) return { error };
    throw error;
  }
}

function recordOf(outcome: Outcome | undefined, file: string): ReportRecord {
  assert.ok(outcome, `${file} was not extracted`);
  if ('error' in outcome) {
    assert.equal(basename(outcome.error.file ?? ''), basename(file), 'a SourceError must name the file it is about');
    assert.fail(`${file}: ${outcome.error.message}`);
  }
  return outcome.record;
}

/**
 * The recommendations a combined SIF report makes to the local authority, and those its review of the LSCB makes:
 * the board's part of the report starts at its first section about the board.
 */
function recommendationsByPart(record: ReportRecord): { authority: number; lscb: number } {
  const boardStart = record.sections.findIndex((s) => /safeguarding children board|\bLSCB\b/i.test(s.title));
  const sectionIndex = new Map(record.sections.map((s, k) => [s.id, k]));
  const inBoardPart = (section: string | null) =>
    boardStart >= 0 && section !== null && (sectionIndex.get(section) ?? -1) >= boardStart;
  const lscb = record.recommendations.filter((r) => inBoardPart(r.section)).length;
  return { authority: record.recommendations.length - lscb, lscb };
}

describe('parsing real Ofsted PDFs', () => {
  const outcomes = new Map<string, Outcome>();
  before(async () => {
    if (SKIP) return;
    // One extraction pass, shared by every test below.
    const extracted = await extractPdfs(truth.map((r) => join(CORPUS, r.path)));
    truth.forEach((report, i) => {
      const result = extracted[i]!;
      if (!result.ok) {
        outcomes.set(report.path, { error: result.error });
        return;
      }
      const file = basename(report.path);
      const bytes = readFileSync(join(CORPUS, report.path));
      const sidecar = { published: publishedOf(report.path) };
      outcomes.set(
        report.path,
        parseOutcome(() => parseSource({ text: result.result.text, file, format: 'pdf', sha256: sha256Of(bytes), sidecar })),
      );
    });
  });

  for (const report of truth) {
    test(`${report.path}: a valid record with the report's grades, recommendations and paragraphs`, { skip: SKIP }, () => {
      const outcome = outcomes.get(report.path);
      if (!report.isPdf) {
        assert.ok(outcome && 'error' in outcome, 'a file that is not a PDF must fail with a SourceError');
        return;
      }
      const record = recordOf(outcome, report.path);
      reportSchema.parse(record);
      assert.equal(record.published, publishedOf(report.path));
      if (report.kind === 'other') return;

      assert.equal(record.documentType, 'inspection');
      assert.equal(record.framework, report.kind);
      const keys = record.judgements.map((j) => j.areaKey);
      assert.deepEqual(keys, [...new Set(keys)], 'an area is graded twice');
      assert.deepEqual(
        Object.fromEntries(record.judgements.map((j) => [j.areaKey, j.grade])),
        expectedGrades(report),
        'judgements (area → grade)',
      );
      assert.equal(record.overallEffectiveness, report.overallEffectiveness.grade, 'overall effectiveness');

      assert.deepEqual(
        recommendationsByPart(record),
        { authority: report.recommendations, lscb: report.lscb?.recommendations ?? 0 },
        'recommendations to the local authority and to the LSCB',
      );

      // SIF reports number their recommendations in the paragraph sequence; together the numbers run without a gap.
      const numbered = record.paragraphs.filter((p) => p.number !== null).map((p) => p.number!);
      assert.equal(new Set(numbered).size, numbered.length, 'a paragraph number is used twice');
      const sequence = report.kind === 'SIF' ? [...numbered, ...record.recommendations.map((r) => r.number)] : numbered;
      const numbers = [...new Set(sequence)].sort((a, b) => a - b);
      assert.equal(numbers.at(-1), report.paragraphs!.last, 'last paragraph number');
      assert.deepEqual(numbers, range(report.paragraphs!.first, report.paragraphs!.last), 'paragraph numbers');
    });
  }

  /** Seeds in content/sources that are the same documents as corpus PDFs. */
  const PAIRS = [
    ['gloucestershire-2022-04-01-inspection.txt', 'gloucestershire/2022-04-01-children-services-inspection.pdf'],
    ['south-gloucestershire-2017-02-13-inspection.txt', 'south-gloucestershire/2017-02-13-children-services-inspection.pdf'],
    ['south-gloucestershire-2019-05-08-inspection.txt', 'south-gloucestershire/2019-05-08-children-services-inspection.pdf'],
  ];

  /** What a reader cites from a report, which must not depend on the route the text came by. */
  const citedFacts = (record: ReportRecord) => ({
    paragraphs: record.paragraphs.map((p) => p.label).filter((label) => /^\d/.test(label)),
    recommendations: record.recommendations.map((r) => r.number),
    judgements: record.judgements.map((j) => [j.areaKey, j.grade]),
    overallEffectiveness: record.overallEffectiveness,
    inspectionStart: record.inspectionStart,
    inspectionEnd: record.inspectionEnd,
    leadInspector: record.leadInspector,
    inspectors: record.inspectors,
  });

  for (const [seed, pdf] of PAIRS) {
    test(`${seed} and ${pdf}: the same facts by both routes`, { skip: SKIP }, () => {
      const fromText = parseTextSource(seed);
      const fromPdf = recordOf(outcomes.get(pdf), pdf);
      assert.deepEqual(citedFacts(fromPdf), citedFacts(fromText));
    });
  }
});
