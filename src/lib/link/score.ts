/**
 * Text similarity between passages (recommendations and paragraphs): BM25 term weights over the whole archive,
 * read as "how much of each passage's weighted vocabulary does the other use?".
 *
 * Every passage is tokenised and weighted once (`buildCorpus`); comparisons then go through inverted indexes
 * (`buildIndex`), so linking cost grows with the postings a recommendation's words touch, not with the number of
 * passage pairs. Both are stored as a few flat typed arrays rather than an object per passage: an archive of
 * 5,000 reports has 300,000 passages, and that many small objects would keep the garbage collector busy.
 */
import { compareText } from './tokens.ts';
import type { Token } from './tokens.ts';

/** BM25's usual constants: tf saturation (k1) and how much a long passage is discounted (b). */
const K1 = 1.2;
const B = 0.75;

/**
 * Every passage as weighted terms. Passage p's terms are `terms`/`weights` from `offsets[p]` to
 * `offsets[p + 1]`, sorted by term id so two passages' shared terms can be found by merging their lists.
 */
export interface Corpus {
  /** Term id by stem, and stem by term id. */
  ids: Map<string, number>;
  stems: string[];
  idf: Float64Array;
  offsets: Int32Array;
  terms: Int32Array;
  /** BM25 document-side weight of each term in its passage: idf × saturated term frequency, length-normalised. */
  weights: Float32Array;
  /** Per passage, the sum of the idf of its terms: what a passage using each of them once would score. */
  idfMass: Float64Array;
}

/** A typed array with room for at least `needed` elements, keeping its contents. */
function withRoom<T extends Int32Array | Float32Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const grown = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * Weigh every passage of the archive, consuming their tokens one passage at a time (the tokens of 300,000
 * paragraphs need not be held at once). Document frequencies are counted over all passages, paragraphs and
 * recommendations alike, so a word every report uses ("children", "social") weighs almost nothing.
 */
export function buildCorpus(passages: Iterable<readonly Token[]>): Corpus {
  const ids = new Map<string, number>();
  const df: number[] = [];
  const offsets: number[] = [0];
  const lengths: number[] = [];
  let terms = new Int32Array(1 << 16);
  let counts = new Int32Array(1 << 16);
  // Term frequencies of the passage at hand, by term id; reset after each passage.
  let tf = new Int32Array(1 << 12);
  let used = 0;
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
        tf = withRoom(tf, id + 1);
      }
      if (tf[id]++ === 0) seen.push(id);
    }
    seen.sort((a, b) => a - b);
    terms = withRoom(terms, used + seen.length);
    counts = withRoom(counts, used + seen.length);
    for (const id of seen) {
      terms[used] = id;
      counts[used++] = tf[id];
      tf[id] = 0;
      df[id]++;
    }
    offsets.push(used);
    lengths.push(length);
  }
  const n = lengths.length;
  const idf = Float64Array.from(df, (d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, n) || 1;
  const weights = new Float32Array(used);
  const idfMass = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const norm = K1 * (1 - B + (B * lengths[p]) / averageLength);
    for (let k = offsets[p]; k < offsets[p + 1]; k++) {
      const termIdf = idf[terms[k]];
      weights[k] = (termIdf * counts[k] * (K1 + 1)) / (counts[k] + norm);
      idfMass[p] += termIdf;
    }
  }
  return {
    ids,
    stems: [...ids.keys()],
    idf,
    offsets: Int32Array.from(offsets),
    terms: terms.slice(0, used),
    weights,
    idfMass,
  };
}

/**
 * An inverted index over some passages of a corpus, in compressed sparse rows: the postings of the term in slot
 * s are `members`/`weights` from `starts[s]` to `starts[s + 1]`, index positions ascending.
 */
export interface Index {
  /** The indexed passages, by position. */
  passages: readonly number[];
  slots: Map<number, number>;
  starts: Int32Array;
  members: Int32Array;
  weights: Float32Array;
  /** Per-position accumulators of the two coverages, all zeros between queries (reused across queries). */
  scratch: Float64Array;
  scratchBack: Float64Array;
}

/**
 * Index the given passages; results refer to them by their position in `passages`. Built with one native sort
 * of packed (term, entry) keys, because the linker builds one per authority and each may hold thousands of
 * passages.
 */
export function buildIndex(corpus: Corpus, passages: readonly number[]): Index {
  let total = 0;
  for (const passage of passages) total += corpus.offsets[passage + 1] - corpus.offsets[passage];
  // Entry i is the i-th (passage, term) pair in passage order; its key sorts by term, then by entry.
  const entryPosition = new Int32Array(total);
  const entryWeight = new Float32Array(total);
  const keys = new Float64Array(total);
  let entry = 0;
  for (let position = 0; position < passages.length; position++) {
    const passage = passages[position];
    for (let k = corpus.offsets[passage]; k < corpus.offsets[passage + 1]; k++, entry++) {
      entryPosition[entry] = position;
      entryWeight[entry] = corpus.weights[k];
      keys[entry] = corpus.terms[k] * total + entry;
    }
  }
  keys.sort();
  const slots = new Map<number, number>();
  const starts: number[] = [];
  const members = new Int32Array(total);
  const weights = new Float32Array(total);
  let previous = -1;
  for (let k = 0; k < total; k++) {
    const term = Math.floor(keys[k] / total);
    const from = keys[k] - term * total;
    if (term !== previous) {
      slots.set(term, starts.length);
      starts.push(k);
      previous = term;
    }
    members[k] = entryPosition[from];
    weights[k] = entryWeight[from];
  }
  starts.push(total);
  return {
    passages,
    slots,
    starts: Int32Array.from(starts),
    members,
    weights,
    scratch: new Float64Array(passages.length),
    scratchBack: new Float64Array(passages.length),
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
  const start = corpus.offsets[query];
  const end = corpus.offsets[query + 1];
  const idfMass = corpus.idfMass[query];
  const positions: number[] = [];
  const scores: number[] = [];
  if (idfMass === 0) return { positions, scores };
  // A term adds at most idf × (k1 + 1); the commonest terms whose bounds sum below the floor are "optional".
  const byIdf: number[] = [];
  for (let k = start; k < end; k++) byIdf.push(corpus.terms[k]);
  byIdf.sort((a, b) => corpus.idf[a] - corpus.idf[b] || a - b);
  let optional = 0;
  let optionalBound = 0;
  for (; optional < byIdf.length; optional++) {
    const bound = corpus.idf[byIdf[optional]] * (K1 + 1);
    if (optionalBound + bound >= minimum * idfMass) break;
    optionalBound += bound;
  }
  // Candidates: the passages sharing an essential term, with the weight those terms have on each side.
  const forward = index.scratch;
  const backward = index.scratchBack;
  const touched: number[] = [];
  for (let o = optional; o < byIdf.length; o++) {
    const slot = index.slots.get(byIdf[o]);
    if (slot === undefined) continue;
    const queryWeight = weightIn(corpus, query, byIdf[o]);
    const stop = index.starts[slot + 1];
    for (let at = firstAtOrAfter(index.members, from, index.starts[slot], stop); at < stop; at++) {
      const position = index.members[at];
      if (forward[position] === 0) touched.push(position);
      forward[position] += index.weights[at];
      backward[position] += queryWeight;
    }
  }
  touched.sort((a, b) => a - b);
  for (const position of touched) {
    // The shared terms' weight in the passage (how well it covers the query) and in the query (the reverse).
    let inPassage = forward[position];
    let inQuery = backward[position];
    forward[position] = 0;
    backward[position] = 0;
    if (inPassage + optionalBound < minimum * idfMass) continue;
    // The optional terms, looked up in the few passages that may still reach the floor.
    const passage = index.passages[position];
    for (let o = 0; o < optional; o++) {
      const weight = weightIn(corpus, passage, byIdf[o]);
      if (weight === 0) continue;
      inPassage += weight;
      inQuery += weightIn(corpus, query, byIdf[o]);
    }
    const coversQuery = Math.min(1, inPassage / idfMass);
    if (coversQuery < minimum) continue;
    positions.push(position);
    scores.push(Math.sqrt(coversQuery * Math.min(1, inQuery / corpus.idfMass[passage])));
  }
  return { positions, scores };
}

/** The weight of `term` in `passage`, or 0 if the passage does not use it (binary search in its sorted terms). */
function weightIn(corpus: Corpus, passage: number, term: number): number {
  const end = corpus.offsets[passage + 1];
  const at = firstAtOrAfter(corpus.terms, term, corpus.offsets[passage], end);
  return at < end && corpus.terms[at] === term ? corpus.weights[at] : 0;
}

/** Binary search for the first element at least `value` in the ascending run sorted[lo..hi). */
function firstAtOrAfter(sorted: ArrayLike<number>, value: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The few words that do most of the work in a match: shared terms ranked by their weight in the passage, shown
 * in the query's own spelling. `spelling` maps a stem to the word as the query wrote it; terms it lacks (theme
 * terms, see link-archive.ts) are not words and are left out.
 */
export function tellingTerms(
  corpus: Corpus,
  query: number,
  passage: number,
  spelling: ReadonlyMap<string, string>,
  limit: number,
): string[] {
  const { offsets, terms, weights } = corpus;
  const shared: { word: string; weight: number }[] = [];
  for (let i = offsets[query], j = offsets[passage]; i < offsets[query + 1] && j < offsets[passage + 1]; ) {
    if (terms[i] < terms[j]) i++;
    else if (terms[i] > terms[j]) j++;
    else {
      const word = spelling.get(corpus.stems[terms[j]]);
      if (word !== undefined) shared.push({ word, weight: weights[j] });
      i++;
      j++;
    }
  }
  return shared
    .sort((a, b) => b.weight - a.weight || compareText(a.word, b.word))
    .slice(0, limit)
    .map(({ word }) => word);
}
