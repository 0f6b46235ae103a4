/**
 * Search hits shaped for the results list: grouped under their report, excerpts split into plain and marked runs
 * (so the page builds them as text nodes, never as HTML), and the sentences the page shows and announces.
 */
import type { SearchRecordMeta } from './records.ts';

export interface Hit {
  /** The passage link, with the query terms for highlighting: /reports/<slug>/?highlight=…#para-41 */
  url: string;
  /** Pagefind's excerpt: text with `<` and `>` escaped and the matched words in `<mark>`. */
  excerpt: string;
  meta: SearchRecordMeta;
}

export interface HitGroup {
  report: string;
  title: string;
  authority: string;
  type: string;
  date: string;
  hits: Hit[];
}

/**
 * Hits of one report together, reports in the order of their first hit (the best, or the newest when sorted by
 * date). Within a report, hits keep their order (best first), or with `documentOrder` follow the report's own order,
 * as a reader going through the newest reports first would read them.
 */
export function groupHits(hits: readonly Hit[], { documentOrder }: { documentOrder: boolean }): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const hit of hits) {
    const { report, title, authority, type, date } = hit.meta;
    let group = groups.get(report);
    if (!group) groups.set(report, (group = { report, title, authority, type, date, hits: [] }));
    group.hits.push(hit);
  }
  if (documentOrder) for (const group of groups.values()) group.hits.sort((a, b) => Number(a.meta.position) - Number(b.meta.position));
  return [...groups.values()];
}

export interface ExcerptRun {
  text: string;
  marked: boolean;
}

/** Pagefind's excerpt → runs of text, marked or not, with its `&lt;`/`&gt;` turned back into the characters. */
export function excerptRuns(excerpt: string): ExcerptRun[] {
  const runs: ExcerptRun[] = [];
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) {
      const previous = runs.at(-1);
      if (previous && previous.marked === marked) previous.text += unescape(piece);
      else runs.push({ text: unescape(piece), marked });
    }
  }
  return runs;
}

/** What a screen reader should say for a hit's label: "¶ 41" is "Paragraph 41"; "A2" is the archive's number. */
export function spokenLabel(label: string): string {
  if (label.startsWith('¶ ')) return `Paragraph ${label.slice(2)}`;
  if (/^A\d+$/.test(label)) return `Paragraph ${label} (archive numbering)`;
  return label;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The result count sentence, shown and announced: "12 passages match “private fostering”." */
export function resultSummary(query: string, total: number, unfiltered: number): string {
  const matched = `“${query}”`;
  if (unfiltered === 0) return `No passages match ${matched}. Check the spelling, or try fewer or different words.`;
  if (total === unfiltered) return `${plural(total, 'passage matches', 'passages match')} ${matched}.`;
  if (total === 0) return `No passages match ${matched} with the filters chosen (${plural(unfiltered, 'passage', 'passages')} without them).`;
  return `${plural(total, 'passage', 'passages')} of ${unfiltered.toLocaleString('en-GB')} matching ${matched} fit the filters chosen.`;
}
