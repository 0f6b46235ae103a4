/**
 * One search, from the words typed to the passages shown: Pagefind once per query word, the reports ranked by their
 * best passages (src/lib/search/rank.ts), and for the reports shown their passage index and the text of the passages
 * shown. Every file is fetched through `fetchJson`, so a second search or "show more" reuses what the first fetched.
 */
import glossary from '../../../content/glossary.json';
import { passageIndexUrl, passageTextUrl, passageWordsUrl, PASSAGES_PER_TEXT_FILE, wordFileOf, wordsAt, type MatchedWord, type PassageIndex, type WordFile } from '../../lib/search/passage-index.ts';
import { acceptsMatch, groupWords, holdsPhrase, parseQuery, type QueryGroup } from '../../lib/search/query.ts';
import { candidateReports, groupWeights, passagesToShow, reportScore, scorePassages, type Candidates, type PassageScore, type WordHit } from '../../lib/search/rank.ts';
import { suggestWord, vocabularyUrl, type VocabularyFile } from '../../lib/search/suggest.ts';
import { pagefindFilters, type SearchState } from '../../lib/search/state.ts';
import { fetchJson, type Pagefind } from './pagefind.ts';

/**
 * Reports whose passages are looked at before the first are shown. Pagefind's order of reports knows nothing of
 * which words share a passage; the passages of this many reports decide the order shown, at one or two small word
 * files per report and query word (bench/results/relevance.md, docs/architecture.md).
 */
export const REPORTS_RANKED_BY_PASSAGE = 10;
/** Passages whose text is read to check a quoted phrase, per report (four to a text file). */
const PHRASE_CHECKS = 16;
/** With a quoted phrase, reports are checked until this many hold it, or this many more have been looked at. */
const PHRASE_REPORTS_WANTED = 3;
const PHRASE_REPORTS_LOOKED_AT = 30;

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

/** How many reports hold every group that some report holds. */
function fullMatches(groups: readonly QueryGroup[], results: Map<string, Map<string, WordHit>>): number {
  const all = candidateReports(groups, results);
  return all.reports.filter((c) => c.groups.filter((g) => !groups[g]!.optional).length === all.held).length;
}

/** The archive's size, for how rare a word is. */
async function reportCount(): Promise<number> {
  const entry = await fetchJson<{ languages: Record<string, { page_count: number }> }>('/pagefind/pagefind-entry.json');
  return Object.values(entry.languages).reduce((n, language) => n + language.page_count, 0);
}

/** The words a search matched in one report, per query word, from the word files holding their locations. */
async function reportWords(id: string, hits: ReadonlyMap<string, WordHit>): Promise<Map<string, MatchedWord[]>> {
  const files = new Set([...hits.values()].flatMap((hit) => hit.locations.map(wordFileOf)));
  const contents = new Map(await Promise.all([...files].map(async (file) => [file, await fetchJson<WordFile>(passageWordsUrl(id, file))] as const)));
  const byWord = new Map<string, MatchedWord[]>();
  for (const [queryWord, hit] of hits) {
    const found = new Map<string, MatchedWord>();
    for (const location of hit.locations) {
      const matched = wordsAt([location], contents.get(wordFileOf(location))!).get(location);
      if (matched && acceptsMatch(queryWord, matched.word)) found.set(matched.word, matched);
    }
    byWord.set(queryWord, [...found.values()]);
  }
  return byWord;
}

async function passageText(id: string, passage: number): Promise<string> {
  const texts = await fetchJson<string[]>(passageTextUrl(id, Math.floor(passage / PASSAGES_PER_TEXT_FILE)));
  return texts[passage % PASSAGES_PER_TEXT_FILE] ?? '';
}

/** A quoted phrase holds only where its words stand together: passages where they do not lose it. */
async function checkPhrases(id: string, groups: readonly QueryGroup[], weights: readonly number[], passages: PassageScore[]): Promise<PassageScore[]> {
  for (const [at, group] of groups.entries()) {
    if (!group.phrase) continue;
    const holding = passages.filter((p) => p.groups.includes(at)).sort((a, b) => b.score - a.score);
    const checked = new Set(
      (await Promise.all(holding.slice(0, PHRASE_CHECKS).map(async (p) => (holdsPhrase(await passageText(id, p.passage), group.alternatives[0]!) ? p : null)))).filter(Boolean),
    );
    for (const p of holding) {
      if (checked.has(p)) continue;
      p.groups = p.groups.filter((g) => g !== at);
      p.required--;
      p.score -= weights[at]!;
    }
  }
  return passages.filter((p) => p.groups.length > 0);
}

/** A search's state between its steps, so that "show more" continues it. */
export class SearchRun {
  private prepared = new Map<string, Promise<Prepared>>();
  private weights: number[] = [];

  private readonly pagefind: Pagefind;
  private readonly state: SearchState;
  readonly groups: QueryGroup[];
  private readonly results: Map<string, Map<string, WordHit>>;

  constructor(
    pagefind: Pagefind,
    state: SearchState,
    groups: QueryGroup[],
    results: Map<string, Map<string, WordHit>>,
  ) {
    this.pagefind = pagefind;
    this.state = state;
    this.groups = groups;
    this.results = results;
  }

  /**
   * `keep`, with no signal: only the reports it keeps (those stored on this device, src/lib/offline/search.ts) are
   * ranked and shown; `outcome.beyondKept` then counts the reports the whole archive has for the search.
   */
  static async start(pagefind: Pagefind, state: SearchState, keep?: (id: string) => boolean): Promise<{ run: SearchRun; outcome: SearchOutcome }> {
    const groups = parseQuery(state.query, glossary.entries);
    const searchWords = (filters: object) =>
      Promise.all(
        groupWords(groups).map(async (word) => {
          const search = await pagefind.search(word, { filters });
          return [word, new Map(search.results.map((r) => [r.id, { score: r.score, locations: r.words }]))] as const;
        }),
      ).then((entries) => new Map(entries));
    const filters = pagefindFilters(state);
    const found = await searchWords(filters);
    const results = keep ? new Map([...found].map(([word, byId]) => [word, new Map([...byId].filter(([id]) => keep(id)))])) : found;
    const run = new SearchRun(pagefind, state, groups, results);
    const outcome = await run.rank();
    if (keep) outcome.beyondKept = fullMatches(groups, found);
    // With filters chosen, the count without them too: the same words' chunks, already loaded.
    if (Object.keys(filters).length > 0) {
      outcome.unfiltered = fullMatches(groups, await searchWords({}));
    }
    return { run, outcome };
  }

  private prepare(id: string): Promise<Prepared> {
    let preparing = this.prepared.get(id);
    if (!preparing) {
      preparing = (async () => {
        const hits = new Map([...this.results].flatMap(([word, byId]) => (byId.has(id) ? [[word, byId.get(id)!] as const] : [])));
        const words = await reportWords(id, hits);
        const passages = await checkPhrases(id, this.groups, this.weights, scorePassages(this.groups, words, this.weights));
        const matched = [...new Map([...words.values()].flat().map((m) => [m.word, m])).values()];
        return { id, passages, matched, rank: reportScore(passages) };
      })();
      this.prepared.set(id, preparing);
    }
    return preparing;
  }

  private async rank(): Promise<SearchOutcome> {
    const candidates = candidateReports(this.groups, this.results);
    this.weights = groupWeights(this.groups, candidates.reportsPerGroup, await reportCount());
    const full = candidates.reports.filter((c) => c.groups.filter((g) => !this.groups[g]!.optional).length === candidates.held);
    let order: string[];
    let dropped = 0;
    if (this.state.sort === 'date') {
      order = await this.newestFirst(candidates.reports.map((c) => c.id));
    } else {
      const first = await Promise.all(full.slice(0, REPORTS_RANKED_BY_PASSAGE).map((c) => this.prepare(c.id)));
      // A quoted phrase can leave out every report looked at: look further, a batch at a time.
      if (this.groups.some((g) => g.phrase)) {
        for (let from = first.length; from < Math.min(full.length, PHRASE_REPORTS_LOOKED_AT) && first.filter((p) => p.passages.length > 0).length < PHRASE_REPORTS_WANTED; from += REPORTS_RANKED_BY_PASSAGE) {
          first.push(...(await Promise.all(full.slice(from, from + REPORTS_RANKED_BY_PASSAGE).map((c) => this.prepare(c.id)))));
        }
      }
      const ranked = first
        .map((p, at) => ({ p, at }))
        .sort((a, b) => b.p.rank.required - a.p.rank.required || b.p.rank.score - a.p.rank.score || a.at - b.at)
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
        const word = this.groups[at]!.alternatives[0]!.at(-1)!;
        const vocabulary = await fetchJson<VocabularyFile>(vocabularyUrl(word)).catch(() => [] as VocabularyFile);
        suggestions.set(at, suggestWord(word, vocabulary));
      }),
    );
    const total = full.length - dropped;
    return { groups: this.groups, candidates, order, total, unfiltered: total, reports: [], suggestions };
  }

  /** Newest first, as Pagefind sorts the reports holding the query's first required word. */
  private async newestFirst(ids: string[]): Promise<string[]> {
    const word = groupWords(this.groups.filter((g) => !g.optional))[0] ?? '';
    const sorted = await this.pagefind.search(word, { filters: pagefindFilters(this.state), sort: { date: 'desc' } });
    const position = new Map(sorted.results.map((r, at) => [r.id, at]));
    return [...ids].sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity));
  }

  /**
   * The reports at `ids`, with their passage index and the text of their first `count` passages; a report left with
   * no passage (a quoted phrase none of its passages holds) is left out.
   */
  async reportHits(ids: readonly string[], count: number): Promise<ReportHits[]> {
    const reports = await Promise.all(
      ids.map(async (id) => {
        const [prepared, index] = await Promise.all([this.prepare(id), fetchJson<PassageIndex>(passageIndexUrl(id))]);
        const chosen = new Set(this.state.filters.theme);
        const themed = chosen.size
          ? new Set(index.passages.flatMap(([, , themes], passage) => (themes.some((t) => chosen.has(index.themes[t]!)) ? [passage] : [])))
          : undefined;
        const ranked = passagesToShow(prepared.passages, { documentOrder: this.state.sort === 'date', themed });
        const report: ReportHits = { id, index, ranked, texts: new Map(), shown: 0, matched: prepared.matched };
        await showPassages(report, count);
        return report;
      }),
    );
    return reports.filter((report) => report.ranked.length > 0);
  }
}

/** Fetches the text of the report's next `count` passages and counts them as shown. */
export async function showPassages(report: ReportHits, count: number): Promise<void> {
  const next = report.ranked.slice(report.shown, report.shown + count);
  const texts = await Promise.all(next.map(({ passage }) => passageText(report.id, passage)));
  next.forEach(({ passage }, at) => report.texts.set(passage, texts[at]!));
  report.shown += next.length;
}

/** The matched words standing in one passage: what its excerpt marks and its link passes on. */
export function wordsIn(report: ReportHits, passage: number): Set<string> {
  return new Set(report.matched.filter((m) => m.passages.includes(passage)).map((m) => m.word));
}
