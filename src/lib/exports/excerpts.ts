/**
 * Real excerpts of the exports for the /data/ page, made by the same functions as the files themselves, so what the
 * page shows is exactly what a download starts with.
 */
import type { ReportRecord } from '../../schemas/report.ts';
import { chronological } from '../site/shape.ts';
import { documentsFeed } from './feeds.ts';
import { COLUMNS, datasetRows } from './rows.ts';
import { reportJson, toCsv, toJson } from './serialise.ts';
import type { Dataset } from './urls.ts';

/** Rows shown of each CSV: the header and enough rows to see the shape. */
export const CSV_EXCERPT_ROWS = 3;
/** Items of each list kept in the record excerpt. */
export const RECORD_EXCERPT_ITEMS = 2;

/** The first rows of a CSV export and the first object of its JSON twin. */
export function datasetExcerpt(dataset: Dataset, records: readonly ReportRecord[], site: URL): { csv: string; json: string } {
  const rows = datasetRows(dataset, records, site);
  return {
    csv: toCsv(rows.slice(0, CSV_EXCERPT_ROWS), COLUMNS[dataset]).trimEnd(),
    json: toJson(rows.slice(0, 1), COLUMNS[dataset]).trimEnd(),
  };
}

/** A record with each of its lists cut to its first items, so every field shows on one screen or two. */
export function recordExcerpt(record: ReportRecord): string {
  const cut = <T>(list: readonly T[]) => list.slice(0, RECORD_EXCERPT_ITEMS);
  return reportJson({
    ...record,
    judgements: cut(record.judgements),
    recommendations: cut(record.recommendations),
    sections: cut(record.sections),
    paragraphs: cut(record.paragraphs),
    footnotes: cut(record.footnotes),
    links: cut(record.links).map((link) => ({ ...link, evidence: cut(link.evidence), followUps: cut(link.followUps) })),
  }).trimEnd();
}

/** The documents feed as it would read with only its newest entry: the real header and the real first entry. */
export function feedExcerpt(records: readonly ReportRecord[], site: URL): string {
  return documentsFeed(chronological(records).slice(-1), site);
}
