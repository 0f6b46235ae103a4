/**
 * What the search index is built from: for each report, one Pagefind record (its vocabulary, facets and date) and
 * its passage files (see passage-index.ts for why two levels). Pure: a report record in, index entries out.
 *
 * The index is built from the report records, not from the built HTML, so navigation, footers, citation boxes and
 * any other page furniture can never be indexed: only the text the report itself contains is.
 */
import type { ReportRecord } from '../../schemas/report.ts';
import { documentTypeName, formatDate } from '../site/format.ts';
import { reportUrl } from '../site/urls.ts';
import { NOT_GRADED, type FacetKey, type SortKey } from './facets.ts';
import { indexContent, vocabulary, wordFiles, type PassageEntry, type PassageIndex, type WordFile } from './passage-index.ts';

/**
 * The shape Pagefind's `index.addCustomRecord` takes (its own type lives in the pagefind package's Node types). No
 * `meta`: Pagefind would index a title, and a hit on a word no passage holds would have no passage to show.
 */
export interface SearchRecord {
  url: string;
  /** The report's vocabulary, each word repeated by its weight (`indexContent`). */
  content: string;
  language: 'en';
  filters: Record<FacetKey, string[]>;
  sort: Record<SortKey, string>;
}

export interface SearchDocument {
  record: SearchRecord;
  index: PassageIndex;
  words: WordFile[];
  /** The report's vocabulary, each word once: for the archive's "did you mean" files. */
  vocabulary: string[];
  /** The passages' text, in the index's order. */
  texts: string[];
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
    record: {
      url,
      content: indexContent(words, passagesOf),
      language: 'en',
      filters: {
        authority: [report.authority],
        type: [documentTypeName(report.documentType)],
        year: [report.published.slice(0, 4)],
        judgement: [report.overallEffectiveness ?? NOT_GRADED],
        theme: [...themes],
      },
      sort: { date: report.published },
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
