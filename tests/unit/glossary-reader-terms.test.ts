/**
 * The glossary as a reader's way in: what a member of the public or a social worker types for a term of the field
 * finds the passage that says it the reports' way. Each case is a reader's query from the held-out relevance set
 * (tests/fixtures/search/relevance-held-out.json) and the words of a passage that answers it, quoted from the report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { glossarySchema } from '../../src/schemas/glossary.ts';
import { parseQuery, queryWords } from '../../src/lib/search/query.ts';
import { stem } from '../../src/lib/search/stem.ts';

const glossary = glossarySchema.parse(JSON.parse(readFileSync('content/glossary.json', 'utf8'))).entries;

const CASES: Array<{ typed: string; passage: string; where: string }> = [
  { typed: 'NRPF families', passage: 'Families with no recourse to public funds receive a responsive service from social workers.', where: 'Newham 2022 ¶ 7' },
  { typed: 's20 accommodation', passage: 'At 31 March 2014, 54% of children looked after were accommodated under section 20 of the Children Act 1989.', where: 'Darlington 2015 ¶ 50' },
  { typed: 'IHA timeliness', passage: 'However, the poor timeliness of initial health assessments is a continuing and long-standing concern.', where: 'Camden 2017 ¶ 44' },
  { typed: 'autistic children', passage: 'A new jointly-commissioned residential academy for children and young people with autism has been commissioned.', where: 'Oxfordshire 2014 ¶ 96' },
  { typed: 'SDQ', passage: 'Strengths and difficulties questionnaires are completed for all children from the age of four years.', where: 'Warwickshire 2017 ¶ 55' },
  { typed: 'FDAC', passage: 'its participation in the innovative family drug and alcohol court.', where: 'Westminster 2016 ¶ 35' },
  { typed: 'RHA', passage: 'The timeliness of completing review health assessments is much stronger, at an annual rate of 82%.', where: 'Warwickshire 2017 ¶ 55' },
  { typed: 's47 enquiries', passage: 'Child protection enquiries are mostly thorough and children are not subject unnecessarily to child protection procedures.', where: 'Swindon 2014 ¶ 53' },
];

/** Whether every group of the query is held by the passage through one of its forms, compared by stem as the index does. */
function holdsEveryGroup(typed: string, passage: string, entries: typeof glossary): boolean {
  const words = new Set(queryWords(passage).map(stem));
  return parseQuery(typed, entries)
    .filter((group) => !group.optional)
    .every((group) => group.alternatives.some((form) => form.every((word) => words.has(stem(word)))));
}

for (const { typed, passage, where } of CASES) {
  test(`"${typed}" finds ${where}, which says it the reports' way`, () => {
    assert.ok(holdsEveryGroup(typed, passage, glossary), 'found through the glossary');
    assert.ok(!holdsEveryGroup(typed, passage, []), 'and only through it: without the glossary the reader\'s word is not in the passage');
  });
}
