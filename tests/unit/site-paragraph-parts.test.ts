/** A paragraph with table rows is shown as text and a table, never as rows run together. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paragraphParts, paragraphText } from '../../src/lib/site/paragraph-parts.ts';
import type { Paragraph } from '../../src/schemas/report.ts';

const GLOSSARY = [{ term: 'LADO', expansion: 'Local authority designated officer', also: [], meaning: 'Handles allegations against adults who work with children.' }];
const paragraph = (text: string, footnoteRefs: Paragraph['footnoteRefs'] = []): Paragraph => ({
  id: 'para-12',
  number: 12,
  label: '12',
  section: 'help-and-protection',
  text,
  recommendationMarker: false,
  footnoteRefs,
  themes: [],
  supports: [],
});

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

test('footnote marks stand where the report had them, in number order, and abbreviations carry their expansion', () => {
  const text = 'Referrals to the LADO are timely. Most strategy meetings are prompt.';
  const shown = paragraphText(paragraph(text, [{ number: 4, offset: text.length }, { number: 3, offset: 33 }]), GLOSSARY);
  assert.deepEqual(shown, {
    kind: 'pieces',
    pieces: [
      { runs: [{ text: 'Referrals to the ' }, { text: 'LADO', expansion: 'Local authority designated officer' }, { text: ' are timely.' }], footnote: 3 },
      { runs: [{ text: ' Most strategy meetings are prompt.' }], footnote: 4 },
      { runs: [{ text: '' }] },
    ],
  });
});

test('a paragraph with table rows and no footnote shows as text and a table; "LADOs" in a word is not split', () => {
  const shown = paragraphText(paragraph('Cover sheet:\nReport of\tDirector'), GLOSSARY);
  assert.deepEqual(shown, { kind: 'parts', parts: [{ kind: 'text', text: 'Cover sheet:' }, { kind: 'table', rows: [['Report of', 'Director']] }] });
  const plain = paragraphText(paragraph('The LADOs met; SLADOS did not.'), GLOSSARY);
  assert.deepEqual(plain.kind === 'pieces' && plain.pieces[0]?.runs.map((run) => run.expansion ?? run.text), ['The ', 'Local authority designated officer', ' met; SLADOS did not.']);
});
