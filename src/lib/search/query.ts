/**
 * What a reader typed, as the search understands it: groups of words that must all be found ("return home
 * interviews" is three groups), a quoted phrase as one group whose words must stand together, and, through the
 * glossary, other ways of saying the same thing ("LADO" is also "local authority designated officer" and
 * "designated officer"). Pure; the browser uses it.
 */
import { indexWords, nextPlace } from './passage-index.ts';

/** The parts of a glossary entry the search uses (src/schemas/glossary.ts documents them). */
export interface GlossaryForms {
  term: string;
  expansion: string;
  also: readonly string[];
}

export interface QueryGroup {
  /** What the reader typed for it: "LADO", "bed and breakfast". */
  typed: string;
  /** Ways of saying it, each a list of index words that must all be in one passage: the typed words first. */
  alternatives: string[][];
  /** A quoted phrase: its words must stand together and in order in the passage. */
  phrase: boolean;
  /** A word such as "the" or "how": it ranks a little, but a report or passage need not hold it. */
  optional: boolean;
  /** The glossary entry it was read as, if any. */
  glossary?: GlossaryForms;
}

/**
 * Words that say little about the subject, so a report or passage need not hold them and they count only a little
 * (`OPTIONAL_WEIGHT` in rank.ts): a reader's "how many children are home educated" asks about home education, and
 * "families who don't speak English" about families and English, not a scheme called "Don't Hate". Quoted, or when a
 * query has nothing else, they are searched for like any word.
 */
export const OPTIONAL_WORDS: ReadonlySet<string> = new Set(
  [
    // Function words.
    'a an and any are as at be been being but by can could did do does doing for from had has have how if in into is it its',
    'many more most much of on or our over should so some such than that the their them then there these they this those',
    'to too very was we were what when where which who whom why will with would',
    // What contractions leave once their apostrophe splits them: "don't" is "don" and "t", "children's" ends in "s".
    "aren couldn d didn doesn don hasn haven isn ll m re s shouldn t ve wasn weren won wouldn not",
    // Verbs that could be said of any subject: "done too late", "keep changing", "get help".
    'done get gets getting got keep keeps kept make makes made go goes going went still',
  ].join(' ').split(' '),
);

/** Abbreviations that are also everyday words: they count as the abbreviation only when typed in capitals. */
const EVERYDAY_WORDS = new Set(['send']);

const QUOTES = /["“”]([^"“”]*)["“”]?/g;

/** Every form of an entry as index words: its term, its expansion and its other names. */
function formsOf(entry: GlossaryForms): string[][] {
  const forms = [entry.term, entry.expansion, ...entry.also].map((form) => queryWords(form));
  return forms.filter((words, at) => words.length > 0 && forms.findIndex((other) => other.join(' ') === words.join(' ')) === at);
}

/**
 * A query's words as the index holds them, lower case; a hyphenated word is its parts (both must be found), as the
 * index holds "well-being" as "well", "being" and "wellbeing".
 */
export function queryWords(text: string): string[] {
  return indexWords(text.replace(/[-‐‑]+/g, ' '));
}

/** Whether the query's words from `at` begin with `form` (a plural "s" on the form's last word is allowed). */
function startsWith(words: readonly string[], at: number, form: readonly string[]): boolean {
  if (at + form.length > words.length) return false;
  return form.every((word, k) => words[at + k] === word || (k === form.length - 1 && words[at + k] === `${word}s`));
}

/**
 * The groups of a query. Quoted text is one phrase group. Elsewhere, the longest glossary form starting at each word
 * becomes one group holding every form of its entry; other words are one group each.
 */
export function parseQuery(query: string, glossary: readonly GlossaryForms[]): QueryGroup[] {
  const groups: QueryGroup[] = [];
  const entries = glossary.map((entry) => ({ entry, forms: formsOf(entry) }));
  const addWords = (text: string) => {
    const typedTokens = text.split(/\s+/).filter(Boolean);
    const words = queryWords(text);
    const capitals = new Set(typedTokens.filter((token) => /^[A-Z]{2,}s?$/.test(token)).map((token) => token.toLowerCase()));
    for (let at = 0; at < words.length; ) {
      let best: { entry: GlossaryForms; forms: string[][]; length: number } | undefined;
      for (const { entry, forms } of entries) {
        for (const form of forms) {
          if (form.length === 1 && EVERYDAY_WORDS.has(form[0]) && !capitals.has(words[at])) continue;
          if (startsWith(words, at, form) && form.length > (best?.length ?? 0)) best = { entry, forms, length: form.length };
        }
      }
      if (best) {
        const { entry } = best;
        const typed = words.slice(at, at + best.length);
        at += best.length;
        // "PLO pre-proceedings": a second form of an entry already asked for adds nothing.
        if (groups.some((group) => group.glossary === entry)) continue;
        const alternatives = [typed, ...best.forms.filter((form) => form.join(' ') !== typed.join(' '))];
        groups.push({ typed: typed.join(' '), alternatives, phrase: false, optional: false, glossary: best.entry });
        continue;
      }
      const word = words[at++];
      if (groups.some((group) => !group.phrase && group.alternatives[0].join(' ') === word)) continue;
      groups.push({ typed: word, alternatives: [[word]], phrase: false, optional: OPTIONAL_WORDS.has(word) });
    }
  };
  let from = 0;
  for (const match of query.matchAll(QUOTES)) {
    addWords(query.slice(from, match.index));
    const words = queryWords(match[1]);
    // A quoted word is asked for, however common: "\"not\" recorded".
    if (words.length === 1) {
      const from = groups.length;
      addWords(match[1]);
      for (const group of groups.slice(from)) group.optional = false;
    }
    else if (words.length > 1) groups.push({ typed: words.join(' '), alternatives: [words], phrase: true, optional: false });
    from = match.index + match[0].length;
  }
  addWords(query.slice(from));
  // A query of nothing but common words ("what is") still searches for them.
  if (groups.every((group) => group.optional)) for (const group of groups) group.optional = false;
  return groups;
}

/**
 * The words of the glossary's other names for a query's terms ("rhi" for "return home interviews"), which the
 * finished query will search for too, so the search page can load them while the reader types: only once every word
 * typed is finished (`lastWordDone`: a space after it, or no word of the archive goes on from it), and only for terms
 * no longer glossary form could still take over ("care" might yet become "care leavers").
 */
export function alternativeWords(query: string, lastWordDone: boolean, glossary: readonly GlossaryForms[]): string[] {
  if (!lastWordDone) return [];
  const forms = glossary.flatMap(formsOf);
  const extendable = (typed: readonly string[]) => forms.some((form) => form.length > typed.length && startsWith(typed, 0, form.slice(0, typed.length)));
  const groups = parseQuery(query, glossary).filter((group) => group.glossary && !extendable(group.alternatives[0]));
  return [...new Set(groups.flatMap((group) => group.alternatives.slice(1).flat()))];
}

/** Every distinct index word a query's groups search for: one look-up in the report index each. */
export function groupWords(groups: readonly QueryGroup[]): string[] {
  return [...new Set(groups.flatMap((group) => group.alternatives.flat()))];
}

/** Whether a passage's text holds a phrase: its words next to each other, in order. */
export function holdsPhrase(text: string, phrase: readonly string[]): boolean {
  return ` ${queryWords(text).join(' ')} `.includes(` ${phrase.join(' ')} `);
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the first of `phrases` (each a list of index words) that a text holds begins in it, if any does. */
export function phraseOffset(text: string, phrases: readonly (readonly string[])[]): number | undefined {
  for (const phrase of phrases) {
    const at = new RegExp(`(?<![\\p{L}\\p{N}])${phrase.map(escape).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu').exec(text)?.index;
    if (at !== undefined) return at;
  }
  return undefined;
}

// ---- compound words ------------------------------------------------------------------------------------------------

/** A plain word of its own: one typed word, neither quoted, optional, a figure nor a glossary term. */
const plainWord = (group: QueryGroup | undefined): group is QueryGroup =>
  !!group && !group.phrase && !group.optional && !group.glossary && group.alternatives.length === 1 && group.alternatives[0].length === 1 && /^\p{L}+$/u.test(group.typed);

/** Parts a compound is split into are at least this long: "letter box", not "lett erbox". */
const COMPOUND_PART = 3;

/**
 * Compounds a query's words could be written as, to look up in the archive's vocabulary: each two neighbouring plain
 * words joined ("letter box" is "letterbox"), and each way of splitting a word the archive does not use (`unknown`)
 * into two ("childminder" is "child minder").
 */
export function compoundCandidates(groups: readonly QueryGroup[], unknown: (word: string) => boolean): string[] {
  const words = new Set<string>();
  groups.forEach((group, at) => {
    if (!plainWord(group)) return;
    if (plainWord(groups[at + 1])) words.add(group.typed + groups[at + 1].typed);
    if (unknown(group.typed)) for (const [left, right] of splits(group.typed)) words.add(left).add(right);
  });
  return [...words];
}

const splits = (word: string): Array<[string, string]> =>
  Array.from({ length: Math.max(0, word.length - 2 * COMPOUND_PART + 1) }, (_, k) => [word.slice(0, COMPOUND_PART + k), word.slice(COMPOUND_PART + k)]);

/**
 * The groups with the compounds the archive writes as one word as another way of saying them: "letter box" also
 * finds "letterbox" (each of the two words is held by a passage writing it joined), so the four reports writing it
 * apart and the forty writing it joined answer alike, each word keeping its own weight. A compound joins only where
 * it finds reports the words apart do not: "step-up" is indexed as "step", "up" and "stepup" alike, so "step up"
 * gains nothing from "stepup" but a rarer word to rank reports by. A word the archive does not use is split where
 * both parts are its words ("childminder" finds "child minder"). `holders`: the reports holding a word's stem.
 */
export function joinCompounds(groups: readonly QueryGroup[], holders: (word: string) => ReadonlySet<number>): QueryGroup[] {
  const known = (word: string) => holders(word).size > 0;
  const addsReports = (left: string, right: string) => {
    const [apart, together] = [[holders(left), holders(right)], holders(left + right)] as const;
    return [...together].some((report) => !apart[0].has(report) || !apart[1].has(report));
  };
  const joined = groups.map((group, at) => (plainWord(group) && plainWord(groups[at + 1]) && addsReports(group.typed, groups[at + 1].typed) ? group.typed + groups[at + 1].typed : undefined));
  return groups.map((group, at) => {
    if (!plainWord(group)) return group;
    const alternatives = [group.alternatives[0]];
    for (const compound of [joined[at - 1], joined[at]]) if (compound) alternatives.push([compound]);
    const split = !known(group.typed) && splits(group.typed).find(([left, right]) => known(left) && known(right));
    if (split) alternatives.push(split);
    return alternatives.length > 1 ? { ...group, alternatives } : group;
  });
}

// ---- words standing together ---------------------------------------------------------------------------------------

/**
 * Neighbouring groups of the query, as pairs of positions: words a reader types next to each other ("young carers")
 * answer best where they stand together. Optional words are passed over ("parents of exploited children" pairs
 * "parents" with "exploited"); a quoted phrase is already held only where it stands together.
 */
export function neighbourPairs(groups: readonly QueryGroup[]): Array<[number, number]> {
  const asked = groups.flatMap((group, at) => (group.optional || group.phrase ? [] : [at]));
  return asked.slice(1).map((at, k) => [asked[k], at]);
}

/**
 * Which of `pairs` stand together in a passage: a word of one group next to a word of the other, in either order
 * ("children who are exploited" for "exploited children"), common words between them passed over (passage-index.ts
 * `placedWords`). `placesOf`: where the words of a query word's stem stand in the passage, as place characters
 * (passage-index.ts `vocabulary`). A group of several words (a glossary expansion) meets by its first or last word.
 */
export function pairsTogether(groups: readonly QueryGroup[], pairs: ReadonlyArray<readonly [number, number]>, placesOf: (word: string) => string): boolean[] {
  const ends = (group: QueryGroup, end: 'first' | 'last') => group.alternatives.map((words) => placesOf(end === 'first' ? words[0] : words[words.length - 1])).join('');
  const follows = (before: string, after: string) => [...before].some((place) => after.includes(nextPlace(place)));
  return pairs.map(([a, b]) => follows(ends(groups[a], 'last'), ends(groups[b], 'first')) || follows(ends(groups[b], 'last'), ends(groups[a], 'first')));
}
