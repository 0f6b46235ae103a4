/**
 * Turning report prose into comparable tokens. Both the theme tagger and the matcher go through `tokenize`, so a
 * phrase in content/themes.json and a word in a paragraph normalise the same way ("privately fostered" and
 * "private fostering" both become `privat foster`).
 */

/** One word of the text: its light stem, the word as written (lower case), and whether it can carry meaning. */
export interface Token {
  readonly stem: string;
  readonly word: string;
  /** False for stop words and bare numbers: they keep phrase positions but never count as evidence of a match. */
  readonly content: boolean;
}

/**
 * Function words plus the connective words of inspection prose. Domain words ("children", "social") are left to
 * the inverse document frequency, which discounts them by how common they are in the archive.
 */
const STOP_WORDS = new Set(
  (
    'a about above after again against all almost also although am among an and any are as at be been before being ' +
    'below between both but by can could did do does doing done down during each either else enough etc even ever ' +
    'every few for from further had has have having he her here hers herself him himself his how however i if in ' +
    'into is it its itself just least less many may me might more most much must my myself no nor not now of off ' +
    'often on once one only or other others otherwise our ours ourselves out over own per quite rather same she ' +
    'should since so some such than that the their theirs them themselves then there therefore these they this ' +
    'those though through thus to too under until up upon us very was we were what when where whether which while ' +
    'who whom whose why will with within without would yet you your yours yourself yourselves ' +
    // Words every inspection paragraph uses whatever its subject, and light verbs ("go missing") whose noun
    // carries the meaning.
    'ensure ensures ensuring ensured make makes made take takes taken steps step well good improve improves improved ' +
    'improving improvement improvements including include includes example instance time times year years recently ' +
    'currently still already whole individual appropriate appropriately sufficient sufficiently consistently ' +
    'inspection inspectors inspector ofsted local authority council go goes going gone went get gets got'
  ).split(/\s+/),
);

/** Typographic variants and markup that would otherwise split or hide words (most text needs none of it). */
function normalise(text: string): string {
  let plain = text;
  if (/[^\x00-\x7f]/.test(plain)) {
    plain = plain.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019\u02bc]/g, "'");
  }
  if (plain.includes('`')) plain = plain.replace(/`/g, "'");
  if (plain.includes('<')) plain = plain.replace(/<\/?[a-z][^>]*>/gi, ' ');
  return plain;
}

/**
 * A light suffix stripper in the spirit of Porter's first steps: plurals, -ing/-ed, -ness/-ment/-ly, -ion after
 * s or t, and a final -e or -y. It conflates the inflections that matter here (plan/plans/planning,
 * timely/timeliness, supervise/supervision, assess/assessments) without Porter's harder rules, which mostly serve
 * vocabulary these reports do not use.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  const inflected = /^(.{3,}?)(ing|ed)$/.exec(w);
  if (inflected && /[aeiouy]/.test(inflected[1])) {
    w = inflected[1];
    // planned → plann → plan; but not fall/miss/buzz, whose double letter is part of the word.
    if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
  } else if (/.{4,}(ness|ment)$/.test(w)) {
    w = w.slice(0, -4);
  } else if (/.{5,}ly$/.test(w)) {
    w = w.slice(0, -2);
  } else if (/.{3,}[st]ion$/.test(w)) {
    w = w.slice(0, -3);
  }
  if (/[^aeiou]y$/.test(w) && w.length > 3) w = `${w.slice(0, -1)}i`;
  else if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/**
 * The token of one word as written. Archive prose reuses a few thousand words endlessly, so each distinct word is
 * analysed once and its (frozen) token shared: tokenising 300,000 paragraphs is then mostly table lookups.
 */
const tokenCache = new Map<string, Token | null>();

function tokenOf(written: string): Token | null {
  let token = tokenCache.get(written);
  if (token !== undefined) return token;
  let raw = written.replace(/'s$/i, '').replace(/'$/, '');
  const acronym = /^[A-Z]{2,}s?$/.test(raw) && raw.length <= 6;
  if (acronym) raw = raw.replace(/s$/, '');
  const word = raw.toLowerCase().replace(/'/g, '');
  const isNumber = /^\d+$/.test(word);
  token = word
    ? Object.freeze({
        stem: acronym || isNumber ? word : stem(word),
        word,
        content: !isNumber && word.length > 1 && (acronym || !STOP_WORDS.has(word)),
      })
    : null;
  tokenCache.set(written, token);
  return token;
}

/**
 * Split text into tokens. Possessives and hyphens are word breaks ("children's" → children, "decision-making" →
 * decision making). A word written in capitals is an acronym and is never a stop word, so "IT systems" keeps
 * "it" while the pronoun "It" is dropped; an acronym's plural "PAs" becomes "pa".
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const written of normalise(text).match(/[A-Za-z0-9]+(?:'[A-Za-z]+)?/g) ?? []) {
    const token = tokenOf(written);
    if (token) tokens.push(token);
  }
  return tokens;
}

/** Order strings by UTF-16 code units: unlike localeCompare, the same on every machine and in every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
