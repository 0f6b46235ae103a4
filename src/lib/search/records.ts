/**
 * What the search index is built from: for each report, its stems with the number of passages holding each (the
 * report index, report-index.ts), its facets and date, and its passage files (see passage-index.ts for the two
 * levels). Pure: a report record in, index entries out.
 *
 * The index is built from the report records, not from the built HTML, so navigation, footers, citation boxes and
 * any other page furniture can never be indexed: only the text the report itself contains is.
 */
import type { ReportRecord } from '../../schemas/report.ts';
import { documentTypeName, formatDate } from '../site/format.ts';
import { reportUrl } from '../site/urls.ts';
import { NOT_GRADED, type FacetKey } from './facets.ts';
import { stem } from './stem.ts';
import { vocabulary, wordFiles, type PassageEntry, type PassageIndex, type WordFile } from './passage-index.ts';

export interface SearchDocument {
  /** Publication date, yyyy-mm-dd: reports are numbered newest first. */
  published: string;
  /** Each stem of the report's words, with how many of its passages hold it. */
  stems: Map<string, number>;
  facets: Record<FacetKey, string[]>;
  index: PassageIndex;
  /** Word files by bucket (`wordFileOf`); undefined for a bucket none of its words falls in. */
  words: Array<WordFile | undefined>;
  /** The report's vocabulary, each word once: for the archive's "did you mean" files. */
  vocabulary: string[];
  /** The passages' text, in the index's order. */
  texts: string[];
}

/** Each stem of a vocabulary, with how many passages hold a word of that stem. */
function stemCounts(words: readonly string[], passagesOf: readonly (readonly number[])[]): Map<string, number> {
  const holders = new Map<string, Set<number>>();
  words.forEach((word, at) => {
    const key = stem(word);
    const set = holders.get(key) ?? new Set<number>();
    holders.set(key, set);
    for (const passage of passagesOf[at]) set.add(passage);
  });
  return new Map([...holders].map(([key, set]) => [key, set.size]));
}

/** "¶ 41" for the report's own numbers, the bare archive label ("A2") for paragraphs it leaves unnumbered. */
export function paragraphLabel(paragraph: { number: number | null; label: string }): string {
  return paragraph.number === null ? paragraph.label : `¶ ${paragraph.label}`;
}

/**
 * A report's index entries. Theme slugs become theme titles (the words the facet shows); a slug the taxonomy does
 * not know is kept as it is rather than dropped, so a stale tag is visible, not silent.
 */
export function searchDocument(report: ReportRecord, themeTitles: ReadonlyMap<string, string>): SearchDocument {
  const passages = [
    ...report.recommendations.map((r) => ({ anchor: r.id, label: `Recommendation ${r.number}`, text: r.text, themes: r.themes })),
    ...report.paragraphs.map((p) => ({ anchor: p.id, label: paragraphLabel(p), text: p.text, themes: p.themes })),
  ];
  const themes: string[] = [];
  const themePosition = (slug: string) => {
    const title = themeTitles.get(slug) ?? slug;
    const at = themes.indexOf(title);
    return at >= 0 ? at : themes.push(title) - 1;
  };
  const entries = passages.map(({ anchor, label, themes: slugs }): PassageEntry => [anchor, label, slugs.map(themePosition)]);
  const texts = passages.map((passage) => passage.text);
  const { words, passagesOf } = vocabulary(texts, `${report.authority} ${report.published.slice(0, 4)}`);
  const url = reportUrl(report.slug);
  return {
    published: report.published,
    stems: stemCounts(words, passagesOf),
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
    words: wordFiles(words, passagesOf, texts.length),
    vocabulary: words,
    texts,
  };
}
