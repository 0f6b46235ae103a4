/**
 * The parser's small pure functions on the wordings real reports use: date ranges, grades, judgement areas, graded
 * sentences, and the line clean-up. Whole documents are covered by parse-fixtures and seeds.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDate, parseDateRange } from '../../src/lib/parse/dates.ts';
import { detectFormat, ILACS } from '../../src/lib/parse/detect.ts';
import { classifyJudgementArea, parseGrade, parseGradedStatement } from '../../src/lib/parse/judgements.ts';
import { normalise } from '../../src/lib/parse/normalise.ts';

test('date ranges as reports write them', () => {
  const cases: [string, [string, string] | null][] = [
    ['7 February 2022 to 18 February 2022', ['2022-02-07', '2022-02-18']],
    ['21 November-15 December 2016', ['2016-11-21', '2016-12-15']],
    ['4 March 2019 to 15 March 2019', ['2019-03-04', '2019-03-15']],
    ['11 to 15 September 2023', ['2023-09-11', '2023-09-15']],
    ['2 June 2014 – 25 June 2014', ['2014-06-02', '2014-06-25']],
    ['between 7 th February 2022 and 18 th February 2022', ['2022-02-07', '2022-02-18']],
    ['28 December 2017 to 5 January 2018', ['2017-12-28', '2018-01-05']],
    ['the monitoring visit on 5 September 2019.', ['2019-09-05', '2019-09-05']],
    ['on 4 and 5 June 2019', ['2019-06-04', '2019-06-05']],
    ['31 February 2022', null],
    ['no date here', null],
  ];
  for (const [text, expected] of cases) {
    const range = parseDateRange(text);
    assert.deepEqual(range && [range.start, range.end], expected, text);
  }
  assert.deepEqual(parseDateRange('12/09/2016 to 06/10/2016'), { start: '2016-09-12', end: '2016-10-06' });
  assert.equal(parseDate('31/02/2016'), null);
  assert.equal(parseDate('22 nd June 2022'), '2022-06-22');
  assert.equal(parseDate('1 st April 2022'), '2022-04-01');
});

test('grades onto the controlled vocabulary, and nothing else', () => {
  assert.equal(parseGrade('Requires improvement\nto be good'), 'Requires improvement to be good');
  assert.equal(parseGrade('Requires Improvement'), 'Requires improvement');
  assert.equal(parseGrade('require improvement'), 'Requires improvement');
  assert.equal(parseGrade(' INADEQUATE '), 'Inadequate');
  assert.equal(parseGrade('Good with outstanding features'), null);
  assert.equal(parseGrade('Satisfactory'), null);
});

test('judgement areas lined up across SIF and ILACS wordings', () => {
  const cases: [string, string | null][] = [
    ['Overall effectiveness', 'overall-effectiveness'],
    ['The overall judgement', 'overall-effectiveness'],
    ['Children’s services in Darlington Borough Council', 'overall-effectiveness'],
    ['Children who need help and protection', 'help-and-protection'],
    ['The experiences and progress of children who need help and protection', 'help-and-protection'],
    ['Children looked after and achieving permanence', 'in-care'],
    ['The experiences and progress of children in care and care leavers', 'in-care'],
    ['The experiences and progress of children in care', 'in-care'],
    ['Experiences and progress of care leavers', 'care-leavers'],
    ['The experiences and progress of care leavers', 'care-leavers'],
    ['Adoption performance', 'adoption'],
    ['Leadership, management and governance', 'leadership'],
    ['The impact of leaders on social work practice with children and families', 'leadership'],
    ['The Local Safeguarding Children Board (LSCB)', 'lscb'],
    ['Information about this inspection', null],
  ];
  for (const [area, key] of cases) assert.equal(classifyJudgementArea(area), key, area);
});

test('grade words measured against, or awarded before, are no judgement of this report', () => {
  assert.equal(parseGradedStatement('The LSCB is not yet demonstrating the characteristics of good.'), null);
  assert.equal(parseGradedStatement('The local authority leads effective services that meet the requirements for good.'), null);
  assert.equal(parseGradedStatement('At the last inspection, help and protection was judged inadequate.'), null);
  assert.equal(parseGradedStatement('Children’s services require improvement to be good')?.areaKey, 'overall-effectiveness');
});

test('paragraph numbers past 999 follow 999', () => {
  const number = ILACS.paragraphNumber('1000. Leaders have acted.');
  assert.deepEqual(number && [number.major, number.text], [1000, 'Leaders have acted.']);
  assert.ok(ILACS.follows(999, 1000));
});

test('graded headings and sentences', () => {
  const cases: [string, [string, string, string] | null][] = [
    [
      'The experiences and progress of children who need help and protection: requires improvement to be good',
      ['help-and-protection', 'The experiences and progress of children who need help and protection', 'Requires improvement to be good'],
    ],
    ['The Local Safeguarding Children Board is inadequate', ['lscb', 'The Local Safeguarding Children Board', 'Inadequate']],
    ['The graded judgement for adoption performance is that it is good', ['adoption', 'Adoption performance', 'Good']],
    [
      'The graded judgement about the experience and progress of care leavers is that it requires improvement',
      ['care-leavers', 'Experience and progress of care leavers', 'Requires improvement'],
    ],
    [
      'Children’s services in Brighton and Hove require improvement to be good',
      ['overall-effectiveness', 'Children’s services in Brighton and Hove', 'Requires improvement to be good'],
    ],
    [
      'The effectiveness of the Local Safeguarding Children Board (LSCB) is good.',
      ['lscb', 'The effectiveness of the Local Safeguarding Children Board (LSCB)', 'Good'],
    ],
    ['The local authority was judged to be good', null],
    ['Services are improving and leaders are ambitious', null],
  ];
  for (const [text, expected] of cases) {
    const s = parseGradedStatement(text);
    assert.deepEqual(s && [s.areaKey, s.area, s.grade], expected, text);
  }
});

test('normalise: line ends, control characters, page numbers and page breaks, conversion artefacts', () => {
  const lines = normalise('\uFEFFFirst line\r\nsecond\u0007 line\r\n\r\n12\r\n\r\nAfter\fNext page\n\n\n\nFar below');
  assert.deepEqual(
    lines.map((l) => [l.text, l.no, l.gap]),
    [
      ['First line', 1, 'blank'],
      ['second line', 2, 'none'],
      ['After', 6, 'page'],
      ['Next page', 6, 'page'],
      ['Far below', 10, 'page'],
    ],
  );
  assert.deepEqual(
    normalise('Review of the Local Safeguarding Children $\\ensuremath{\\mathsf{Board}}^1$ costs $5 and $10').map((l) => l.text),
    ['Review of the Local Safeguarding Children Board<sup>1</sup> costs $5 and $10'],
  );
  assert.deepEqual(normalise('1. Cł\tildren who need help\tInadequate').map((l) => l.text), ['1. Children who need help\tInadequate']);
  assert.deepEqual(normalise('<sup>&</sup>lt;sup>2</sup> A note.').map((l) => l.text), ['<sup>2</sup> A note.']);
  assert.deepEqual(normalise('**Bold** and <b>tags</b>, A\\* to C').map((l) => l.text), ['Bold and tags, A* to C']);
  assert.deepEqual(
    normalise('the 0– 25s service in 2014– 15 , in future .\nCabinet Date\t22 nd June 2022\n9.\tEffective action\n2.1\tAdoption\tGood').map(
      (l) => l.text,
    ),
    ['the 0–25s service in 2014–15, in future.', 'Cabinet Date\t22nd June 2022', '9. Effective action', '2.1\tAdoption\tGood'],
  );
  assert.deepEqual(normalise('a<b and c>d, <3, <script>x</script>, <https://x.y>').map((l) => l.text), [
    'a<b and c>d, <3, <script>x</script>, <https://x.y>',
  ]);
});

test('normalise: a running header at the top of most PDF pages is dropped', () => {
  const page = (n: number, body: string) => `Inspection of Exampleshire children’s services\nPage ${n}\n${body}`;
  const text = [page(1, 'One.'), page(2, 'Two.'), page(3, 'Three.'), page(4, 'Four.')].join('\f');
  assert.deepEqual(
    normalise(text).map((l) => l.text),
    ['One.', 'Two.', 'Three.', 'Four.'],
  );
});

test('document families detected from what every document of the family states', () => {
  const detect = (text: string) => detectFormat(normalise(text))?.documentType ?? null;
  const letter = (subject: string) => `12 July 2019\n\nMs Ann Director\nCounty Hall\n\nDear Ms Director\n\n${subject}\n\nThis letter summarises…`;
  assert.equal(detect(letter('Monitoring visit to Exampleshire children’s services')), 'monitoring-visit');
  assert.equal(detect(letter('Focused visit to Exampleshire local authority children’s services')), 'focused-visit');
  assert.equal(detect(letter('Joint targeted area inspection of the multi-agency response to abuse')), 'other');
  assert.equal(detect('REPORT TITLE: Ofsted inspection\n\nCabinet Date\t1 June 2022'), 'council-report');
  assert.equal(detectFormat(normalise('Inspection of Exampleshire local authority\nchildren’s services'))?.framework, 'ILACS');
  assert.equal(
    detectFormat(normalise('Exampleshire\nInspection of services for children in need of help and\nprotection'))?.framework,
    'SIF',
  );
  assert.equal(detect('Minutes of the parish council meeting'), null);
});
