import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate } from '../../src/lib/dates.ts';

test('dates are spelt out the GOV.UK way: day without a leading zero, month in words, year', () => {
  assert.equal(formatDate('2019-05-08'), '8 May 2019');
  assert.equal(formatDate('2022-06-22'), '22 June 2022');
  assert.equal(formatDate('2016-12-31'), '31 December 2016');
});
