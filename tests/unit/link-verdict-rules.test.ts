/** The rules a verdict is read by (src/lib/link/verdict.ts) and which documents examine a matter (scope.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answeredBy, boardPartStart, examines } from '../../src/lib/link/scope.ts';
import { clauses, direction, judge, sentences } from '../../src/lib/link/verdict.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

/** Every word weighs the same, except the words every finding uses. */
const weight = (stem: string) => (['children', 'servic'].includes(stem) ? 0.1 : 1);
const passage = (id: string, text: string, score = 0.5) => ({ id, text, score });

describe('sentences and clauses', () => {
  it('splits a passage into sentences, list items on their own', () => {
    assert.deepEqual(sentences('Plans are late. Reviews are timely.\nFirst item\nSecond item.'), [
      'Plans are late.',
      'Reviews are timely.',
      'First item',
      'Second item.',
    ]);
  });

  it('splits a sentence where it turns ("but", "however", an opening "While …,")', () => {
    assert.deepEqual(clauses('Initial health assessments are much improved, but annual ones are late.'), [
      'Initial health assessments are much improved',
      'but annual ones are late.',
    ]);
    assert.deepEqual(clauses('While reviews are timely, plans are not specific.'), ['While reviews are timely,', 'plans are not specific.']);
  });
});

describe('direction of a clause', () => {
  const cases: [string, -1 | 0 | 1][] = [
    ['Caseloads have significantly reduced.', 1],
    ['Children in private fostering arrangements receive a swift assessment and are well monitored.', 1],
    ['The quality of plans remains weak.', -1],
    ['Return home interviews are not always timely.', -1],
    ['Managers’ oversight has not significantly improved since the last inspection.', -1],
    ['The service is no longer inadequate.', 1],
    ['There is effective permanence planning for children who cannot remain with their families.', 1],
    ['Leaders have a good understanding of their strengths and weaknesses.', 1],
    ['The council received 120 referrals.', 0],
    ['Decisions are made without delay.', 0],
    // What somebody is quoted as saying is not the inspectors' finding, nor is "not least" a negation.
    ['The proportion of care leavers in training continues to improve, not least because of their adviser’s ‘we don’t let go of them’ attitude.', 1],
    ['Children told inspectors “it doesn’t feel like home”.', 0],
    ['Half of the senior practitioners are still having to hold larger caseloads.', -1],
    ['The local authority has successfully reduced caseloads for frontline staff.', 1],
    ['The principal social worker works systematically to ensure that weaknesses are addressed.', 0],
    ['When it is not possible for children to remain with their parents, social workers secure permanence swiftly.', 1],
    ['Decisions to initiate pre-proceedings are appropriate and mainly timely, including for children not yet born.', 1],
    ['The proportion of care leavers not in education, employment or training has reduced.', 0],
  ];
  for (const [clause, expected] of cases) it(`${expected > 0 ? '+' : expected < 0 ? '−' : '0'}: ${clause}`, () => assert.equal(direction(clause), expected));
});

describe('judge: a later inspection', () => {
  const rhi = 'Improve the timeliness of return home interviews for children who go missing.';

  it('finds improvement, and quotes the sentence that says so', () => {
    const finding = judge(rhi, 'inspection', [passage('para-3', 'Adoption is good. Return home interviews are now timely and thorough for children who go missing.')], weight);
    assert.equal(finding.verdict, 'improved');
    assert.equal(finding.paragraphId, 'para-3');
    assert.equal(finding.sentence, 'Return home interviews are now timely and thorough for children who go missing.');
  });

  it('finds a concern that carries on', () => {
    const finding = judge(rhi, 'inspection', [passage('para-9', 'Return home interviews for children who go missing are still not timely.')], weight);
    assert.equal(finding.verdict, 'still-a-concern');
  });

  it('finds both in one passage: mixed', () => {
    const finding = judge(
      rhi,
      'inspection',
      [passage('para-4', 'Return home interviews are offered promptly to children who go missing. However, return home interviews are not timely for children in care who go missing.')],
      weight,
    );
    assert.equal(finding.verdict, 'mixed');
  });

  it('says only "mentioned" where nothing judges the matter', () => {
    const finding = judge(rhi, 'inspection', [passage('para-2', 'Children who go missing are offered a return home interview by the missing coordinator.')], weight);
    assert.deepEqual(finding, { verdict: 'mentioned', paragraphId: 'para-2', sentence: null });
  });

  it('takes a later recommendation on the matter as still a concern only when the matcher scores it high', () => {
    const again = passage('rec-5', 'The timeliness of return home interviews when children go missing.', 0.9);
    assert.equal(judge(rhi, 'inspection', [again], weight).verdict, 'still-a-concern');
    assert.equal(judge(rhi, 'inspection', [{ ...again, score: 0.2 }], weight).verdict, 'mentioned');
  });

  it('says only "mentioned" where the other way is found on the matter, but too weakly to carry a verdict', () => {
    const longer = 'Improve the timeliness and quality of return home interviews for children who go missing, and share what they learn.';
    const finding = judge(longer, 'inspection', [passage('para-4', 'Return home interviews are thorough and timely. Return interviews are not always recorded.')], weight);
    assert.deepEqual(finding, { verdict: 'mentioned', paragraphId: 'para-4', sentence: null });
  });

  it('does not judge a recommendation by a finding on its example alone', () => {
    const thresholds = 'Ensure that staff understand and apply thresholds at every stage, including in the early help pathway.';
    const earlyHelp = passage('para-47', 'The early help pathway is not yet sufficiently robust.');
    assert.equal(judge(thresholds, 'inspection', [earlyHelp], weight).verdict, 'mentioned');
    // The same finding on the matter itself carries a verdict.
    const matter = passage('para-2', 'Staff do not yet understand or apply thresholds at every stage.');
    assert.equal(judge(thresholds, 'inspection', [matter], weight).verdict, 'still-a-concern');
  });

  it('does not judge a recommendation by a finding about someone else’s work', () => {
    const caseloads = 'Ensure that caseload size and management capacity across the service facilitate good social work.';
    const iros = passage('para-45', 'The capacity of IROs has been strengthened in response to increasing caseloads.');
    assert.equal(judge(caseloads, 'inspection', [iros], weight).verdict, 'mentioned');
    const staff = passage('para-46', 'Caseload size has been reduced and management capacity strengthened across the service.');
    assert.equal(judge(caseloads, 'inspection', [staff], weight).verdict, 'improved');
  });

  it('does not take a group the recommendation sets aside ("whose plan is not adoption") for the one it is about', () => {
    const permanence = 'Planning for permanence for children whose plan is not adoption.';
    const adoption = passage('para-27', 'When adoption is the plan, planning for permanence is highly effective.');
    assert.equal(judge(permanence, 'inspection', [adoption], weight).verdict, 'mentioned');
  });

  it('ignores a finding about other children than the recommendation names', () => {
    const advocacy = 'Ensure that children looked after can access advocacy.';
    const finding = judge(advocacy, 'inspection', [passage('para-12', 'Advocacy is not consistently offered to children subject to child protection plans.')], weight);
    assert.equal(finding.verdict, 'mentioned');
  });

  it('judges a recommendation for a narrow group only by findings that name that group, in the sentence or its passage', () => {
    // Oxfordshire 2018 → 2024: the 2024 summary praises assessments of all children, not those of kinship carers.
    const kinship = 'The timeliness and quality of friends and family assessments.';
    const all = passage('para-2', 'The quality and timeliness of assessments are good and include clear analysis of children’s and families’ needs and strengths.');
    assert.equal(judge(kinship, 'inspection', [all], weight).verdict, 'mentioned');
    const named = passage('para-22', 'Kinship carers are assessed promptly. The quality and timeliness of assessments are good.');
    const finding = judge(kinship, 'inspection', [named], weight);
    assert.equal(finding.verdict, 'improved', 'the passage names kinship care: its finding on assessments is about them');
    assert.equal(finding.sentence, 'The quality and timeliness of assessments are good.');
    // A recommendation for two groups is judged by a finding on either.
    const housing = 'Extend housing for homeless 16- and 17-year-olds and for care leavers so that none is placed in bed and breakfast.';
    const homeless = passage('para-32', 'Housing and provision for homeless 16- and 17-year-olds is prompt and effective.');
    assert.equal(judge(housing, 'inspection', [homeless], weight).verdict, 'improved');
  });
});

describe('judge: a council report', () => {
  const recommendation = 'How well IT systems support social workers to do their jobs.';
  it('restates a recommendation it only lists', () => {
    const list = passage('para-6-2', 'The report makes 2 recommendations:\nThe quality of supervision.\nHow well IT systems support social workers to do their jobs.');
    assert.deepEqual(judge(recommendation, 'council-report', [list], weight), {
      verdict: 'restated',
      paragraphId: 'para-6-2',
      sentence: 'How well IT systems support social workers to do their jobs.',
    });
  });

  it('commits to an action when it names what will be done, by whom or by when', () => {
    const plan = passage('para-8', 'IT systems that support social workers in their jobs will be replaced by March 2023, led by the Director of Children’s Services.');
    assert.equal(judge(recommendation, 'council-report', [plan], weight).verdict, 'action-committed');
  });

  it('has not addressed a recommendation it says nothing about', () => {
    assert.deepEqual(judge(recommendation, 'council-report', [], weight), { verdict: 'not-addressed', paragraphId: null, sentence: null });
  });
});

describe('scope: which later documents examine a matter', () => {
  const sif = syntheticRecord({
    authority: 'Northshire',
    published: '2016-03-01',
    framework: 'SIF',
    sections: ['recommendations', 'findings', 'the-local-safeguarding-children-board', 'board-recommendations'],
    paragraphs: ['Findings.'],
  });
  sif.sections[2]!.title = 'The Local Safeguarding Children Board (LSCB)';
  const ilacs = syntheticRecord({ authority: 'Northshire', published: '2019-05-08', framework: 'ILACS', paragraphs: ['Findings.'] });
  const council = syntheticRecord({ authority: 'Northshire', published: '2019-07-01', documentType: 'council-report', paragraphs: ['Plan.'] });
  const documents = [sif, ilacs, council];
  const answers = answeredBy(documents);

  it('finds the board part of a SIF report, and none in an ILACS report', () => {
    assert.equal(boardPartStart(sif), 2);
    assert.equal(boardPartStart(ilacs), -1);
  });

  it('reads a board recommendation only against a later review of the board', () => {
    assert.equal(examines(documents, answers, 0, 1, true), false);
    assert.equal(examines(documents, answers, 0, 1, false), true);
  });

  it('reads a council report only against the inspection it answers', () => {
    assert.equal(answers.get(2), 1);
    assert.equal(examines(documents, answers, 1, 2, false), true);
    assert.equal(examines(documents, answers, 0, 2, false), false);
  });
});
