import { test } from 'node:test';
import assert from 'node:assert/strict';
import { abbreviationRuns, getGlossary } from '../../src/lib/site/glossary.ts';

const show = (text: string) => abbreviationRuns(text, getGlossary()).map((r) => (r.expansion ? `<${r.text}=${r.expansion}>` : r.text)).join('');

test('abbreviations in a paragraph are marked with their expansion; the text is kept whole', () => {
  assert.equal(show('The LADO and IROs met the PA.'), 'The <LADO=local authority designated officer> and <IROs=independent reviewing officer> met the <PA=personal adviser>.');
  assert.equal(show('Consider DoLS, and (UASC).'), 'Consider <DoLS=deprivation of liberty>, and (<UASC=unaccompanied asylum-seeking children>).');
  assert.equal(show(''), '');
});

test('only whole words in the term’s capitals: ordinary words and parts of words are left alone', () => {
  assert.equal(show('Pause to send the Paper; MASHED, ELADO.'), 'Pause to send the Paper; MASHED, ELADO.');
  assert.equal(show('looked after (LAC) children'), 'looked after (<LAC=children looked after>) children');
});
