/**
 * Running headers and footers go by one rule (src/lib/page-furniture.ts) whether a report's pages come laid out from
 * a PDF (dropRepeatedPageFurniture) or as text with form feeds (normalise): the same report loses the same lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropRepeatedPageFurniture } from '../../src/lib/extract/layout.ts';
import { normalise } from '../../src/lib/parse/normalise.ts';
import { isPageNumber } from '../../src/lib/page-furniture.ts';

const findings = [
  'Leaders know their services well.',
  'Care leavers are helped to find homes.',
  'Social workers visit children often.',
  'Plans for children are too vague.',
  'The board holds partners to account.',
  'Private fostering is not well understood.',
];
/** Six pages; the running header stands on three of them (half), the footer on all six with its page number. */
const pages = findings.map((finding, p) => [
  ...(p % 2 === 0 ? ['Inspection of Anyshire children’s services'] : []),
  finding,
  '',
  `Ofsted report, page ${p + 1}`,
]);

const keptFromPdf = dropRepeatedPageFurniture(pages).flat().filter((line) => line !== '');
const keptFromText = normalise(pages.map((lines) => lines.join('\n')).join('\f')).map((line) => line.text);

test('a header on half the pages and a footer on every page go, from a PDF and from text alike', () => {
  assert.deepEqual(keptFromPdf, findings);
  assert.deepEqual(keptFromText, findings);
});

test('a page number is recognised the same way on both paths', () => {
  for (const line of ['7', 'Page 7', '7 of 12', ' page 3 of 12 ']) assert.ok(isPageNumber(line), line);
  for (const line of ['12. Leaders know', '2019', 'Page seven']) assert.ok(!isPageNumber(line), line);
});

test("a running header that repeats the title goes from every page but the first, where the title page's facts follow it", () => {
  const header = ['Inspection of Anyshire local authority', 'children’s services'];
  const titled = findings.map((finding, p) => [...header, ...(p === 0 ? ['Inspection dates: 1 to 5 May 2023'] : []), finding]);
  const expected = [...header, 'Inspection dates: 1 to 5 May 2023', ...findings];
  assert.deepEqual(dropRepeatedPageFurniture(titled).flat().filter((line) => line !== ''), expected);
  assert.deepEqual(normalise(titled.map((lines) => lines.join('\n')).join('\f')).map((line) => line.text), expected);
});
