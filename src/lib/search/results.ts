/**
 * Search results shaped for the results list: which passages of a matching report to show, in what order; excerpts
 * as runs of plain and marked text (so the page builds them as text nodes, never as HTML); and the sentences the
 * page shows and announces.
 */
import { matchRanges } from './highlight.ts';

/**
 * The passages of one report that answer a search, best first. `termWords` holds, for each word of the query, the
 * report's vocabulary words Pagefind matched for it (by position in the vocabulary), and `exactTermWords` those of
 * them that are the query word itself (`exactWords`); `wordPassages` (the report's passage index) says which passages
 * hold each vocabulary word.
 *
 * Pagefind found the report because it holds every word of the query somewhere; a passage that holds them all is
 * what the reader is after, so only passages with the most query words are kept. With a theme chosen, passages
 * carrying it come before the others (`themed`, when given). Then, as Pagefind ranks, the query's own words count
 * above other forms of them; then the passage with the most matching words leads. With `documentOrder`, the report's
 * own order decides instead, as a reader going through the newest reports first would read them.
 */
export function rankPassages(
  wordPassages: readonly (readonly number[])[],
  termWords: readonly (readonly number[])[],
  { documentOrder, themed, exactTermWords = [] }: { documentOrder: boolean; themed?: ReadonlySet<number>; exactTermWords?: readonly (readonly number[])[] },
): number[] {
  const passagesPerTerm = (words: readonly (readonly number[])[]) => {
    const terms = new Map<number, Set<number>>();
    words.forEach((list, term) => {
      for (const word of list) for (const passage of wordPassages[word] ?? []) (terms.get(passage) ?? terms.set(passage, new Set()).get(passage)!).add(term);
    });
    return terms;
  };
  const terms = passagesPerTerm(termWords);
  const exactTerms = passagesPerTerm(exactTermWords);
  const matches = new Map<number, number>();
  for (const word of new Set(termWords.flat())) for (const passage of wordPassages[word] ?? []) matches.set(passage, (matches.get(passage) ?? 0) + 1);

  const inTheme = [...terms.keys()].filter((passage) => themed?.has(passage));
  const candidates = inTheme.length > 0 ? inTheme : [...terms.keys()];
  const most = Math.max(0, ...candidates.map((passage) => terms.get(passage)!.size));
  const exact = (passage: number) => exactTerms.get(passage)?.size ?? 0;
  return candidates
    .filter((passage) => terms.get(passage)!.size === most)
    .sort((a, b) => (documentOrder ? a - b : exact(b) - exact(a) || matches.get(b)! - matches.get(a)! || a - b));
}

export interface ExcerptRun {
  text: string;
  marked: boolean;
}

/**
 * About `length` words of a passage around its best stretch (the one with the most different query words marked,
 * then the most marks), as runs of plain and marked text, with an ellipsis where the passage goes on.
 */
export function excerptRuns(text: string, terms: readonly string[], length: number): ExcerptRun[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const marks = matchRanges(text, terms);
  const wordOf = (offset: number) => words.findIndex((word) => offset < word.end);
  const markedWords = marks.map(([start, end]) => ({ word: wordOf(start), term: text.slice(start, end).toLowerCase() }));
  let from = 0;
  if (words.length > length && markedWords.length > 0) {
    let best = { from: 0, terms: -1, marks: -1 };
    for (const { word } of markedWords) {
      // A little context before the first mark of the stretch reads better than starting on the word itself.
      const start = Math.max(0, Math.min(word - 3, words.length - length));
      const inside = markedWords.filter((m) => m.word >= start && m.word < start + length);
      const distinct = new Set(inside.map((m) => m.term)).size;
      if (distinct > best.terms || (distinct === best.terms && inside.length > best.marks)) best = { from: start, terms: distinct, marks: inside.length };
    }
    from = best.from;
  }
  const to = Math.min(words.length, from + length);
  if (to === 0) return [];
  const sliceStart = words[from]!.start;
  const sliceEnd = words[to - 1]!.end;
  const runs: ExcerptRun[] = [];
  const push = (piece: string, marked: boolean) => {
    if (!piece) return;
    const previous = runs.at(-1);
    if (previous && previous.marked === marked) previous.text += piece;
    else runs.push({ text: piece, marked });
  };
  if (from > 0) push('…', false);
  let at = sliceStart;
  for (const [start, end] of marks) {
    if (end <= sliceStart || start >= sliceEnd) continue;
    push(text.slice(at, start), false);
    push(text.slice(start, end), true);
    at = end;
  }
  push(text.slice(at, sliceEnd), false);
  if (to < words.length) push('…', false);
  return runs;
}

/** What a screen reader should say for a hit's label: "¶ 41" is "Paragraph 41"; "A2" is the archive's number. */
export function spokenLabel(label: string): string {
  if (label.startsWith('¶ ')) return `Paragraph ${label.slice(2)}`;
  if (/^A\d+$/.test(label)) return `Paragraph ${label} (archive numbering)`;
  return label;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The result count sentence, shown and announced: "Passages of 12 reports match “private fostering”." */
export function resultSummary(query: string, total: number, unfiltered: number): string {
  const matched = `“${query}”`;
  if (unfiltered === 0) return `No passages match ${matched}. Check the spelling, or try fewer or different words.`;
  if (total === unfiltered) return `Passages of ${plural(total, 'report', 'reports')} match ${matched}.`;
  if (total === 0) return `No report with passages matching ${matched} fits the filters chosen (${plural(unfiltered, 'report', 'reports')} without them).`;
  return `${plural(total, 'report', 'reports')} of ${unfiltered.toLocaleString('en-GB')} with passages matching ${matched} fit the filters chosen.`;
}
