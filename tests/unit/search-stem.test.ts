import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stem } from '../../src/lib/search/stem.ts';

// Pairs from the Snowball English stemmer's published vocabulary and output (snowballstem.org), and words of the
// archive whose stems the search depends on.
const SNOWBALL = `consign consign consigned consign consigning consign consignment consign consistency consist
consistently consist consolation consol consolatory consolatori console consol consolidate consolid consolingly consol
consonant conson conspicuous conspicu conspiracy conspiraci conspirator conspir constable constabl constancy constanc
knackeries knackeri knaves knave kneaded knead kneeled kneel knightly knight knitting knit knives knive knocker knocker
generously generous communication communic cries cri ties tie gaps gap gas gas this this kiwis kiwi agreed agre feed
feed hopping hop hoped hope luxuriating luxuri skies sky dying die news news proceed proceed exceed exceed yelling yell
sayings say crying cri`;

test('the Snowball English stemmer: its published examples', () => {
  const words = SNOWBALL.split(/\s+/);
  for (let at = 0; at < words.length; at += 2) assert.equal(stem(words[at]!), words[at + 1], words[at]);
});

test('forms of a word the archive uses meet at one stem; different words do not', () => {
  for (const [forms, expected] of [
    [['fostering', 'fostered', 'fosters', 'foster'], 'foster'],
    [['interviews', 'interview', 'interviewed', 'interviewing'], 'interview'],
    [['care', 'cared', 'caring', 'cares'], 'care'],
    [['safeguarding', 'safeguards', 'safeguarded'], 'safeguard'],
  ] as const) {
    for (const form of forms) assert.equal(stem(form), expected, form);
  }
  assert.notEqual(stem('carers'), stem('care'));
  assert.notEqual(stem('partners'), stem('pa'));
  assert.equal(stem('pa'), 'pa', 'two letters or fewer stay as they are');
  assert.equal(stem('2019'), '2019');
});

test('an irregular plural meets its singular, also typed as a possessive without the apostrophe', () => {
  for (const form of ['woman', 'women', 'womens']) assert.equal(stem(form), stem('woman'), form);
  for (const form of ['man', 'men', 'mens']) assert.equal(stem(form), stem('man'), form);
  assert.notEqual(stem('woman'), stem('man'));
});
