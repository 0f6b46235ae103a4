/**
 * Search results shaped for the results list: excerpts as runs of plain and marked text (so the page builds them as
 * text nodes, never as HTML), and the sentences the page shows and announces. Which passages to show, in what order,
 * is rank.ts's job.
 */
import { matchRanges } from './match-marks.ts';
import { countOf, formatCount } from '../site/format.ts';

export interface ExcerptRun {
  text: string;
  marked: boolean;
}

/**
 * About `length` words of a passage around its best stretch (the one with the most different matched words marked,
 * then the most marks), as runs of plain and marked text, with an ellipsis where the passage goes on. `matched` is
 * the words the search matched in the passage (match-marks.ts): nothing else is marked. With `focus` (the offset of a
 * quoted phrase in the text), the excerpt is the stretch around it.
 */
export function excerptRuns(text: string, matched: ReadonlySet<string>, length: number, focus?: number): ExcerptRun[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const marks = matchRanges(text, matched);
  const wordOf = (offset: number) => words.findIndex((word) => offset < word.end);
  const markedWords = marks.map(([start, end]) => ({ word: wordOf(start), term: text.slice(start, end).toLowerCase() }));
  let from = 0;
  if (words.length > length && focus !== undefined) {
    from = Math.max(0, Math.min(wordOf(focus) - 3, words.length - length));
  } else if (words.length > length && markedWords.length > 0) {
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
  const sliceStart = words[from].start;
  const sliceEnd = words[to - 1].end;
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

export interface SummaryInput {
  query: string;
  /** Reports with passages holding every group some report holds. */
  total: number;
  /** The same without the filters chosen (equal to `total` when none are). */
  unfiltered: number;
  /** What the reader typed for each group no report holds, and a word of the archive spelt like it. */
  notFound: Array<{ typed: string; suggestion: string | null }>;
  /** What the reader typed for each group that no passage holding the others holds too. */
  notTogether: string[];
}

const quoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join(', ');

/**
 * The result sentences, shown and announced: how many reports match, and, when some words could not be found, which
 * ones and what the archive says instead ("Did you mean …?"): a search never ends without saying what to try.
 */
export function resultSummary({ query, total, unfiltered, notFound, notTogether }: SummaryInput): string {
  const matched = `“${query}”`;
  const notes: string[] = [];
  if (notFound.length > 0) {
    notes.push(`No report uses ${quoted(notFound.map((n) => n.typed))}.`);
    const suggestions = notFound.flatMap((n) => (n.suggestion ? [n.suggestion] : []));
    if (suggestions.length > 0) notes.push(`Did you mean ${quoted(suggestions)}?`);
  }
  if (notTogether.length > 0 && unfiltered > 0) notes.push(`No passage holds every word: these hold most of them, without ${quoted(notTogether)}.`);
  const note = notes.length ? ` ${notes.join(' ')}` : '';
  if (unfiltered === 0) return `No passages match ${matched}.${note || ' Check the spelling, or try fewer or different words.'}`;
  if (total === unfiltered) return `Passages of ${countOf(total, 'report')} match ${matched}.${note}`;
  if (total === 0) return `No report with passages matching ${matched} fits the filters chosen (${countOf(unfiltered, 'report')} without them).${note}`;
  return `${countOf(total, 'report')} of ${formatCount(unfiltered)} with passages matching ${matched} fit the filters chosen.${note}`;
}
