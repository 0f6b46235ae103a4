/**
 * Linking the archive: themes on every passage, and for every recommendation the paragraphs of its own report
 * that support it (evidence) and the passages of later documents of the same authority on the same matter
 * (follow-ups). Pure: records in, new records out.
 *
 * The method is plain text matching, not a list of hand-made pairs. A recommendation and a passage are compared
 * by their BM25-weighted words, each theme they carry counting as one more word (score.ts: the geometric mean of
 * how much of each the other covers), and the similarity is discounted for the recommendation's themes the
 * passage lacks:
 *
 *   score = similarity × (1 − themeWeight + themeWeight × share of the recommendation's themes it carries)
 *
 * A pair is linked when the score clears a threshold and comes close to the best the recommendation (or, for a
 * marked paragraph, the paragraph) achieves. The numbers below were set on the labelled pairs in
 * tests/fixtures/links/labelled.json, as measured by tests/unit/link-evaluation.test.ts.
 */
import type { Paragraph, Recommendation, RecommendationLinks, ReportRecord, Verdict } from '../../schemas/report.ts';
import { required } from '../required.ts';
import { answeredBy, examines, inBoardPart } from './scope.ts';
import { buildCorpus, buildIndex, similarity, tellingTerms } from './score.ts';
import type { Corpus } from './score.ts';
import { compareText, tokenize } from './tokens.ts';
import type { Token } from './tokens.ts';
import { tagTokens } from './themes.ts';
import type { Taxonomy } from './themes.ts';
import { trailSentence } from './trail.ts';
import { judge, newReadingCache } from './verdict.ts';
import type { ReadingCache } from './verdict.ts';

export const LINKING = {
  /** How much of the score depends on sharing the recommendation's themes: none shared costs this fraction. */
  themeWeight: 0.3,
  /** A passage must use at least this much of a recommendation's weighted vocabulary to be considered at all. */
  minimumCoverage: 0.15,
  /** Evidence in reports without "(Recommendation)" markers: a score of at least this… */
  evidenceThreshold: 0.2,
  /** …within this fraction of the recommendation's best paragraph… */
  evidenceRelative: 0.7,
  /** …and at most this many. */
  evidenceLimit: 3,
  /** A marked paragraph supports the recommendation(s) it scores best with, if at least this… */
  markerThreshold: 0.12,
  /** …counting every recommendation within this fraction of its best. */
  markerRelative: 0.9,
  /** Follow-ups in later documents: at least this score… */
  followUpThreshold: 0.18,
  /** …within this fraction of the best passage of that document… */
  followUpRelative: 0.5,
  /** …and at most this many passages of any one later document. */
  followUpsPerDocument: 3,
  /** The verdict reads this many of a later document's best passages (above the follow-up threshold). */
  verdictCandidates: 3,
  /** Shared words shown beside a link. */
  sharedTerms: 4,
} as const;

/** Everything computed once for the whole archive. */
interface Archive {
  records: readonly ReportRecord[];
  corpus: Corpus;
  /**
   * Passages are numbered record by record, each record's paragraphs then its recommendations: record r's
   * paragraphs start at `paragraphStart[r]`, its recommendations at `recommendationStart[r]`.
   */
  paragraphStart: number[];
  recommendationStart: number[];
  recordOf: Int32Array;
  themes: string[][];
  /** Later passages as the verdicts read them, each read once (verdict.ts). */
  readings: ReadingCache;
  /** A word stem's weight for verdicts: its idf in the archive (0 for a word the archive never uses). */
  weight: (stem: string) => number;
}

/** The pseudo-word a theme adds to a passage; "#" cannot occur in a stem, so it never collides with a word. */
const themeTokens = new Map<string, Token>();
function themeToken(slug: string): Token {
  let token = themeTokens.get(slug);
  if (!token) themeTokens.set(slug, (token = Object.freeze({ stem: `#${slug}`, word: slug, content: true })));
  return token;
}

function prepare(records: readonly ReportRecord[], taxonomy: Taxonomy): Archive {
  const paragraphStart: number[] = [];
  const recommendationStart: number[] = [];
  let count = 0;
  for (const record of records) {
    paragraphStart.push(count);
    recommendationStart.push((count += record.paragraphs.length));
    count += record.recommendations.length;
  }
  const recordOf = new Int32Array(count);
  records.forEach((record, r) => recordOf.fill(r, paragraphStart[r], recommendationStart[r] + record.recommendations.length));
  const themes: string[][] = [];
  function* tokenised() {
    for (const record of records) {
      for (const { text } of [...record.paragraphs, ...record.recommendations]) {
        const tokens = tokenize(text);
        const tagged = tagTokens(tokens, taxonomy);
        themes.push(tagged);
        // Each theme joins the passage as one more term, weighted by its rarity like any word: "sufficient
        // foster carers" and "sufficiency of local placements" then share the placement-sufficiency term.
        for (const slug of tagged) tokens.push(themeToken(slug));
        yield tokens;
      }
    }
  }
  const corpus = buildCorpus(tokenised());
  const weight = (stem: string) => {
    const id = corpus.ids.get(stem);
    return id === undefined ? 0 : corpus.idf[id];
  };
  return { records, corpus, paragraphStart, recommendationStart, recordOf, themes, readings: newReadingCache(), weight };
}

/** The paragraph (or recommendation) a passage is. */
function locate(archive: Archive, passage: number): { record: number; paragraph?: Paragraph; recommendation?: Recommendation } {
  const record = archive.recordOf[passage];
  const source = archive.records[record];
  return passage < archive.recommendationStart[record]
    ? { record, paragraph: source.paragraphs[passage - archive.paragraphStart[record]] }
    : { record, recommendation: source.recommendations[passage - archive.recommendationStart[record]] };
}

interface Scored {
  passage: number;
  score: number;
}

/**
 * The passage's score: its `textSimilarity` (score.ts), discounted by `themeWeight` in proportion to the
 * recommendation's themes the passage does not carry. A recommendation the taxonomy finds no theme in gets the full
 * discount: nothing confirms its matches but their words. Null below `floor`: no link can use it.
 */
function withThemes(archive: Archive, query: number, passage: number, textSimilarity: number, floor: number): Scored | null {
  const queryThemes = archive.themes[query];
  const passageThemes = archive.themes[passage];
  let shared = 0;
  for (const theme of queryThemes) if (passageThemes.includes(theme)) shared++;
  const themeShare = queryThemes.length === 0 ? 0 : shared / queryThemes.length;
  const score = textSimilarity * (1 - LINKING.themeWeight + LINKING.themeWeight * themeShare);
  if (score < floor) return null;
  return { passage, score };
}

/** The paragraph or recommendation itself. */
function passageAt(archive: Archive, passage: number): Paragraph | Recommendation {
  const { paragraph, recommendation } = locate(archive, passage);
  return required(paragraph ?? recommendation, `passage ${passage} of the linking corpus`);
}

function passageId(archive: Archive, passage: number): string {
  return passageAt(archive, passage).id;
}

/** Best first, ties in document order, so the same archive always links the same way. */
function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || a.passage - b.passage;
}

/** The words of a recommendation by stem, as it writes them: shared terms are shown in its own spelling. */
function spellingOf(text: string): Map<string, string> {
  const words = new Map<string, string>();
  for (const token of tokenize(text)) if (token.content && !words.has(token.stem)) words.set(token.stem, token.word);
  return words;
}

/** Why a link was made, as the page shows it beside the link. */
function reason(archive: Archive, query: number, spelling: ReadonlyMap<string, string>, match: Scored) {
  const passageThemes = archive.themes[match.passage];
  return {
    score: Math.round(match.score * 1000) / 1000,
    sharedThemes: archive.themes[query].filter((theme) => passageThemes.includes(theme)),
    sharedTerms: tellingTerms(archive.corpus, query, match.passage, spelling, LINKING.sharedTerms),
    marker: locate(archive, match.passage).paragraph?.recommendationMarker ?? false,
  };
}

/**
 * Which recommendations a paragraph may support: those of the nearest recommendation list above it. A combined
 * SIF report lists the local authority's recommendations before its findings and the safeguarding board's before
 * the board's findings, so a board paragraph never supports an authority recommendation. In an ILACS report
 * every finding comes after the one list. Where the record does not place its recommendations in sections, or a
 * paragraph comes before every list, every recommendation is eligible.
 */
function recommendationLists(record: ReportRecord): (paragraph: Paragraph) => number[] {
  const all = record.recommendations.map((_, index) => index);
  const order = new Map(record.sections.map((section, index) => [section.id, index]));
  const positions = record.recommendations.map((rec) => (rec.section === null ? undefined : order.get(rec.section)));
  if (positions.some((position) => position === undefined)) return () => all;
  return (paragraph) => {
    const at = order.get(paragraph.section);
    if (at === undefined) return all;
    const list = Math.max(...positions.filter((position) => position !== undefined && position <= at).map(Number));
    return Number.isFinite(list) ? all.filter((index) => positions[index] === list) : all;
  };
}

/**
 * The passages of a record that state its findings: its numbered (or "(Recommendation)"-marked) paragraphs when
 * it numbers them, since a report's unnumbered summary restates the numbered findings; otherwise every
 * paragraph (letters number none).
 */
function findings(archive: Archive, r: number): number[] {
  const record = archive.records[r];
  const numbered = record.paragraphs.some((paragraph) => paragraph.number !== null);
  const start = archive.paragraphStart[r];
  return record.paragraphs.flatMap((paragraph, p) =>
    !numbered || paragraph.number !== null || paragraph.recommendationMarker ? [start + p] : [],
  );
}

/** The matches that clear `threshold` and come within `relative` of the best, best first, at most `limit`. */
function strongest(matches: Scored[], threshold: number, relative: number, limit: number): Scored[] {
  const kept = matches.filter((scored) => scored.score >= threshold).sort(byScore);
  const best = kept[0]?.score ?? 0;
  return kept.filter((scored) => scored.score >= relative * best).slice(0, limit);
}

/**
 * Evidence per recommendation of one record, best first, from `found`: for each recommendation, the scored
 * findings of its own record. A finding can only support a recommendation of the list above it (see
 * `recommendationLists`). A marked (SIF) report names its evidence itself, so there the matcher only decides
 * which recommendation each marked paragraph belongs to; otherwise a recommendation takes its best few findings.
 */
function chooseEvidence(archive: Archive, r: number, found: Scored[][]): Scored[][] {
  const record = archive.records[r];
  const paraStart = archive.paragraphStart[r];
  const paragraphOf = (scored: Scored) => record.paragraphs[scored.passage - paraStart];
  const eligible = recommendationLists(record);
  const allowed = found.map((matches, rec) => matches.filter((scored) => eligible(paragraphOf(scored)).includes(rec)));
  if (!record.paragraphs.some((paragraph) => paragraph.recommendationMarker)) {
    return allowed.map((matches) =>
      strongest(matches, LINKING.evidenceThreshold, LINKING.evidenceRelative, LINKING.evidenceLimit),
    );
  }
  // Each marked paragraph goes to the recommendation(s) it matches best.
  const byParagraph = new Map<number, { rec: number; scored: Scored }[]>();
  allowed.forEach((matches, rec) => {
    for (const scored of matches) {
      if (scored.score < LINKING.markerThreshold || !paragraphOf(scored).recommendationMarker) continue;
      byParagraph.set(scored.passage, [...(byParagraph.get(scored.passage) ?? []), { rec, scored }]);
    }
  });
  const evidence: Scored[][] = record.recommendations.map(() => []);
  for (const options of byParagraph.values()) {
    const best = Math.max(...options.map(({ scored }) => scored.score));
    for (const { rec, scored } of options) if (scored.score >= LINKING.markerRelative * best) evidence[rec].push(scored);
  }
  return evidence.map((list) => list.sort(byScore));
}

/** A recommendation's follow-ups in one later document that examines its matter, and that document's verdict. */
interface FollowUpGroup {
  record: number;
  matches: Scored[];
  verdict: Omit<Verdict, 'report'>;
}

interface RecordLinks {
  /** Per recommendation of the record. */
  evidence: Scored[][];
  followUps: FollowUpGroup[][];
}

/** The verdict of one later document, read from its best passages on the matter (see verdict.ts). */
function verdictOf(archive: Archive, query: number, later: ReportRecord, matches: readonly Scored[]): Omit<Verdict, 'report'> {
  const candidates = [...matches]
    .sort(byScore)
    .slice(0, LINKING.verdictCandidates)
    .map((scored) => {
      const passage = passageAt(archive, scored.passage);
      return { id: passage.id, text: passage.text, score: scored.score };
    });
  const recommendation = required(locate(archive, query).recommendation, `recommendation passage ${query}`);
  return judge(recommendation.text, later.documentType, candidates, archive.weight, archive.readings);
}

/**
 * Evidence and follow-ups for every recommendation of one authority's documents. One index per authority holds
 * each document's findings and recommendations, documents in date order; a recommendation is searched once, from
 * its own document's findings onwards: matches among its own findings are candidate evidence, matches in strictly
 * later documents candidate follow-ups (documents of the same day are neither).
 */
function linkAuthority(archive: Archive, authority: readonly number[]): Map<number, RecordLinks> {
  const { records } = archive;
  const ordered = [...authority].sort(
    (a, b) => compareText(records[a].published, records[b].published) || compareText(records[a].slug, records[b].slug),
  );
  const documents = ordered.map((r) => records[r]);
  const answers = answeredBy(documents);
  const members: number[] = [];
  /** Per member: whether it belongs to its document's review of the safeguarding board (scope.ts). */
  const boardMember: boolean[] = [];
  const startOf: number[] = [];
  const findingsEnd: number[] = [];
  ordered.forEach((r, i) => {
    const board = inBoardPart(documents[i]);
    startOf.push(members.length);
    for (const passage of findings(archive, r)) {
      members.push(passage);
      boardMember.push(board(required(locate(archive, passage).paragraph, `finding passage ${passage}`).section));
    }
    findingsEnd.push(members.length);
    records[r].recommendations.forEach((recommendation, rec) => {
      members.push(archive.recommendationStart[r] + rec);
      boardMember.push(board(recommendation.section));
    });
  });
  const positionOf = new Map(ordered.map((r, i) => [r, i]));
  const index = buildIndex(archive.corpus, members);
  const result = new Map<number, RecordLinks>();
  let later = 0;
  ordered.forEach((r, i) => {
    while (later < ordered.length && records[ordered[later]].published <= records[r].published) later++;
    const laterFrom = later < ordered.length ? startOf[later] : members.length;
    const board = inBoardPart(documents[i]);
    const found: Scored[][] = [];
    const followUps: FollowUpGroup[][] = [];
    records[r].recommendations.forEach((recommendation, rec) => {
      const query = archive.recommendationStart[r] + rec;
      const boardRecommendation = board(recommendation.section);
      // The later documents (by position) that examine this recommendation's matter at all.
      const examining = new Set<number>();
      for (let j = later; j < ordered.length; j++) if (examines(documents, answers, i, j, boardRecommendation)) examining.add(j);
      const own: Scored[] = [];
      const byRecord = new Map<number, Scored[]>();
      const { positions, scores: textSimilarities } = similarity(archive.corpus, index, query, startOf[i], LINKING.minimumCoverage);
      positions.forEach((k, j) => {
        const isOwn = k < findingsEnd[i];
        if (!isOwn && k < laterFrom) return;
        const document = archive.recordOf[members[k]];
        // A later passage counts only in a document that examines the matter, and in the part of it (the board's
        // or the authority's) the recommendation was addressed to.
        if (!isOwn && (!examining.has(positionOf.get(document) ?? -1) || boardMember[k] !== boardRecommendation)) return;
        const floor = isOwn ? Math.min(LINKING.evidenceThreshold, LINKING.markerThreshold) : LINKING.followUpThreshold;
        const scored = withThemes(archive, query, members[k], textSimilarities[j], floor);
        if (!scored) return;
        if (isOwn) return void own.push(scored);
        const list = byRecord.get(document);
        if (list) list.push(scored);
        else byRecord.set(document, [scored]);
      });
      found.push(own);
      followUps.push(
        [...examining].flatMap((position) => {
          const document = ordered[position];
          const matches = byRecord.get(document) ?? [];
          // A council report that answers the inspection but has nothing on this recommendation has not taken it up.
          if (matches.length === 0 && documents[position].documentType !== 'council-report') return [];
          return [
            {
              record: document,
              matches: strongest(matches, LINKING.followUpThreshold, LINKING.followUpRelative, LINKING.followUpsPerDocument),
              verdict: verdictOf(archive, query, records[document], matches),
            },
          ];
        }),
      );
    });
    result.set(r, { evidence: chooseEvidence(archive, r, found), followUps });
  });
  return result;
}

/** Theme slugs of a record, by how many of its passages carry them, ties alphabetically. */
function recordThemes(themes: readonly string[][]): string[] {
  const counts = new Map<string, number>();
  for (const list of themes) for (const theme of list) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  return [...counts.entries()].sort(([a, countA], [b, countB]) => countB - countA || compareText(a, b)).map(([theme]) => theme);
}

/**
 * Link the whole archive: returns new records, in the order given, with every paragraph's and recommendation's
 * `themes`, each paragraph's `supports`, the record's `themes` and `links`. The input records are not modified.
 */
export function linkArchive(records: readonly ReportRecord[], taxonomy: Taxonomy): ReportRecord[] {
  const result: ReportRecord[] = new Array(records.length);
  for (const { index, record } of linkEach(records, taxonomy)) result[index] = record;
  return result;
}

/**
 * The same linked records as `linkArchive`, one at a time, each with its index in `records`, in slug order. The
 * links of the whole archive are worked out first; each record is then put together only when it is asked for,
 * so a caller that writes each record and lets it go never holds every linked record at once (at 5,000 reports
 * they and their follow-ups are a gigabyte).
 */
export function* linkEach(
  records: readonly ReportRecord[],
  taxonomy: Taxonomy,
  share: LinkingShare = { part: 0, of: 1 },
): Generator<{ index: number; record: ReportRecord }> {
  // Work in slug order, so term ids, sums and ties never depend on the order the records arrive in.
  const order = records.map((_, r) => r).sort((a, b) => compareText(records[a].slug, records[b].slug) || a - b);
  const sorted = order.map((r) => records[r]);
  const archive = prepare(sorted, taxonomy);
  const authorities = new Map<string, number[]>();
  sorted.forEach((record, r) => {
    const group = authorities.get(record.authoritySlug);
    if (group) group.push(r);
    else authorities.set(record.authoritySlug, [r]);
  });
  const groups = [...authorities.values()];
  const parts = sharesOf(groups, share.of);
  const linked = new Map<number, RecordLinks>();
  groups.forEach((group, g) => {
    if (parts[g] === share.part) for (const [r, links] of linkAuthority(archive, group)) linked.set(r, links);
  });
  // Every verdict is reached: the passages read for them can go before the records are put together.
  archive.readings.passages.clear();
  archive.readings.subjects.clear();
  for (let r = 0; r < sorted.length; r++) {
    const links = linked.get(r);
    if (!links) continue; // another share's record
    yield { index: order[r], record: linkedRecord(archive, r, links) };
    // Its links are in the record now; what the linker kept for it is no longer needed.
    linked.delete(r);
  }
}

/**
 * One of `of` equal shares of the linking, for linking on several threads at once: each share links the documents
 * of some authorities, and every thread reads the whole archive (a word's weight depends on every document). An
 * authority's documents are linked only against each other, so the shares together link exactly what one would.
 */
export interface LinkingShare {
  part: number;
  of: number;
}

/**
 * Which share links each authority (by group, in the order given): the next authority goes to the share with the
 * fewest documents so far, the first such share on a tie. It depends on the records alone, so every thread agrees.
 */
function sharesOf(groups: readonly number[][], of: number): number[] {
  const load = new Array<number>(of).fill(0);
  return groups.map((group) => {
    const part = load.indexOf(Math.min(...load));
    load[part] += group.length;
    return part;
  });
}

/** Record r of the (slug-ordered) archive with its themes, supports and links. */
function linkedRecord(archive: Archive, r: number, { evidence, followUps }: RecordLinks): ReportRecord {
  const { records } = archive;
  const record = records[r];
  const paraStart = archive.paragraphStart[r];
  const recStart = archive.recommendationStart[r];
  const supports = new Map<string, number[]>();
  const links: RecommendationLinks[] = record.recommendations.map((recommendation, rec) => {
    const query = recStart + rec;
    const spelling = spellingOf(recommendation.text);
    for (const scored of evidence[rec]) {
      const id = passageId(archive, scored.passage);
      supports.set(id, [...(supports.get(id) ?? []), recommendation.number]);
    }
    const groups = followUps[rec];
    return {
      number: recommendation.number,
      evidence: evidence[rec].map((scored) => ({
        paragraphId: passageId(archive, scored.passage),
        ...reason(archive, query, spelling, scored),
      })),
      followUps: groups.flatMap((group) =>
        group.matches.map((scored) => ({
          report: records[group.record].slug,
          paragraphId: passageId(archive, scored.passage),
          ...reason(archive, query, spelling, scored),
        })),
      ),
      verdicts: groups.map((group) => ({ report: records[group.record].slug, ...group.verdict })),
      trail: trailSentence(groups.map((group) => ({ ...records[group.record], verdict: group.verdict.verdict }))),
    };
  });
  const paragraphs: Paragraph[] = record.paragraphs.map((paragraph, p) => ({
    ...paragraph,
    themes: archive.themes[paraStart + p],
    supports: [...new Set(supports.get(paragraph.id) ?? [])].sort((a, b) => a - b),
  }));
  const recommendations: Recommendation[] = record.recommendations.map((recommendation, rec) => ({
    ...recommendation,
    themes: archive.themes[recStart + rec],
  }));
  const themes = recordThemes(archive.themes.slice(paraStart, recStart + record.recommendations.length));
  return { ...record, paragraphs, recommendations, themes, links };
}
