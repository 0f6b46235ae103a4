/** A paragraph with table rows is shown as text and a table, never as rows run together. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paragraphParts } from '../../src/lib/site/paragraph-parts.ts';

test('TAB-separated rows become a table; the sentence that introduces them stays text', () => {
  const text = 'The report makes judgements as set out below:\nJudgement\tGrade\nOverall effectiveness\tRequires improvement to be good';
  assert.deepEqual(paragraphParts(text), [
    { kind: 'text', text: 'The report makes judgements as set out below:' },
    { kind: 'table', rows: [['Judgement', 'Grade'], ['Overall effectiveness', 'Requires improvement to be good']] },
  ]);
});

test('a paragraph without TABs is one piece of text, its list lines kept', () => {
  assert.deepEqual(paragraphParts('In the last 12 months:\nnine adoptions'), [{ kind: 'text', text: 'In the last 12 months:\nnine adoptions' }]);
});
