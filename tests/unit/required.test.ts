/** `required` (src/lib/required.ts): what src/ uses instead of a non-null assertion. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { required } from '../../src/lib/required.ts';
import { builtSite } from '../../src/lib/site/address.ts';

test('a missing value stops with a message naming what was missing; a present one, even 0 or "", is returned', () => {
  assert.throws(() => required(undefined, 'the band of the grade "Adequate"'), { message: 'Internal error: the band of the grade "Adequate" is missing' });
  assert.throws(() => required(null, 'line 3 of a judgement table row'), /line 3 of a judgement table row is missing/);
  assert.equal(required(0, 'a count'), 0);
  assert.equal(required('', 'a text'), '');
});

test('a page without Astro’s site stops the build saying where the address is set', () => {
  assert.throws(() => builtSite(undefined), /astro\.config\.mjs must set it from siteAddress/);
  const site = new URL('https://archive.example.gov.uk/');
  assert.equal(builtSite(site), site);
});
