/**
 * Text similarity between recommendations and paragraphs: BM25 term weights over the whole archive, read as
 * "how much of the recommendation's weighted vocabulary does this passage use?".
 *
 * Every passage is tokenised and weighted once (`buildCorpus`); comparisons then go through inverted indexes
 * (`buildIndex`), so linking cost grows with the postings a recommendation's words touch, not with the number of
 * passage pairs.
 */
import type { Token } from './text.ts';

/** BM25's usual constants: tf saturation (k1) and how much a long passage is discounted (b). */
const K1 = 1.2;
const B = 0.75;

/** A passage reduced to its weighted terms, sorted by term id. */
export interface TermVector {
  terms: Int32Array;
  /** BM25 document-side weight of each term: idf × saturated term frequency, length-normalised. */
  weights: Float32Array;
  /** Sum of the idf of its terms: the score a passage would get that used each of them once at average length. */
  idfMass: number;
}

export interface Corpus {
  /** Term id by stem, and stem by term id. */
  ids: Map<string, number>;
  stems: string[];
  idf: Float64Array;
  /** One vector per passage, in the order the passages were given. */
  vectors: TermVector[];
}

/**
 * Weigh every passage of the archive, consuming their tokens one passage at a time (the tokens of 300,000
 * paragraphs need not be held at once). Document frequencies are counted over all passages, paragraphs and
 * recommendations alike, so a word every report uses ("children", "social") weighs almost nothing.
 */
export function buildCorpus(passages: Iterable<readonly Token[]>): Corpus {
  const ids = new Map<string, number>();
  const df: number[] = [];
  const counted: { terms: Int32Array; tf: Int32Array; length: number }[] = [];
  let totalLength = 0;
  // Term frequencies of the passage at hand, by term id; reset after each passage through `seen`.
  let tf = new Int32Array(1024);
  for (const tokens of passages) {
    const seen: number[] = [];
    let length = 0;
    for (const token of tokens) {
      if (!token.content) continue;
      length++;
      let id = ids.get(token.stem);
      if (id === undefined) {
        id = ids.size;
        ids.set(token.stem, id);
        df.push(0);
        if (id >= tf.length) {
          const grown = new Int32Array(tf.length * 2);
          grown.set(tf);
          tf = grown;
        }
      }
      if (tf[id]++ === 0) seen.push(id);
    }
    // Sorted by id, so a passage's weight for a term can be found by binary search (see `coverage`).
    const terms = Int32Array.from(seen).sort();
    const counts = new Int32Array(seen.length);
    for (let k = 0; k < seen.length; k++) {
      counts[k] = tf[seen[k]!]!;
      tf[seen[k]!] = 0;
      df[seen[k]!]!++;
    }
    counted.push({ terms, tf: counts, length });
    totalLength += length;
  }
  const n = counted.length;
  const idf = Float64Array.from(df, (d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  const averageLength = totalLength / Math.max(1, n) || 1;
  const vectors = counted.map(({ terms, tf: counts, length }) => {
    const norm = K1 * (1 - B + (B * length) / averageLength);
    const weights = new Float32Array(terms.length);
    let idfMass = 0;
    for (let k = 0; k < terms.length; k++) {
      const termIdf = idf[terms[k]!]!;
      weights[k] = (termIdf * counts[k]! * (K1 + 1)) / (counts[k]! + norm);
      idfMass += termIdf;
    }
    return { terms, weights, idfMass };
  });
  return { ids, stems: [...ids.keys()], idf, vectors };
}

/** An inverted index over some passages of a corpus: for each term, which of them use it and with what weight. */
export interface Index {
  /** The indexed passages, by position. */
  members: readonly number[];
  /** Positions (ascending) and weights of the passages using each term. */
  postings: Map<number, { members: Int32Array; weights: Float32Array }>;
  size: number;
  /** Per-position accumulators for the two coverages, all zeros between queries (reused across queries). */
  scratch: Float64Array;
  scratchBack: Float64Array;
}

/**
 * Index the given passages; results refer to them by their position in `members`. Two passes (count, then fill)
 * so each posting list is one pair of typed arrays: the linker builds thousands of these.
 */
export function buildIndex(corpus: Corpus, members: readonly number[]): Index {
  const counts = new Map<number, number>();
  for (const passage of members) {
    for (const term of corpus.vectors[passage]!.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const postings: Index['postings'] = new Map();
  for (const [term, count] of counts) postings.set(term, { members: new Int32Array(count), weights: new Float32Array(count) });
  const filled = new Map<number, number>();
  members.forEach((passage, position) => {
    const { terms, weights } = corpus.vectors[passage]!;
    for (let k = 0; k < terms.length; k++) {
      const list = postings.get(terms[k]!)!;
      const at = filled.get(terms[k]!) ?? 0;
      list.members[at] = position;
      list.weights[at] = weights[k]!;
      filled.set(terms[k]!, at + 1);
    }
  });
  return {
    members,
    postings,
    size: members.length,
    scratch: new Float64Array(members.length),
    scratchBack: new Float64Array(members.length),
  };
}

/** The indexed passages a query touches, by index position, with their similarity to it. */
export interface Matches {
  positions: number[];
  scores: number[];
}

/**
 * Similarity of the query passage to each indexed passage: the geometric mean of two coverages, how much of the
 * query's weighted vocabulary the passage uses and how much of the passage's the query uses. Each coverage is a
 * BM25 score over the shared terms divided by the idf mass of the side being covered (capped at 1): a passage
 * that uses every word of the other once, at average length, covers it fully. Taking both directions keeps a
 * short, generic recommendation ("the quality of plans") from matching every long paragraph that happens to use
 * its few common words.
 *
 * Only passages at index position `from` or later are scored (callers index passages in date order and want the
 * later ones), and only those covering at least `minimum` of the query. That floor is what keeps linking fast:
 * the query's commonest words ("children", "care") cannot reach it on their own, so their long posting lists are
 * never walked; they are looked up only in passages that share a rarer word (the MaxScore idea from search engines).
 */
export function similarity(corpus: Corpus, index: Index, query: number, from = 0, minimum = 0): Matches {
  const { terms, weights, idfMass } = corpus.vectors[query]!;
  const positions: number[] = [];
  if (idfMass === 0) return { positions, scores: [] };
  // A term adds at most idf × (k1 + 1); the commonest terms whose bounds sum below the floor are "optional".
  const byIdf = Array.from(terms.keys()).sort((a, b) => corpus.idf[terms[a]!]! - corpus.idf[terms[b]!]! || a - b);
  let optional = 0;
  for (let bound = 0; optional < byIdf.length; optional++) {
    bound += corpus.idf[terms[byIdf[optional]!]!]! * (K1 + 1);
    if (bound >= minimum * idfMass) break;
  }
  const forward = index.scratch;
  const backward = index.scratchBack;
  for (const k of byIdf.slice(optional)) {
    const list = index.postings.get(terms[k]!);
    if (!list) continue;
    for (let at = firstAtOrAfter(list.members, from); at < list.members.length; at++) {
      const position = list.members[at]!;
      if (forward[position] === 0) positions.push(position);
      forward[position] += list.weights[at]!;
      backward[position] += weights[k]!;
    }
  }
  for (const position of positions) {
    const vector = corpus.vectors[index.members[position]!]!;
    for (const k of byIdf.slice(0, optional)) {
      const at = firstAtOrAfter(vector.terms, terms[k]!);
      if (vector.terms[at] !== terms[k]) continue;
      forward[position] += vector.weights[at]!;
      backward[position] += weights[k]!;
    }
  }
  positions.sort((a, b) => a - b);
  const kept: number[] = [];
  const scores: number[] = [];
  for (const position of positions) {
    const covered = Math.min(1, forward[position]! / idfMass);
    const covering = Math.min(1, backward[position]! / corpus.vectors[index.members[position]!]!.idfMass);
    forward[position] = 0;
    backward[position] = 0;
    if (covered < minimum) continue;
    kept.push(position);
    scores.push(Math.sqrt(covered * covering));
  }
  return { positions: kept, scores };
}

/** Binary search in an ascending list. */
function firstAtOrAfter(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The few words that do most of the work in a match: shared terms ranked by their weight in the passage, shown
 * in the query's own spelling. `spelling` maps a stem to the word as the query wrote it.
 */
export function tellingTerms(
  corpus: Corpus,
  query: number,
  passage: number,
  spelling: ReadonlyMap<string, string>,
  limit: number,
): string[] {
  const queryTerms = new Set(corpus.vectors[query]!.terms);
  const { terms, weights } = corpus.vectors[passage]!;
  const shared: { word: string; weight: number }[] = [];
  for (let k = 0; k < terms.length; k++) {
    if (!queryTerms.has(terms[k]!)) continue;
    const word = spelling.get(corpus.stems[terms[k]!]!);
    if (word !== undefined) shared.push({ word, weight: weights[k]! });
  }
  return shared
    .sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word))
    .slice(0, limit)
    .map(({ word }) => word);
}
