/**
 * One search, from the words typed to the passages shown: the report index once per query word (report-index.ts),
 * the reports ranked by their best passages from the passage postings (src/lib/search/rank.ts), and for the reports
 * shown their passage index and the text of the passages shown. Every file is read through a `Get` (files.ts): with
 * `fetchJson`, a second search or "show more" reuses what the first fetched; with `loadedJson`, the search runs
 * from the files already loaded or not at all (`NotLoaded`), and shows the passages' links before their text.
 */
import glossary from '../../../content/glossary.json';
import { passageIndexUrl, passageTextUrl, PASSAGES_PER_TEXT_FILE, reportWordsUrl, StemPostings, type MatchedWord, type PassageIndex, type PostingsFile } from '../../lib/search/passage-index.ts';
import { compoundCandidates, groupWords, holdsPhrase, joinCompounds, parseQuery, type QueryGroup } from '../../lib/search/query.ts';
import { answered, candidateReports, fullMatches, groupWeights, partialPassages, passagesToShow, reportScore, reportWeights, scorePassages, scoreTogether, type Candidate, type Candidates, type PassageScore, type WordHit, type WordResults } from '../../lib/search/rank.ts';
import { termScore, type Posting } from '../../lib/search/report-index.ts';
import { reportFilter } from '../../lib/search/facets.ts';
import { stem } from '../../lib/search/stem.ts';
import { suggestWord, vocabularyUrl, type VocabularyFile } from '../../lib/search/suggest.ts';
import { activeFacets, type SearchState } from '../../lib/search/state.ts';
import { required } from '../../lib/required.ts';
import { fetchJson, loadedJson, loadFacetIndex, loadMeta, NotLoaded, passageIndexOf, postings, reportStemWords, type Get } from './files.ts';

/**
 * Reports whose passages are looked at before the first are shown. The report index's order knows nothing of which
 * words share a passage; the passages of this many reports decide the order shown, at one or two small word
 * files per report and query word (bench/results/relevance.md, docs/architecture.md).
 */
export const REPORTS_RANKED_BY_PASSAGE = 10;
/** Passages whose text is read to check a quoted phrase, per report (four to a text file). */
const PHRASE_CHECKS = 16;
/** Reports looked at, at most, while those looked at do not answer the query (rank.ts `answered`). */
const REPORTS_LOOKED_AT = 30;

/** A report of the results: its passages that answer the search, best first, and how many are shown. */
export interface ReportHits {
  id: string;
  index: PassageIndex;
  ranked: PassageScore[];
  texts: Map<number, string>;
  shown: number;
  /** The vocabulary words the search matched in this report, with the passages holding each. */
  matched: MatchedWord[];
}

interface Prepared {
  id: string;
  passages: PassageScore[];
  matched: MatchedWord[];
  rank: { required: number; score: number };
}

export interface SearchOutcome {
  groups: QueryGroup[];
  candidates: Candidates;
  /** Report ids in the order shown. */
  order: string[];
  /** How many reports hold every group some report holds. */
  total: number;
  /** The same without the filters chosen. */
  unfiltered: number;
  /** With no signal, how many reports of the whole archive hold them (`total` counts those stored on the device). */
  beyondKept?: number;
  /** Reports shown so far. */
  reports: ReportHits[];
  /** For each group no report holds, a word of the archive spelt like it (or null). */
  suggestions: Map<number, string | null>;
}

/**
 * The reports holding each of `words` (by report id), with each one's score for the word; `keep` leaves out the
 * reports a filter excludes.
 */
export async function searchWords(words: readonly string[], keep?: (report: number) => boolean, get: Get = fetchJson): Promise<Map<string, ReadonlyMap<string, WordHit>>> {
  const { reports } = await loadMeta(get);
  const entries = await Promise.all(
    words.map(async (word) => {
      const stemmed = stem(word);
      const holders = await postings(stemmed, get);
      if (keep) return [word, hitsOf(holders.filter((p) => keep(p.report)), holders.length, reports)] as const;
      let hits = unfilteredHits.get(stemmed);
      if (!hits) unfilteredHits.set(stemmed, (hits = hitsOf(holders, holders.length, reports)));
      return [word, hits] as const;
    }),
  );
  return new Map(entries);
}

/**
 * Each stem's reports and scores, without a filter: the same at every keystroke's search and the search after the
 * pause, and the same object, so that `rankReports` knows its candidates again.
 */
const unfilteredHits = new Map<string, ReadonlyMap<string, WordHit>>();
const hitsOf = (kept: readonly Posting[], holders: number, reports: number) =>
  new Map(
    kept.map((p): [string, WordHit] => {
      const score = termScore(p.passages, holders, reports);
      return [String(p.report), p.name === undefined ? { score } : { score, name: p.name }];
    }),
  );

/**
 * The reports ranked by the report index, and those holding every group the best hold: for 5,000 reports the
 * costliest step of a search before its requests (tens of milliseconds for common words). The keystroke's search
 * (`loadedJson`) ranks them, then stops at the first file not loaded; the search after the pause, with the same
 * words, takes them from here.
 */
let lastRanked: { groups: string; results: WordResults; candidates: Candidates; full: Candidate[] } | undefined;
function rankReports(groups: readonly QueryGroup[], results: WordResults): { candidates: Candidates; full: Candidate[] } {
  const key = JSON.stringify(groups);
  const same = lastRanked && lastRanked.groups === key && lastRanked.results.size === results.size && [...results].every(([word, hits]) => lastRanked?.results.get(word) === hits);
  if (same && lastRanked) return lastRanked;
  const candidates = candidateReports(groups, results);
  lastRanked = { groups: key, results, candidates, full: fullMatches(groups, results, candidates) };
  return lastRanked;
}

/** Which reports the facets chosen in `state` allow: undefined (all of them) when none is chosen. */
async function facetFilter(state: SearchState, get: Get): Promise<((report: number) => boolean) | undefined> {
  return activeFacets(state).length > 0 ? reportFilter(await loadFacetIndex(get), state) : undefined;
}

/**
 * Where a report's passage index and passage postings are read: online, from the archive's files (passage-index.ts);
 * `stored`, with no signal, from the report's own files, which the device stores with the report.
 */
function reportFiles(get: Get, stored: boolean) {
  return {
    index: (id: string) => (stored ? get<PassageIndex>(passageIndexUrl(id)) : passageIndexOf(Number(id), passageIndexUrl(id), get)),
    words: async (id: string, stemmed: string) =>
      stored ? new StemPostings(await get<PostingsFile>(reportWordsUrl(id)), stemmed, Number(id)).of(Number(id)) : reportStemWords(Number(id), stemmed, get),
  };
}
type ReportFiles = ReturnType<typeof reportFiles>;

/** The words a search matched in one report, per query word, from the passage postings of their stems. */
async function reportWords(files: ReportFiles, id: string, queryWords: readonly string[]): Promise<Map<string, MatchedWord[]>> {
  return new Map(await Promise.all(queryWords.map(async (word) => [word, await files.words(id, stem(word))] as const)));
}

async function passageText(id: string, passage: number, get: Get = fetchJson): Promise<string> {
  const texts = await get<string[]>(passageTextUrl(id, Math.floor(passage / PASSAGES_PER_TEXT_FILE)));
  return texts[passage % PASSAGES_PER_TEXT_FILE] ?? '';
}

/** A quoted phrase holds only where its words stand together: passages where they do not are not shown. */
async function checkPhrases(get: Get, id: string, groups: readonly QueryGroup[], weights: readonly number[], passages: PassageScore[]): Promise<PassageScore[]> {
  for (const [at, group] of groups.entries()) {
    if (!group.phrase) continue;
    const holding = passages.filter((p) => p.groups.includes(at)).sort((a, b) => b.score - a.score);
    const checked = new Set(
      (await Promise.all(holding.slice(0, PHRASE_CHECKS).map(async (p) => (holdsPhrase(await passageText(id, p.passage, get), group.alternatives[0]) ? p : null)))).filter(Boolean),
    );
    for (const p of holding) {
      if (checked.has(p)) continue;
      p.groups = p.groups.filter((g) => g !== at);
      p.required--;
      p.score -= weights[at];
    }
  }
  const phrases = groups.flatMap((group, at) => (group.phrase ? [at] : []));
  return passages.filter((p) => p.groups.length > 0 && phrases.every((at) => p.groups.includes(at)));
}

/**
 * The query's groups, with compounds the archive writes the other way: "letter box" also as "letterbox", and a word
 * the archive does not use split where both parts are its words (query.ts `joinCompounds`).
 */
async function readQuery(query: string, get: Get): Promise<QueryGroup[]> {
  const parsed = parseQuery(query, glossary.entries);
  const reportsOf = async (word: string) => [word, new Set((await postings(stem(word), get)).map((p) => p.report))] as const;
  const typed = new Map(await Promise.all(parsed.filter((g) => g.alternatives.length === 1 && g.alternatives[0].length === 1).map((g) => reportsOf(g.typed))));
  const candidates = compoundCandidates(parsed, (word) => typed.get(word)?.size === 0);
  const holders = new Map([...typed, ...(await Promise.all(candidates.map(reportsOf)))]);
  return joinCompounds(parsed, (word) => holders.get(word) ?? new Set());
}

/** A search's state between its steps, so that "show more" continues it. */
export class SearchRun {
  private prepared = new Map<string, Promise<Prepared>>();
  private weights: number[] = [];
  /** How many required groups the best reports hold (rank.ts `Candidates.held`). */
  private held = 0;
  /**
   * The groups naming an authority (rank.ts `Candidates.named`), and by id the candidates it names: what
   * `reportWeights` needs (the others, thousands at 5,000 reports, count the name's words as mentions).
   */
  private nameGroups: number[] = [];
  private namedCandidates = new Map<string, Candidate>();

  private readonly state: SearchState;
  readonly groups: QueryGroup[];
  private readonly results: WordResults;
  private readonly get: Get;
  private readonly files: ReportFiles;

  constructor(state: SearchState, groups: QueryGroup[], results: WordResults, get: Get, stored: boolean) {
    this.state = state;
    this.groups = groups;
    this.results = results;
    this.get = get;
    this.files = reportFiles(get, stored);
  }

  /**
   * `keep`, with no signal: only the reports it keeps (those stored on this device, src/lib/offline/search.ts) are
   * ranked and shown; `outcome.beyondKept` then counts the reports the whole archive has for the search.
   * `get`: `loadedJson` ranks from the files already loaded, or throws `NotLoaded`.
   */
  static async start(state: SearchState, { keep, get = fetchJson }: { keep?: (id: string) => boolean; get?: Get } = {}): Promise<{ run: SearchRun; outcome: SearchOutcome }> {
    const groups = await readQuery(state.query, get);
    const filter = await facetFilter(state, get);
    const found = await searchWords(groupWords(groups), filter, get);
    const results = keep ? new Map([...found].map(([word, byId]) => [word, new Map([...byId].filter(([id]) => keep(id)))])) : found;
    const run = new SearchRun(state, groups, results, get, keep !== undefined);
    const outcome = await run.rank();
    if (keep) outcome.beyondKept = fullMatches(groups, found).length;
    // With filters chosen, the count without them too: the same term files, already loaded.
    if (filter) outcome.unfiltered = fullMatches(groups, await searchWords(groupWords(groups), undefined, get)).length;
    return { run, outcome };
  }

  private prepare(id: string): Promise<Prepared> {
    let preparing = this.prepared.get(id);
    if (!preparing) {
      preparing = (async () => {
        const words = await reportWords(this.files, id, [...this.results].flatMap(([word, byId]) => (byId.has(id) ? [word] : [])));
        const weights = reportWeights(this.weights, this.nameGroups, this.namedCandidates.get(id));
        const scored = await checkPhrases(this.get, id, this.groups, weights, scorePassages(this.groups, words, weights));
        let passages = scoreTogether(this.groups, weights, this.held, words, scored);
        if (passages.length === 0 && !this.groups.some((g) => g.phrase)) passages = partialPassages(this.groups, words, weights);
        const matched = [...new Map([...words.values()].flat().map((m) => [m.word, m])).values()];
        return { id, passages, matched, rank: reportScore(passages) };
      })();
      this.prepared.set(id, preparing);
    }
    return preparing;
  }

  private async rank(): Promise<SearchOutcome> {
    const { candidates, full } = rankReports(this.groups, this.results);
    this.weights = groupWeights(this.groups, candidates.reportsPerGroup, (await loadMeta(this.get)).reports);
    this.held = candidates.held;
    this.nameGroups = candidates.named;
    this.namedCandidates = new Map(candidates.named.length === 0 ? [] : candidates.reports.filter((c) => c.named.length > 0).map((c) => [c.id, c]));
    let order: string[];
    let dropped = 0;
    if (this.state.sort === 'date') {
      // Reports are numbered newest first.
      order = candidates.reports.map((c) => c.id).sort((a, b) => Number(a) - Number(b));
    } else {
      const first = await Promise.all(full.slice(0, REPORTS_RANKED_BY_PASSAGE).map((c) => this.prepare(c.id)));
      // The reports looked at may not answer (a quoted phrase none holds, a name none says): look further, a batch
      // at a time.
      for (let from = first.length; from < Math.min(full.length, REPORTS_LOOKED_AT) && !answered(this.groups, first.map((p) => p.passages)); from += REPORTS_RANKED_BY_PASSAGE) {
        first.push(...(await Promise.all(full.slice(from, from + REPORTS_RANKED_BY_PASSAGE).map((c) => this.prepare(c.id)))));
      }
      const ranked = first
        .map((p, at) => ({ p, at }))
        .sort((a, b) => b.p.rank.score - a.p.rank.score || a.at - b.at)
        .map(({ p }) => p);
      // A quoted phrase that none of a report's passages holds leaves the report out.
      const kept = ranked.filter((p) => p.passages.length > 0).map((p) => p.id);
      const looked = new Set(ranked.map((p) => p.id));
      dropped = looked.size - kept.length;
      order = [...kept, ...candidates.reports.map((c) => c.id).filter((id) => !looked.has(id))];
    }
    const suggestions = new Map<number, string | null>();
    await Promise.all(
      candidates.missing.map(async (at) => {
        const word = required(this.groups[at].alternatives[0].at(-1), `the last word of query group ${at}`);
        const vocabulary = await this.get<VocabularyFile>(vocabularyUrl(word)).catch((error: unknown) => {
          if (error instanceof NotLoaded) throw error;
          return [] as VocabularyFile;
        });
        suggestions.set(at, suggestWord(word, vocabulary));
      }),
    );
    const total = full.length - dropped;
    return { groups: this.groups, candidates, order, total, unfiltered: total, reports: [], suggestions };
  }

  /**
   * The reports at `ids`, with their passage index and the text of their first `count` passages; a report left with
   * no passage (a quoted phrase none of its passages holds) is left out. `texts: 'loaded'`: only the texts already
   * loaded, the others left for a later search to fetch (the links are shown at once, their excerpts then).
   */
  async reportHits(ids: readonly string[], count: number, { texts: which = 'fetch' }: { texts?: 'fetch' | 'loaded' } = {}): Promise<ReportHits[]> {
    const chosen = new Set(this.state.filters.theme);
    const reports = await Promise.all(
      ids.map(async (id): Promise<ReportHits> => {
        const loadingIndex = this.files.index(id);
        const prepared = await this.prepare(id);
        // The passages' text does not wait for the passage index, unless a chosen theme decides which come first
        // (from the report's own passage index: the one of every report holds no themes).
        const themed = chosen.size ? themedPassages(await this.get<PassageIndex>(passageIndexUrl(id)), chosen) : undefined;
        const ranked = passagesToShow(prepared.passages, { documentOrder: this.state.sort === 'date', themed });
        const shown = ranked.slice(0, count);
        const [index, texts] = await Promise.all([loadingIndex, passageTexts(id, shown, which === 'loaded' ? loadedOrEmpty : fetchJson)]);
        return { id, index, ranked, texts, shown: shown.length, matched: prepared.matched };
      }),
    );
    return reports.filter((report) => report.ranked.length > 0);
  }
}

/** The passages of a report carrying one of the `chosen` themes. */
function themedPassages(index: PassageIndex, chosen: ReadonlySet<string>): Set<number> {
  return new Set(index.passages.flatMap(([, , themes], passage) => (themes.some((t) => chosen.has(index.themes[t])) ? [passage] : [])));
}

/** Reads a file already loaded; any other stands for no text yet (an empty list). */
const loadedOrEmpty: Get = <T>(url: string) => loadedJson<T>(url).catch(() => [] as T);

/** The text of some passages of a report, by passage. */
async function passageTexts(id: string, passages: readonly PassageScore[], get: Get = fetchJson): Promise<Map<number, string>> {
  const texts = await Promise.all(passages.map(({ passage }) => passageText(id, passage, get)));
  return new Map(passages.map(({ passage }, at) => [passage, texts[at]]));
}

/** Fetches the text of the report's next `count` passages and counts them as shown. */
export async function showPassages(report: ReportHits, count: number): Promise<void> {
  const next = report.ranked.slice(report.shown, report.shown + count);
  for (const [passage, text] of await passageTexts(report.id, next)) report.texts.set(passage, text);
  report.shown += next.length;
}

/** The matched words standing in one passage: what its excerpt marks and its link passes on. */
export function wordsIn(report: ReportHits, passage: number): Set<string> {
  return new Set(report.matched.filter((m) => m.passages.includes(passage)).map((m) => m.word));
}
