/**
 * The five seed documents through the parser, checked against what a reader of each sees in it: its paragraph
 * and recommendation numbers, its grades, its dates and inspectors, the paragraphs a page break split. Every fact
 * here was read off the source text (content/sources/), not off the parser's output.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseSource } from '../../src/lib/parse/index.ts';
import { reportSchema, sidecarSchema, type ReportRecord } from '../../src/schemas/report.ts';

const SOURCES = new URL('../../content/sources/', import.meta.url);

function parseSeed(file: string): ReportRecord {
  const bytes = readFileSync(new URL(file, SOURCES));
  const sidecarFile = new URL(file.replace(/\.txt$/, '.json'), SOURCES);
  const sidecar = sidecarSchema.parse(existsSync(sidecarFile) ? JSON.parse(readFileSync(sidecarFile, 'utf8')) : {});
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return parseSource({ text: bytes.toString('utf8'), file, format: 'text', sha256, sidecar });
}

const ILACS_2022 = parseSeed('gloucestershire-2022-04-01-inspection.txt');
const SIF_2017 = parseSeed('south-gloucestershire-2017-02-13-inspection.txt');
const ILACS_2019 = parseSeed('south-gloucestershire-2019-05-08-inspection.txt');
const CABINET = parseSeed('gloucestershire-2022-06-22-cabinet-report.txt');
const LETTER = parseSeed('gloucestershire-2019-09-30-monitoring-visit.txt');
const ALL = [ILACS_2022, SIF_2017, ILACS_2019, CABINET, LETTER];

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
const numbers = (record: ReportRecord) => record.paragraphs.filter((p) => p.number !== null).map((p) => p.number);
const paragraph = (record: ReportRecord, id: string) => {
  const found = record.paragraphs.find((p) => p.id === id);
  assert.ok(found, `${record.slug} has no paragraph ${id}`);
  return found;
};
const judgements = (record: ReportRecord) => record.judgements.map((j) => [j.areaKey, j.area, j.grade]);

const RI_TO_BE_GOOD = 'Requires improvement to be good';
const ILACS_AREAS = [
  'The impact of leaders on social work practice with children and families',
  'The experiences and progress of children who need help and protection',
  'The experiences and progress of children in care and care leavers',
  'Overall effectiveness',
];
const ILACS_KEYS = ['leadership', 'help-and-protection', 'in-care', 'overall-effectiveness'];

test('every seed record passes the report schema', () => {
  for (const record of ALL) reportSchema.parse(record);
});

test('every seed: anchors unique on the page, unnumbered paragraphs counted A1, A2, … in order', () => {
  for (const record of ALL) {
    const ids = [...record.sections, ...record.paragraphs, ...record.recommendations].map((x) => x.id);
    assert.equal(new Set(ids).size, ids.length, `${record.slug}: duplicate anchor`);
    // The letter's address and salutation were once A1 and A2: its sidecar keeps its later anchors where they were.
    const first = record === LETTER ? 3 : 1;
    const unnumbered = record.paragraphs.filter((p) => p.number === null);
    assert.deepEqual(
      unnumbered.map((p) => [p.id, p.label]),
      unnumbered.map((_, k) => [`ap-${k + first}`, `A${k + first}`]),
    );
  }
});

test('the monitoring letter: its first citable paragraph keeps the anchor it was published with (ap-3), not its address', () => {
  const first = LETTER.paragraphs.find((p) => p.number === null)!;
  assert.equal(first.id, 'ap-3');
  assert.match(first.text, /^This letter summarises the findings of the monitoring visit/);
  assert.ok(!LETTER.paragraphs.some((p) => /^Dear Mr Spencer|^Mr Chris Spencer/.test(p.text)));
});

test('every seed: no Ofsted boilerplate, page numbers or conversion markup left in the text', () => {
  for (const record of ALL) {
    const texts = [...record.paragraphs.map((p) => p.text), ...record.recommendations.map((r) => r.text)];
    for (const text of texts) {
      assert.doesNotMatch(text, /Piccadilly Gate|Crown copyright|regulates and inspects|You may reuse this information/);
      assert.doesNotMatch(text, /^\d+$/, `${record.slug}: a page number kept as a paragraph`);
      assert.doesNotMatch(text, /\*\*|<\/?b>|<\/?p>|<ul|<sup>|\\ensuremath/, `${record.slug}: markup in ${text.slice(0, 60)}`);
    }
    for (const section of record.sections) assert.doesNotMatch(section.title, /\*\*|<sup>|\\ensuremath|^#/);
  }
});

test('every seed: linking fields are left empty for the linking step', () => {
  for (const record of ALL) {
    assert.deepEqual([record.themes, record.links], [[], []]);
    for (const p of record.paragraphs) assert.deepEqual([p.themes, p.supports], [[], []]);
    for (const r of record.recommendations) assert.deepEqual(r.themes, []);
  }
});

test('Gloucestershire 2022 ILACS inspection: facts of the title page', () => {
  const r = ILACS_2022;
  assert.equal(r.slug, 'gloucestershire-2022-04-01-inspection');
  assert.equal(r.title, "Inspection of Gloucestershire local authority children's services");
  assert.equal(r.authority, 'Gloucestershire');
  assert.equal(r.documentType, 'inspection');
  assert.equal(r.framework, 'ILACS');
  assert.deepEqual([r.inspectionStart, r.inspectionEnd], ['2022-02-07', '2022-02-18']);
  assert.equal(r.published, '2022-04-01', 'from the sidecar: the report does not state it');
  assert.equal(r.leadInspector, 'Andrew Waugh');
  assert.deepEqual(r.inspectors, ['Andrew Waugh']);
  assert.deepEqual(judgements(r), ILACS_KEYS.map((key, k) => [key, ILACS_AREAS[k], RI_TO_BE_GOOD]));
  assert.equal(r.overallEffectiveness, RI_TO_BE_GOOD);
  assert.deepEqual(r.source, {
    file: 'gloucestershire-2022-04-01-inspection.txt',
    format: 'text',
    sha256: r.source.sha256,
    publisher: 'Ofsted',
    licence: 'Open Government Licence v3.0',
    url: 'https://files.ofsted.gov.uk/v1/file/50180552',
    // Ofsted's PDF of the same report, which the seed's text was converted from, offered as its original.
    original: { file: 'originals/gloucestershire-2022-04-01-inspection.pdf', sha256: '918c8d5cd2d164e58506fa88c55bc5eb4b69902943a32c1e491f20b17c998490' },
  });
});

test('Gloucestershire 2022 ILACS inspection: paragraphs 1–56, five recommendations, the split paragraphs whole', () => {
  const r = ILACS_2022;
  assert.deepEqual(numbers(r), range(1, 56));
  assert.deepEqual(
    r.paragraphs.filter((p) => p.number === null).map((p) => p.text.slice(0, 40)),
    ["Significant progress has been made in ma", 'The local authority has strengthened its'],
  );
  assert.deepEqual(
    r.recommendations.map((rec) => [rec.id, rec.number, rec.section]),
    range(1, 5).map((n) => [`rec-${n}`, n, 'what-needs-to-improve']),
  );
  assert.equal(r.recommendations[0].text, 'The timeliness and application of consistent thresholds for child protection strategy meetings.');
  assert.equal(r.recommendations[4].text, 'How well IT systems support social workers to do their jobs.');

  // 29 goes on after a blank line as "- children understand…", a list marker the conversion invented.
  const p29 = paragraph(r, 'para-29');
  assert.match(p29.text, /and this helps children understand why they are in care\. For most children/);
  assert.ok(p29.text.endsWith('contain the views of children.'));
  // 16, 36 and 47 go on after a blank line; 42 after a footnote at the foot of the page.
  assert.match(paragraph(r, 'para-16').text, /assessed are appropriate\. There is effective work/);
  const p36 = paragraph(r, 'para-36');
  assert.match(p36.text, /However, due to the high numbers of babies being placed for adoption, mothers/);
  assert.ok(p36.text.endsWith('the likelihood of repeated removals.'));
  assert.match(paragraph(r, 'para-47').text, /ambitious improvement plan supported by substantial financial investment/);
  assert.match(paragraph(r, 'para-42').text, /to achieve their own tenancy\. Many young people/);
  assert.equal(paragraph(r, 'para-30').label, '30');
});

test('Gloucestershire 2022 ILACS inspection: the footnote on "care experienced young people"', () => {
  const p37 = paragraph(ILACS_2022, 'para-37');
  assert.equal(p37.footnoteRefs.length, 1);
  const [ref] = p37.footnoteRefs;
  assert.equal(ref.number, 1);
  assert.ok(p37.text.slice(0, ref.offset).endsWith('allocated to care experienced young people'));
  assert.ok(p37.text.slice(ref.offset).startsWith(' until after their 18th birthday'));
  assert.deepEqual(ILACS_2022.footnotes, [
    {
      number: 1,
      text: "Instead of the term 'care leavers', this report uses the term 'care experienced young people', at the request of young people in Gloucestershire.",
    },
  ]);
});

test('Gloucestershire 2022 ILACS inspection: judgement sections carry their grade', () => {
  const graded = ILACS_2022.sections.filter((s) => s.grade !== null);
  assert.deepEqual(
    graded.map((s) => [s.title.replace(/:.*/, ''), s.grade, s.level]),
    [
      [ILACS_AREAS[1], RI_TO_BE_GOOD, 2],
      [ILACS_AREAS[2], RI_TO_BE_GOOD, 2],
      [ILACS_AREAS[0], RI_TO_BE_GOOD, 2],
    ],
  );
});

/** South Gloucestershire 2017: the 41 paragraphs ending "(Recommendation)", read off the source. */
const MARKED_2017 = [
  24, 28, 29, 31, 32, 33, 37, 38, 39, 41, 42, 44, 52, 53, 57, 68, 69, 72, 77, 97, 98, 100, 102, 111, 112, 114, 115, 120,
  121, 125, 128, 130, 145, 146, 147, 148, 149, 150, 151, 154, 157,
];
/** Of those, the ones whose marker stands only on the part after a page break, with that part's first words. */
const MARKED_AFTER_PAGE_BREAK: Record<number, string> = {
  31: 'inform decisions about risk are generally good',
  38: 'However, there is no strategic multi-agency oversight',
  42: 'domestic abuse risk assessments and few cases are referred',
  52: 'information is recorded, this is not always so',
  57: 'that a small minority of older children have delays',
  72: 'poorly evidenced management direction and delays',
  100: 'recently appointed education, employment and training workers',
  112: 'design, which is positive.',
  121: 'action to address the high caseloads',
};

test('South Gloucestershire 2017 SIF inspection and LSCB review: facts of the title page and the team', () => {
  const r = SIF_2017;
  assert.equal(r.slug, 'south-gloucestershire-2017-02-13-inspection');
  assert.equal(
    r.title,
    'Inspection of services for children in need of help and protection, children looked after and care leavers ' +
      'and Review of the effectiveness of the Local Safeguarding Children Board',
  );
  assert.equal(r.authority, 'South Gloucestershire');
  assert.equal(r.documentType, 'inspection');
  assert.equal(r.framework, 'SIF');
  assert.deepEqual([r.inspectionStart, r.inspectionEnd], ['2016-11-21', '2016-12-15']);
  assert.equal(r.published, '2017-02-13', 'from "Report published: 13 February 2017"');
  assert.equal(r.leadInspector, 'Stephanie Murray');
  assert.deepEqual(r.inspectors, [
    'Stephanie Murray',
    'Anne Waterman',
    'Louise Warren',
    'Natalie Trentham',
    'Nick Stacey',
    'Peter Green',
    'Cathy Blair',
    'Nicola Bennett',
    'Brenda McInerney',
  ]);
  assert.equal(r.source.publisher, 'Ofsted');
  assert.equal(r.source.url, null);
});

test('South Gloucestershire 2017: a sidecar fills what the text lacks, not what it states', () => {
  const file = 'south-gloucestershire-2017-02-13-inspection.txt';
  const text = readFileSync(new URL(file, SOURCES), 'utf8');
  const record = parseSource({
    text,
    file,
    format: 'text',
    sha256: SIF_2017.source.sha256,
    sidecar: { published: '2017-03-01', url: 'https://reports.ofsted.gov.uk/x', publisher: 'Ofsted' },
  });
  assert.equal(record.published, '2017-02-13', 'the text states "Report published: 13 February 2017"');
  assert.equal(record.source.url, 'https://reports.ofsted.gov.uk/x');
});

test('South Gloucestershire 2017: every judgement, the LSCB graded only in its heading', () => {
  assert.deepEqual(judgements(SIF_2017), [
    ['overall-effectiveness', "Children's services in South Gloucestershire", 'Inadequate'],
    ['help-and-protection', 'Children who need help and protection', 'Inadequate'],
    ['in-care', 'Children looked after and achieving permanence', 'Requires improvement'],
    ['adoption', 'Adoption performance', 'Good'],
    ['care-leavers', 'Experiences and progress of care leavers', 'Requires improvement'],
    ['leadership', 'Leadership, management and governance', 'Inadequate'],
    ['lscb', 'The Local Safeguarding Children Board', 'Inadequate'],
  ]);
  assert.equal(SIF_2017.overallEffectiveness, 'Inadequate');
  const grades = Object.fromEntries(SIF_2017.sections.filter((s) => s.grade).map((s) => [s.title, [s.grade, s.level]]));
  assert.deepEqual(grades, {
    'The experiences and progress of children looked after and achieving permanence': ['Requires improvement', 2],
    'The graded judgement for adoption performance is that it is good': ['Good', 3],
    'The graded judgement about the experience and progress of care leavers is that it requires improvement': [
      'Requires improvement',
      3,
    ],
    'Leadership, management and governance': ['Inadequate', 2],
    'The Local Safeguarding Children Board is inadequate': ['Inadequate', 2],
  });
});

test('South Gloucestershire 2017: paragraphs 23–130 and 140–167, recommendations 1–22 and 131–139', () => {
  assert.deepEqual(numbers(SIF_2017), [...range(23, 130), ...range(140, 167)]);
  assert.deepEqual(
    SIF_2017.recommendations.map((rec) => rec.number),
    [...range(1, 22), ...range(131, 139)],
  );
  assert.ok(SIF_2017.recommendations.every((rec) => rec.id === `rec-${rec.number}`));
  assert.deepEqual([...new Set(SIF_2017.recommendations.map((rec) => rec.section))], ['recommendations', 'recommendations-2']);
  // Recommendation 9 goes on after a page break.
  assert.equal(
    SIF_2017.recommendations[8].text,
    'Ensure that the new client record system is implemented as quickly as possible. Ensure that in the intervening ' +
      "period children's electronic files properly evidence the work undertaken with children and families and enable " +
      'proper sharing of information between teams and agencies.',
  );
  assert.ok(!SIF_2017.sections.some((s) => s.title === 'Contents'), 'the table of contents is navigation, not text');
});

test('South Gloucestershire 2017: the 41 paragraphs marked "(Recommendation)", marker removed', () => {
  const marked = SIF_2017.paragraphs.filter((p) => p.recommendationMarker);
  assert.deepEqual(
    marked.map((p) => p.number),
    MARKED_2017,
  );
  for (const p of SIF_2017.paragraphs) assert.doesNotMatch(p.text, /\(Recommendation\)/);
  for (const [n, words] of Object.entries(MARKED_AFTER_PAGE_BREAK)) {
    const p = paragraph(SIF_2017, `para-${n}`);
    assert.ok(p.recommendationMarker, `paragraph ${n} is marked`);
    assert.ok(p.text.includes(words), `paragraph ${n} includes the part after the page break`);
  }
});

test('South Gloucestershire 2017: conversion artefacts repaired, footnotes kept', () => {
  assert.deepEqual(
    SIF_2017.footnotes.map((f) => f.number),
    [1, 2],
  );
  assert.ok(SIF_2017.footnotes[0].text.startsWith('Ofsted produces this report under its power to combine reports'));
  assert.ok(SIF_2017.footnotes[1].text.startsWith('The local authority was given the opportunity to review'));
  assert.match(paragraph(SIF_2017, 'para-61').text, /five A\* to C GCSEs/);
  // The report prints "much-" / "needed" across a line end: a compound, whose hyphen the text conversion had lost.
  assert.match(SIF_2017.paragraphs.map((p) => p.text).join('\n'), /positive and much-needed changes/);
  // A figure range the conversion spaced ("0– 25s") reads as the report prints it.
  assert.match(SIF_2017.paragraphs.map((p) => p.text).join('\n'), /in the 0–25s disability service\. Weaknesses/);
  // A list introduced by a colon joins its paragraph, one item a line.
  assert.ok(SIF_2017.paragraphs.some((p) => p.text.startsWith('In the last 12 months:\nthere have been nine adoptions\n')));
});

test('South Gloucestershire 2019 ILACS inspection (PDF text): title page, table wrapped in its cells', () => {
  const r = ILACS_2019;
  assert.equal(r.slug, 'south-gloucestershire-2019-05-08-inspection');
  assert.equal(r.title, 'Inspection of children’s social care services');
  assert.equal(r.authority, 'South Gloucestershire');
  assert.equal(r.framework, 'ILACS');
  assert.equal(r.documentType, 'inspection');
  assert.deepEqual([r.inspectionStart, r.inspectionEnd], ['2019-03-04', '2019-03-15']);
  assert.equal(r.published, '2019-05-08');
  assert.equal(r.leadInspector, 'Emmy Tomsett');
  assert.deepEqual(r.inspectors, ['Emmy Tomsett']);
  assert.deepEqual(judgements(r), ILACS_KEYS.map((key, k) => [key, ILACS_AREAS[k], RI_TO_BE_GOOD]));
  assert.equal(r.overallEffectiveness, RI_TO_BE_GOOD);
});

test('South Gloucestershire 2019: paragraphs 1–48 whole, 13 recommendations', () => {
  const r = ILACS_2019;
  assert.deepEqual(numbers(r), range(1, 48));
  assert.equal(r.paragraphs.filter((p) => p.number === null).length, 4, 'the four paragraphs of the summary');
  assert.deepEqual(r.recommendations.map((rec) => rec.id), range(1, 13).map((n) => `rec-${n}`));
  assert.equal(r.recommendations[1].text, 'The timeliness of decision-making at the first point of contact with children’s services.');
  assert.equal(
    r.recommendations[5].text,
    'The timeliness and quality of preparation of care leavers for independent living and the use of bed and breakfast accommodation for extended periods of time.',
  );
  // Hard wraps with blank lines inside paragraphs, and across the page break after "performance".
  assert.match(paragraph(r, 'para-1').text, /clear pathways to early help services, and an updated/);
  assert.match(paragraph(r, 'para-13').text, /return home interview\. However, children do not always receive timely/);
  assert.match(paragraph(r, 'ap-2').text, /audit activity and performance information have enabled senior leaders/);
  assert.match(paragraph(r, 'para-28').text, /well-constructed life-story book work\.$/);
  assert.deepEqual(
    r.sections.filter((s) => s.grade).map((s) => s.grade),
    [RI_TO_BE_GOOD, RI_TO_BE_GOOD, RI_TO_BE_GOOD],
  );
});

test('Gloucestershire 2022 cabinet report: a council report that grades nothing', () => {
  const r = CABINET;
  assert.equal(r.slug, 'gloucestershire-2022-06-22-council-report');
  assert.equal(r.title, 'Ofsted Inspection of Gloucestershire Children’s Services and Improvement Plan');
  assert.equal(r.authority, 'Gloucestershire');
  assert.equal(r.documentType, 'council-report');
  assert.equal(r.framework, null);
  assert.equal(r.published, '2022-06-22', 'from "Cabinet Date 22 nd June 2022"');
  assert.deepEqual([r.inspectionStart, r.inspectionEnd, r.leadInspector], [null, null, null]);
  assert.deepEqual(r.inspectors, []);
  assert.deepEqual(r.judgements, []);
  assert.equal(r.overallEffectiveness, null);
  assert.equal(r.source.publisher, 'Gloucestershire County Council');
});

test('Gloucestershire 2022 cabinet report: sections 1.0–25.0 with 6.0 twice, its own three recommendations', () => {
  const r = CABINET;
  const numbered = r.paragraphs.filter((p) => p.number !== null);
  assert.deepEqual(
    numbered.map((p) => p.label),
    [...range(1, 6), ...range(6, 25)].map((n) => `${n}.0`),
  );
  assert.deepEqual(
    numbered.map((p) => p.number),
    [...range(1, 6), ...range(6, 25)],
  );
  const sixes = numbered.filter((p) => p.label === '6.0');
  assert.deepEqual(
    sixes.map((p) => p.id),
    ['para-6', 'para-6-2'],
  );
  // The restated judgement table and Ofsted's five recommendations stay as the council's paragraph text.
  assert.match(sixes[0].text, /as set out below:\nJudgement\tGrade\n/);
  assert.match(sixes[0].text, /\nOverall effectiveness\tRequires improvement to be good$/);
  assert.equal(sixes[1].text.split('\n').length, 6, 'the lead-in and the five recommendations it restates');
  assert.deepEqual(
    r.recommendations.map((rec) => [rec.id, rec.text.split(' ')[0]]),
    [
      ['rec-1', 'Notes'],
      ['rec-2', 'Approves'],
      ['rec-3', 'Delegates'],
    ],
  );
  assert.match(paragraph(r, 'para-16').text, /^There are several risks identified:\n1\. Risk: .*\n2\. Risk: /);
});

test('Gloucestershire 2019 monitoring visit letter: date, visit, inspectors, no numbering', () => {
  const r = LETTER;
  assert.equal(r.slug, 'gloucestershire-2019-09-30-monitoring-visit');
  assert.equal(r.title, 'Monitoring visit of Gloucestershire children’s services');
  assert.equal(r.authority, 'Gloucestershire');
  assert.equal(r.documentType, 'monitoring-visit');
  assert.equal(r.framework, 'ILACS');
  assert.equal(r.published, '2019-09-30', 'the date the letter bears');
  assert.deepEqual([r.inspectionStart, r.inspectionEnd], ['2019-09-05', '2019-09-05']);
  assert.equal(r.leadInspector, 'Nicola Bennett');
  assert.deepEqual(r.inspectors, ['Nicola Bennett', 'Emmy Tomsett']);
  assert.deepEqual([r.judgements, r.recommendations, r.overallEffectiveness], [[], [], null]);
  assert.ok(r.paragraphs.every((p) => p.number === null));
  assert.deepEqual(
    r.sections.map((s) => s.title),
    ['Letter', 'Areas covered by the visit', 'Overview', 'Findings and evaluation of progress'],
  );
  assert.match(
    r.paragraphs.map((p) => p.text).join('\n'),
    /who is responsible for providing this\. This is concerning/,
    'a paragraph split by a page break is whole',
  );
});
