/**
 * The English Snowball stemmer ("Porter2", https://snowballstem.org/algorithms/english/stemmer.html): "fostering",
 * "fostered" and "fosters" are all "foster". The index is built (Node) and searched (browser) with this one module,
 * so a word typed and a word indexed meet at the same stem. Pure, and small enough for the search page's script.
 *
 * Words come from `indexWords` (lower case, no apostrophes); letters outside a–z count as consonants.
 */

const VOWELS = new Set('aeiouy');
const isVowel = (word: string, at: number) => VOWELS.has(word[at]);
/** Endings after which a final "li" is a suffix ("cheerfully" but not "ugli"). */
const LI_ENDINGS = new Set('cdeghkmnrt');
const DOUBLES = ['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt'];

/** Words the rules would get wrong, and what they stem to. */
const EXCEPTIONS: Record<string, string> = {
  skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl', ugly: 'ugli',
  early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas',
  cosmos: 'cosmos', bias: 'bias', andes: 'andes',
  // Irregular plurals the archive uses, with the possessive typed without its apostrophe ("Asian womens network").
  women: 'woman', womens: 'woman', men: 'man', mens: 'man',
};
/** Left as they are after step 1a. */
const INVARIANT = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);

const STEP2: Array<[string, string]> = [
  ['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'], ['tional', 'tion'],
  ['biliti', 'ble'], ['lessli', 'less'], ['entli', 'ent'], ['ation', 'ate'], ['alism', 'al'], ['aliti', 'al'],
  ['ousli', 'ous'], ['iviti', 'ive'], ['fulli', 'ful'], ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'],
  ['izer', 'ize'], ['ator', 'ate'], ['alli', 'al'], ['bli', 'ble'], ['ogi', 'og'], ['li', ''],
];
const STEP3: Array<[string, string]> = [
  ['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'], ['ative', ''], ['ical', 'ic'],
  ['ness', ''], ['ful', ''],
];
const STEP4 = ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion', 'al', 'er', 'ic'];

/** Where R1 begins: after the first consonant that follows a vowel (after "gener", "commun", "arsen" in those). */
function regionStart(word: string, from: number): number {
  for (let at = from + 1; at < word.length; at++) if (!isVowel(word, at) && isVowel(word, at - 1)) return at + 1;
  return word.length;
}

/** A short syllable ends at `end` (exclusive): consonant, vowel, consonant other than w, x or Y; or vowel, consonant at the start. */
function shortSyllableEndsAt(word: string, end: number): boolean {
  if (end === 2) return isVowel(word, 0) && !isVowel(word, 1);
  return end >= 3 && !isVowel(word, end - 3) && isVowel(word, end - 2) && !isVowel(word, end - 1) && !'wxY'.includes(word[end - 1]);
}

const longest = (word: string, suffixes: readonly string[]) => suffixes.filter((s) => word.endsWith(s)).sort((a, b) => b.length - a.length)[0];

/** Stems already found: an archive's words repeat across its reports. */
const stems = new Map<string, string>();

export function stem(word: string): string {
  let found = stems.get(word);
  if (found === undefined) stems.set(word, (found = stemOf(word)));
  return found;
}

function stemOf(input: string): string {
  if (input.length <= 2) return input;
  if (EXCEPTIONS[input]) return EXCEPTIONS[input];
  // "y" as a consonant (at the start, or after a vowel) is written Y until the end.
  let word = input.replace(/^y/, 'Y').replace(/([aeiouy])y/g, '$1Y');
  const r1 = /^(?:gener|commun|arsen)/.exec(word)?.[0].length ?? regionStart(word, 0);
  const r2 = regionStart(word, r1);
  const inR1 = (suffix: string) => word.length - suffix.length >= r1;
  const inR2 = (suffix: string) => word.length - suffix.length >= r2;
  const hasVowelBefore = (end: number) => /[aeiouy]/.test(word.slice(0, end));

  // Step 1a: plurals.
  const s1a = longest(word, ['sses', 'ied', 'ies', 'us', 'ss', 's']);
  if (s1a === 'sses') word = word.slice(0, -2);
  else if (s1a === 'ied' || s1a === 'ies') word = word.slice(0, -3) + (word.length > 4 ? 'i' : 'ie');
  else if (s1a === 's' && hasVowelBefore(word.length - 2)) word = word.slice(0, -1);
  if (INVARIANT.has(word)) return word;

  // Step 1b: -ed, -ing.
  const s1b = longest(word, ['eedly', 'ingly', 'edly', 'eed', 'ing', 'ed']);
  if (s1b === 'eed' || s1b === 'eedly') {
    if (inR1(s1b)) word = word.slice(0, -s1b.length) + 'ee';
  } else if (s1b && hasVowelBefore(word.length - s1b.length)) {
    word = word.slice(0, -s1b.length);
    if (/(?:at|bl|iz)$/.test(word)) word += 'e';
    else if (DOUBLES.some((d) => word.endsWith(d))) word = word.slice(0, -1);
    else if (r1 >= word.length && shortSyllableEndsAt(word, word.length)) word += 'e';
  }

  // Step 1c: a final y after a consonant (not the first letter) is i.
  if (word.length > 2 && /[yY]$/.test(word) && !isVowel(word, word.length - 2)) word = word.slice(0, -1) + 'i';

  // Steps 2 and 3: suffixes in R1 become shorter ones.
  for (const [rules, step] of [[STEP2, 2], [STEP3, 3]] as const) {
    const found = longest(word, rules.map(([suffix]) => suffix));
    if (!found || !inR1(found)) continue;
    const replacement = rules.find(([suffix]) => suffix === found)?.[1] ?? found;
    if (step === 2 && found === 'ogi' && !word.endsWith('logi')) continue;
    if (step === 2 && found === 'li' && !LI_ENDINGS.has(word[word.length - 3] ?? '')) continue;
    if (step === 3 && found === 'ative' && !inR2(found)) continue;
    word = word.slice(0, -found.length) + replacement;
  }

  // Step 4: suffixes in R2 go.
  const s4 = longest(word, STEP4);
  if (s4 && inR2(s4) && (s4 !== 'ion' || /[st]ion$/.test(word))) word = word.slice(0, -s4.length);

  // Step 5: a final e or double l.
  if (word.endsWith('e') && (inR2('e') || (inR1('e') && !shortSyllableEndsAt(word, word.length - 1)))) word = word.slice(0, -1);
  else if (word.endsWith('ll') && inR2('l')) word = word.slice(0, -1);

  return word.replace(/Y/g, 'y');
}
