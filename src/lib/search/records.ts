/**
 * The search index's records: one per paragraph and one per recommendation, never one per page, so a hit names
 * and links the exact passage (`/reports/<slug>/#para-41`). Pure: report records in, Pagefind custom records out.
 *
 * The index is built from the report records, not from the built HTML, so navigation, footers, citation boxes and
 * any other page furniture can never be indexed: only the text the report itself contains is.
 */
import type { ReportRecord } from '../../schemas/report.ts';
import { documentTypeName, formatDate } from '../site/format.ts';
import { anchorUrl, reportUrl } from '../site/urls.ts';
import { NOT_GRADED, type FacetKey, type SortKey } from './facets.ts';

/** The shape Pagefind's `index.addCustomRecord` takes (its own type lives in the pagefind package's Node types). */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'en';
  meta: SearchRecordMeta;
  filters: Record<FacetKey, string[]>;
  sort: Record<SortKey, string>;
}

/** What a hit shows without opening the page; read back in the browser from `result.data().meta`. */
export interface SearchRecordMeta {
  /** The document title (Pagefind expects a `title`). */
  title: string;
  authority: string;
  /** The document type, in words. */
  type: string;
  /** Publication date, in words: "8 May 2019". */
  date: string;
  /** "¶ 41", "Recommendation 3", or "A2" for a paragraph the report does not number. */
  label: string;
  /** The report's URL, so hits can be grouped under their report. */
  report: string;
  /** Where the passage comes in its report (its recommendations first, then its paragraphs), from 0. */
  position: string;
  [key: string]: string;
}

/** "¶ 41" for the report's own numbers, the bare archive label ("A2") for paragraphs it leaves unnumbered. */
export function paragraphLabel(paragraph: { number: number | null; label: string }): string {
  return paragraph.number === null ? paragraph.label : `¶ ${paragraph.label}`;
}

/**
 * Every searchable passage of the archive. Theme slugs become theme titles (the words the facet shows); a slug the
 * taxonomy does not know is kept as it is rather than dropped, so a stale tag is visible, not silent.
 */
export function searchRecords(reports: readonly ReportRecord[], themeTitles: ReadonlyMap<string, string>): SearchRecord[] {
  return reports.flatMap((report) => {
    const documentFilters = {
      authority: [report.authority],
      type: [documentTypeName(report.documentType)],
      year: [report.published.slice(0, 4)],
      judgement: [report.overallEffectiveness ?? NOT_GRADED],
    };
    const documentMeta = {
      title: report.title,
      authority: report.authority,
      type: documentTypeName(report.documentType),
      date: formatDate(report.published),
      report: reportUrl(report.slug),
    };
    // Every record carries every sort key: Pagefind leaves a record without the key out of a sorted list.
    const sort = { date: report.published };
    const passages = [
      ...report.recommendations.map((r) => ({ anchor: r.id, label: `Recommendation ${r.number}`, text: r.text, themes: r.themes })),
      ...report.paragraphs.map((p) => ({ anchor: p.id, label: paragraphLabel(p), text: p.text, themes: p.themes })),
    ];
    return passages.map(({ anchor, label, text, themes }, position) => ({
      url: anchorUrl(report.slug, anchor),
      content: text,
      language: 'en',
      meta: { ...documentMeta, label, position: String(position) },
      filters: { ...documentFilters, theme: themes.map((slug) => themeTitles.get(slug) ?? slug) },
      sort,
    }));
  });
}
