/**
 * What the search index is built from: for each report, its stems with the number of passages holding each (the
 * report index, report-index.ts), its facets and date, and its passage files (see passage-index.ts for the two
 * levels). Pure: a report record in, index entries out.
 *
 * The index is built from the report records, not from the built HTML, so navigation, footers, citation boxes and
 * any other page furniture can never be indexed: only the text the report itself contains is.
 */
import type { ReportRecord } from '../../schemas/report.ts';
import { passageName } from '../site/cite.ts';
import { documentTypeName, formatDate } from '../site/format.ts';
import { reportUrl } from '../site/urls.ts';
import { NOT_GRADED, type FacetKey } from './facets.ts';
import { indexWords, reportPostings, vocabulary, type PassageEntry, type PassageIndex, type PostingsFile } from './passage-index.ts';
import { stem } from './stem.ts';
import { OPTIONAL_WORDS } from './query.ts';

export interface SearchDocument {
  /** Publication date, yyyy-mm-dd: reports are numbered newest first. */
  published: string;
  /** Each stem of the report's words, with how many of its passages hold it. */
  stems: Map<string, number>;
  facets: Record<FacetKey, string[]>;
  index: PassageIndex;
  /** The report's words by stem, with the passages holding each: its own passage postings (passage-index.ts). */
  words: PostingsFile;
  /**
   * The stems of the report's authority's name, each once, without function words ("St Helens": "st", "helen";
   * "Cheshire West and Chester": three): a query holding all of them names this report's authority (rank.ts `named`).
   */
  authorityStems: string[];
  /** The report's vocabulary, each word once: for the archive's "did you mean" files. */
  vocabulary: string[];
  /** The passages' text, in the index's order. */
  texts: string[];
}

/** Each stem of a vocabulary (`stems`: each word's), with how many passages hold a word of that stem. */
function stemCounts(stems: readonly string[], passagesOf: readonly (readonly number[])[]): Map<string, number> {
  // Most stems have one word: its passages are counted without a set.
  const holders = new Map<string, readonly number[] | Set<number>>();
  stems.forEach((key, at) => {
    const held = holders.get(key);
    if (held === undefined) holders.set(key, passagesOf[at]);
    else {
      const set = held instanceof Set ? held : new Set(held);
      for (const passage of passagesOf[at]) set.add(passage);
      holders.set(key, set);
    }
  });
  return new Map([...holders].map(([key, held]) => [key, held instanceof Set ? held.size : held.length]));
}

/**
 * A report's index entries. Theme slugs become theme titles (the words the facet shows); a slug the taxonomy does
 * not know is kept as it is rather than dropped, so a stale tag is visible, not silent.
 */
export function searchDocument(report: ReportRecord, themeTitles: ReadonlyMap<string, string>): SearchDocument {
  // Labelled as the report page labels them (cite.ts), so a hit on a second "¶ 6.0" says "(2nd)" there too.
  const passages = [...report.recommendations, ...report.paragraphs].map(({ id, text, themes }) => ({
    anchor: id,
    label: passageName(report, id).label,
    text,
    themes,
  }));
  const themes: string[] = [];
  const themePosition = (slug: string) => {
    const title = themeTitles.get(slug) ?? slug;
    const at = themes.indexOf(title);
    return at >= 0 ? at : themes.push(title) - 1;
  };
  const entries = passages.map(({ anchor, label, themes: slugs }): PassageEntry => [anchor, label, slugs.map(themePosition)]);
  const texts = passages.map((passage) => passage.text);
  const { words, passagesOf, placesOf } = vocabulary(texts, `${report.authority} ${report.published.slice(0, 4)}`, OPTIONAL_WORDS);
  const url = reportUrl(report.slug);
  const stems = words.map((word) => stem(word));
  return {
    published: report.published,
    stems: stemCounts(stems, passagesOf),
    facets: {
      authority: [report.authority],
      type: [documentTypeName(report.documentType)],
      year: [report.published.slice(0, 4)],
      judgement: [report.overallEffectiveness ?? NOT_GRADED],
      theme: [...themes],
    },
    index: {
      report: { url, title: report.title, authority: report.authority, type: documentTypeName(report.documentType), date: formatDate(report.published) },
      themes,
      passages: entries,
    },
    words: reportPostings(words, passagesOf, placesOf, stems),
    authorityStems: [...new Set(indexWords(report.authority).filter((word) => !OPTIONAL_WORDS.has(word)).map((word) => stem(word)))],
    vocabulary: words,
    texts,
  };
}
