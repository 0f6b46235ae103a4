/**
 * Ranking a search in two steps, both pure.
 *
 * 1. `candidateReports`: the report index is read once per query word (`groupWords`); a report is a candidate for
 *    the groups it holds (a group is held when every word of one of its alternatives is). Reports holding the most
 *    groups come first, then those of an authority the query names (`named`), then by the sum of their scores for the
 *    words that made them match (`termScore`).
 * 2. `scorePassages`: for the first reports of that order, the report's word files say which passages hold which
 *    matched words. A passage scores the inverse document frequency of each group it holds (a rare word such as
 *    "Compass" counts for more than "children"), a little less for a group held only through another form of a word
 *    ("carers" for "care") or another name from the glossary. A report is then ranked by its best passage, and by how
 *    many of its passages hold every group, so that the report whose paragraph answers the question leads, not the one
 *    that mentions each word somewhere.
 */
import type { MatchedWord } from './passage-index.ts';
import { neighbourPairs, pairsTogether, type QueryGroup } from './query.ts';

/** One query word's result for one report. */
export interface WordHit {
  score: number;
  /** The word is of the report's authority's name, which has this many stems (report-index.ts `Posting.name`). */
  name?: number;
}

/** The report index's results for each query word, by report id. */
export type WordResults = ReadonlyMap<string, ReadonlyMap<string, WordHit>>;

export interface Candidate {
  id: string;
  /** Positions in the query's groups of the groups the report holds. */
  groups: number[];
  /**
   * Positions of the groups that are the words of the report's authority's name, when the query holds the whole name
   * ("South Gloucestershire", not "south"); otherwise none. A reader naming an authority asks for its reports, not for
   * other reports' paragraphs that mention it.
   */
  named: readonly number[];
  score: number;
}

export interface Candidates {
  /** Reports holding at least one required group, best first. */
  reports: Candidate[];
  /** How many required groups the best reports hold. */
  held: number;
  /** Positions of the required groups no report holds. */
  missing: number[];
  /**
   * How rare each group is, by group position: the reports holding it as typed, or through any of its forms when none
   * does (0: no report holds it). Not through the other forms when the typed one is found: "MARAC" is in 4 reports
   * of 60, the words of "multi-agency risk assessment conference" scattered in 51.
   */
  reportsPerGroup: number[];
  /** Positions of the groups naming an authority in full, for some candidate (`Candidate.named`). */
  named: number[];
}

export function candidateReports(groups: readonly QueryGroup[], results: WordResults): Candidates {
  // At 5,000 reports a common word is held by every one of them, and the search page ranks them between two keys:
  // each word's results are looked up once, not once per report, and each candidate's count of required groups is
  // worked out once and kept beside it for the sort, not looked up at every comparison.
  const ids = new Set<string>();
  for (const byId of results.values()) for (const id of byId.keys()) ids.add(id);
  const alternativeHits = groups.map((group) => group.alternatives.map((words) => words.map((word) => results.get(word))));
  const reportsPerGroup = groups.map(() => 0);
  const reportsAsTyped = groups.map(() => 0);
  const ranked: Array<{ candidate: Candidate; required: number }> = [];
  const allOptional = groups.every((group) => group.optional);
  const nameGroups = new Set<number>();
  // Most reports hold no word of an authority's name the query names: they share one empty list.
  const notNamed: readonly number[] = [];
  for (const id of ids) {
    const held: number[] = [];
    let own: number[] | undefined;
    let nameStems = 0;
    let score = 0;
    let required = 0;
    for (let at = 0; at < alternativeHits.length; at++) {
      // The best of the alternatives holding every word: the mean of their words' scores.
      let best = -Infinity;
      let asTyped = false;
      // Set when the group is one word, as typed, of the report's authority's name.
      let name: number | undefined;
      const alternatives = alternativeHits[at];
      for (let which = 0; which < alternatives.length; which++) {
        const words = alternatives[which];
        let sum = 0;
        let holdsAll = true;
        for (const byId of words) {
          const hit = byId?.get(id);
          if (!hit) {
            holdsAll = false;
            break;
          }
          sum += hit.score;
          if (which === 0 && words.length === 1) name = hit.name;
        }
        if (!holdsAll) continue;
        best = Math.max(best, sum / words.length);
        if (which === 0) asTyped = true;
      }
      if (best === -Infinity) continue;
      if (name !== undefined) {
        (own ??= []).push(at);
        nameStems = name;
      }
      reportsPerGroup[at]++;
      if (asTyped) reportsAsTyped[at]++;
      held.push(at);
      if (!groups[at].optional) required++;
      score += best;
    }
    const named = own && own.length >= nameStems ? own : notNamed;
    for (const at of named) nameGroups.add(at);
    if (required > 0 || allOptional) ranked.push({ candidate: { id, groups: held, named, score }, required });
  }
  ranked.sort(
    (a, b) =>
      b.required - a.required ||
      b.candidate.named.length - a.candidate.named.length ||
      b.candidate.score - a.candidate.score ||
      (a.candidate.id < b.candidate.id ? -1 : 1),
  );
  return {
    reports: ranked.map(({ candidate }) => candidate),
    held: ranked.length ? ranked[0].required : 0,
    missing: groups.flatMap((group, at) => (!group.optional && reportsPerGroup[at] === 0 ? [at] : [])),
    reportsPerGroup: reportsPerGroup.map((count, at) => reportsAsTyped[at] || count),
    named: [...nameGroups].sort((a, b) => a - b),
  };
}

/** The reports holding every required group that the best candidates hold (`all`: the candidates, if known). */
export function fullMatches(groups: readonly QueryGroup[], results: WordResults, all = candidateReports(groups, results)): Candidate[] {
  return all.reports.filter((c) => c.groups.filter((g) => !groups[g].optional).length === all.held);
}

/** The words a search matched in one report, per query word (`groupWords`), read from its word files. */
export type ReportWords = ReadonlyMap<string, readonly MatchedWord[]>;

/** How much a group held only through another form of a word, or another glossary name, counts. */
const OTHER_FORM = 0.8;
/** How much an optional word ("the", "how") counts against a required one of the same rarity. */
const OPTIONAL_WEIGHT = 0.1;
/** How much each further passage as good as the best adds to a report's score (on a log scale). */
const COVERAGE_WEIGHT = 0.15;
/** A passage scoring at least this share of the best counts as good as the best. */
const AS_GOOD = 0.95;

export interface PassageScore {
  passage: number;
  /** Positions of the groups it holds. */
  groups: number[];
  /** Positions of the required groups it holds. */
  required: number;
  score: number;
  /**
   * It holds every group the best reports hold, and each pair of neighbouring query words among them stands together
   * in it (`scoreTogether`): the query's words as one thing, as "residential and semi-independent" names a kind of home.
   */
  together?: true;
}

/** A figure the reader typed ("55%", "2019", "20 miles"): it asks for that exact figure, however many reports print it. */
const isFigure = (group: QueryGroup) => !group.phrase && group.alternatives.length === 1 && /^\d[\d.,]*$/.test(group.typed);

/**
 * Inverse document frequency of each group, from how many of `total` reports hold it; a figure weighs as the rarest
 * word (held by one report), so a passage with "55%" leads one that holds a commoner word of the query instead.
 */
export function groupWeights(groups: readonly QueryGroup[], reportsPerGroup: readonly number[], total: number): number[] {
  return groups.map((group, at) => Math.log(1 + total / (isFigure(group) ? 1 : Math.max(1, reportsPerGroup[at]))) * (group.optional ? OPTIONAL_WEIGHT : 1));
}

/**
 * How much a word of an authority's name the query names counts in a passage of a report of another authority (a
 * mention: "children placed in Swindon"), against a passage of the authority's own report, where every passage holds it.
 */
const MENTION_WEIGHT = 0.5;

/**
 * The group weights for one report's passages: when the query names an authority (some candidate is `named`), the
 * words of its name count `MENTION_WEIGHT` in a report that is not the authority's own. Without this, at 1,000
 * reports, other reports' paragraphs mentioning "Swindon" fill the first places for "Swindon out of hours service".
 */
export function reportWeights(weights: readonly number[], nameGroups: readonly number[], candidate: Pick<Candidate, 'named'> | undefined): readonly number[] {
  if (nameGroups.length === 0) return weights;
  const own = new Set(candidate?.named);
  return weights.map((weight, at) => (nameGroups.includes(at) && !own.has(at) ? weight * MENTION_WEIGHT : weight));
}

/** Every passage of a report holding at least one group, with what it holds and its score. */
export function scorePassages(groups: readonly QueryGroup[], words: ReportWords, weights: readonly number[]): PassageScore[] {
  const byPassage = new Map<number, PassageScore>();
  groups.forEach((group, at) => {
    // For each passage, the best way it holds the group: 1 through the typed words themselves, OTHER_FORM otherwise.
    const strength = new Map<number, number>();
    group.alternatives.forEach((alternative, which) => {
      let holders: Map<number, number> | undefined;
      for (const word of alternative) {
        const here = new Map<number, number>();
        for (const matched of words.get(word) ?? []) {
          const exact = which === 0 && matched.word === word ? 1 : OTHER_FORM;
          for (const passage of matched.passages) here.set(passage, Math.max(here.get(passage) ?? 0, exact));
        }
        holders = holders ? new Map([...holders].filter(([p]) => here.has(p)).map(([p, s]) => [p, Math.min(s, here.get(p) ?? 0)])) : here;
      }
      for (const [passage, s] of holders ?? []) strength.set(passage, Math.max(strength.get(passage) ?? 0, s));
    });
    for (const [passage, s] of strength) {
      const entry = byPassage.get(passage) ?? { passage, groups: [], required: 0, score: 0 };
      entry.groups.push(at);
      if (!group.optional) entry.required++;
      entry.score += weights[at] * s;
      byPassage.set(passage, entry);
    }
  });
  return [...byPassage.values()];
}

/**
 * How much each pair of neighbouring query words (`neighbourPairs`) standing together in a passage adds, as a share of
 * the lighter word's weight: "young carers" answers best where "young" and "carers" meet, not in a paragraph on young
 * people that mentions foster carers; and among passages holding the same words, the one saying them together leads.
 */
const TOGETHER_WEIGHT = 1;

/** Where the words a query word matched stand in one passage (`MatchedWord.places`). */
const placesIn = (matched: readonly MatchedWord[], passage: number) =>
  matched.map(({ passages, places }) => {
    const at = passages.indexOf(passage);
    return at < 0 ? '' : places[at];
  }).join('');

/**
 * Passages of a report that can gain the words-together bonus: its best, not every passage saying the words together,
 * so that a report repeating a phrase through a whole section ("care leavers") does not lead on the number of its
 * passages as good as the best (`COVERAGE_WEIGHT`) alone. With every passage: one query of relevance-60.json moved
 * from first to fourth (Kensington and Chelsea 2016 over 2025), the held-out sets unchanged; 2, 3: the same figures.
 */
const TOGETHER_PASSAGES = 3;

/**
 * The passages with the bonus of the neighbouring query words (`neighbourPairs`) standing together in them, read
 * from where the report's matched words stand (`words`, the passage postings: no passage text needed). Only the
 * report's best passages (`TOGETHER_PASSAGES`) holding every group the best reports hold (`held`) gain it: words
 * together never make up for one missing.
 */
export function scoreTogether(groups: readonly QueryGroup[], weights: readonly number[], held: number, words: ReportWords, passages: readonly PassageScore[]): PassageScore[] {
  // A group every passage holds is the report's authority or year (passage-index.ts `vocabulary`): its words standing
  // together with the others' say nothing ("care leavers in Hertfordshire").
  const everywhere = (at: number) => passages.length > 1 && passages.every((p) => p.groups.includes(at));
  const pairs = neighbourPairs(groups).filter(([a, b]) => !everywhere(a) && !everywhere(b));
  if (pairs.length === 0) return passages.map((passage) => (passage.required >= held ? { ...passage, together: true } : passage));
  const best = new Set([...passages].filter((p) => p.required >= held).sort((a, b) => b.score - a.score).slice(0, TOGETHER_PASSAGES));
  return passages.map((passage) => {
    if (!best.has(passage)) return passage;
    const together = pairsTogether(groups, pairs, (word) => placesIn(words.get(word) ?? [], passage.passage));
    const holds = ([a, b]: readonly [number, number]) => passage.groups.includes(a) && passage.groups.includes(b);
    const bonus = pairs.reduce((sum, pair, k) => (together[k] && holds(pair) ? sum + TOGETHER_WEIGHT * Math.min(weights[pair[0]], weights[pair[1]]) : sum), 0);
    const unit = pairs.every((pair, k) => together[k] || !holds(pair));
    return bonus > 0 || unit ? { ...passage, score: passage.score + bonus, ...(unit ? { together: true as const } : {}) } : passage;
  });
}

/** With a quoted phrase, reports are looked at until this many hold it (`answered`). */
export const PHRASE_REPORTS_WANTED = 3;
/**
 * A query of at most this many required groups names one thing (a scheme, an event, a kind of placement:
 * "residential semi-independent"), which one paragraph says with its words together; a longer one asks a question
 * whose words an answer need not hold together. Chosen on relevance-60.json and the first two held-out sets with
 * known-item queries (docs/architecture.md): with 4 or 5, long questions there lost first links to reports looked at
 * further down the report index's order.
 */
export const SHORT_QUERY_GROUPS = 3;

/**
 * Whether the reports looked at so far (each by its passages, `scoreTogether`'s) answer the query, or the next
 * reports of the report index's order should be looked at too. That order knows only how often each word occurs in
 * a report, so at 1,000 reports the one whose paragraph says "residential and semi-independent" can be twentieth
 * behind reports using each word in many paragraphs. A quoted phrase: once `PHRASE_REPORTS_WANTED` reports hold it.
 * A short query: once a passage holds its words together. A longer one: at once.
 */
export function answered(groups: readonly QueryGroup[], reports: ReadonlyArray<readonly PassageScore[]>): boolean {
  if (groups.some((group) => group.phrase)) return reports.filter((passages) => passages.length > 0).length >= PHRASE_REPORTS_WANTED;
  if (groups.filter((group) => !group.optional).length > SHORT_QUERY_GROUPS) return true;
  return reports.some((passages) => passages.some((passage) => passage.together));
}

/** How much a passage holding part of a group counts, when no passage of its report holds a whole one. */
const PART_WEIGHT = 0.5;

/**
 * For a report that holds a group's words only in different passages ("return" in one paragraph, "interview" in
 * another): its passages holding any of them, each word counting as a part of its group. They hold no whole group
 * (`required` 0), so the report ranks after every report with a passage that does, but it is not a dead end.
 */
export function partialPassages(groups: readonly QueryGroup[], words: ReportWords, weights: readonly number[]): PassageScore[] {
  const parts = groups.map((group) => ({ ...group, alternatives: [...new Set(group.alternatives.flat())].map((word) => [word]) }));
  return scorePassages(parts, words, weights.map((weight) => weight * PART_WEIGHT)).map((passage) => ({ ...passage, required: 0 }));
}

/**
 * A report's rank from its passages: its best passage's score, then how many passages are as good (within
 * `AS_GOOD`): a report that comes back to the subject leads one that mentions it once. The score, not how many
 * groups the passage holds, decides: a passage missing a common word of the query ("time" in "Darlington 55% health
 * assessments on time") can lead one missing a rare one, or the figure. `required`: the most groups any passage holds.
 */
export function reportScore(passages: readonly PassageScore[]): { required: number; score: number } {
  const required = Math.max(0, ...passages.map((p) => p.required));
  const top = Math.max(0, ...passages.map((p) => p.score));
  const asGood = passages.filter((p) => p.score >= top * AS_GOOD).length;
  return { required, score: asGood ? top + COVERAGE_WEIGHT * Math.log2(asGood) : 0 };
}

/** A passage is shown when it scores at least this share of its report's best: not every passage saying "children". */
const WORTH_SHOWING = 0.5;

/**
 * The passages to show of one report, best first by score (the rarity of the groups each holds, `scorePassages`),
 * down to `WORTH_SHOWING` of the best. With a theme chosen, passages carrying it come first when any match. With
 * `documentOrder`, the report's own order instead of the score.
 */
export function passagesToShow(passages: readonly PassageScore[], { documentOrder, themed }: { documentOrder: boolean; themed?: ReadonlySet<number> }): PassageScore[] {
  const inTheme = themed ? passages.filter((p) => themed.has(p.passage)) : [];
  const pool = inTheme.length > 0 ? inTheme : passages;
  const best = Math.max(0, ...pool.map((p) => p.score));
  return pool
    .filter((p) => p.score >= best * WORTH_SHOWING)
    .sort((a, b) => (documentOrder ? a.passage - b.passage : b.score - a.score || a.passage - b.passage));
}
