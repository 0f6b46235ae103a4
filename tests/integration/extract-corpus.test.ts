/**
 * The extractor on real Ofsted PDFs, against the hand-checked ground truth in tests/fixtures/corpus. The PDFs
 * live outside the repository (../shared/corpus/ofsted-pdf beside the project); without them these tests skip.
 * A spread of layouts is extracted by default; OFSTED_CORPUS_ALL=1 extracts all 58.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import { extractPdfs } from '../../src/lib/extract/pool.ts';
import type { PdfExtraction } from '../../src/lib/extract/pool.ts';
import { CORPUS_DIR, groundTruth, SKIP_WITHOUT_CORPUS } from '../fixtures/corpus/truth.ts';

const truth = groundTruth;
const corpus = CORPUS_DIR;
const SKIP = SKIP_WITHOUT_CORPUS;

/** Both frameworks, every table layout: 2014 grades split around the area, LSCB-combined SIF, late SIF, ILACS 2018–2025. */
const SPREAD = [
  'barnsley/2014-08-08-children-services-inspection.pdf',
  'east-sussex/2014-03-21-children-services-inspection.pdf',
  'newham/2014-08-08-children-services-inspection.pdf',
  'oxfordshire/2014-06-30-children-services-inspection.pdf',
  'st-helens/2015-01-20-children-services-inspection.pdf',
  'shropshire/2017-11-24-children-services-inspection.pdf',
  'darlington/2018-05-21-children-services-inspection.pdf',
  'brighton-and-hove/2018-08-21-children-services-inspection.pdf',
  'oxfordshire/2018-05-22-children-services-inspection.pdf',
  'south-gloucestershire/2019-05-08-children-services-inspection.pdf',
  'leicestershire/2019-11-04-children-services-inspection.pdf',
  'camden/2022-06-21-children-services-inspection.pdf',
  'swindon/2023-09-11-children-services-inspection.pdf',
  'kensington-and-chelsea/2025-01-13-children-services-inspection.pdf',
  'harrow/2025-03-04-children-services-inspection.pdf',
];

const squash = (text: string) => text.replace(/[ \t\f\n]+/g, ' ').trim();
/** A table line with its whitespace normalised and its row number ("2.1", "3.") taken off. */
const tableRow = (line: string) =>
  line
    .split('\t')
    .map((cell) => squash(cell))
    .join('\t')
    .replace(/^\d+(?:\.\d+)*\.?\s+/, '');

describe('ground truth for the Ofsted PDF corpus', () => {
  test('lists each report once, with grades from the vocabulary', () => {
    const paths = truth.reports.map((r) => r.path);
    assert.equal(paths.length, 58);
    assert.equal(new Set(paths).size, paths.length);
    for (const report of truth.reports) {
      const statements = [report.overallEffectiveness, ...report.judgements, ...(report.lscb ? [report.lscb] : [])];
      for (const { grade } of statements) assert.ok(truth.grades.includes(grade), `${report.path}: ${grade}`);
      assert.ok(['SIF', 'ILACS', 'other'].includes(report.kind), report.path);
    }
  });

  test('matches the corpus folder file for file', { skip: SKIP }, async () => {
    const authorities = await readdir(corpus);
    const onDisk = (await Promise.all(authorities.map(async (a) => (await readdir(`${corpus}${a}`)).map((f) => `${a}/${f}`)))).flat();
    assert.deepEqual(onDisk.sort(), truth.reports.map((r) => r.path).sort());
  });
});

describe('extracting real Ofsted PDFs', { skip: SKIP }, () => {
  const chosen = process.env.OFSTED_CORPUS_ALL ? truth.reports : truth.reports.filter((r) => SPREAD.includes(r.path));
  let results: PdfExtraction[] = [];
  before(async () => {
    results = await extractPdfs(chosen.map((r) => `${corpus}${r.path}`));
  });

  for (const [i, report] of chosen.entries()) {
    test(`${report.path}: every judgement is an area<TAB>grade line`, () => {
      const result = results[i]!;
      if (!report.isPdf) {
        assert.ok(!result.ok, 'a file that is not a PDF must fail with a SourceError');
        return;
      }
      assert.ok(result.ok, result.ok ? '' : result.error.message);
      const rows = new Set(result.result.text.split('\n').filter((line) => line.includes('\t')).map(tableRow));
      const expected = report.judgements.map((j) => `${j.area}\t${j.gradeAsPrinted ?? j.grade}`);
      if (report.kind === 'ILACS') expected.push(`Overall effectiveness\t${report.overallEffectiveness.grade}`);
      for (const row of expected) assert.ok(rows.has(row), `missing row ${JSON.stringify(row)}`);
    });

    if (report.kind === 'SIF') {
      test(`${report.path}: the overall and LSCB statements read as printed`, () => {
        const result = results[i]!;
        assert.ok(result.ok);
        const text = squash(result.result.text);
        for (const statement of [report.overallEffectiveness, report.lscb]) {
          if (statement?.asPrinted) assert.ok(text.includes(statement.asPrinted), `missing ${JSON.stringify(statement.asPrinted)}`);
        }
      });
    }
  }
});
