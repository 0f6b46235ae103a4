/**
 * Real samples of the exports for the /data/ page, made by the same functions as the files themselves, so what the
 * page shows is exactly what a download starts with.
 */
import type { ReportRecord } from '../../schemas/report.ts';
import { chronological } from '../site/shape.ts';
import { documentsFeed } from './feeds.ts';
import { COLUMNS, datasetRowsByDocument, type Row } from './rows.ts';
import { reportJson, toCsv, toJson } from './serialise.ts';
import type { Dataset } from './urls.ts';

/** Rows shown of each CSV: the header and enough rows to see the shape. */
export const CSV_SAMPLE_ROWS = 3;
/** Items of each list kept in the record sample. */
export const RECORD_SAMPLE_ITEMS = 2;

/** The first rows of a CSV export and the first object of its JSON twin. */
export function datasetSample(dataset: Dataset, records: readonly ReportRecord[], site: URL): { csv: string; json: string } {
  // Only the first documents' rows are made: the whole verdicts table is 450,000 rows at 5,000 reports.
  const rows: Array<Row<string>> = [];
  for (const batch of datasetRowsByDocument(dataset, records, site)) {
    rows.push(...batch);
    if (rows.length >= CSV_SAMPLE_ROWS) break;
  }
  return {
    csv: toCsv(rows.slice(0, CSV_SAMPLE_ROWS), COLUMNS[dataset]).trimEnd(),
    json: toJson(rows.slice(0, 1), COLUMNS[dataset]).trimEnd(),
  };
}

/** A record with each of its lists cut to its first items, so every field shows on one screen or two. */
export function recordSample(record: ReportRecord): string {
  const cut = <T>(list: readonly T[]) => list.slice(0, RECORD_SAMPLE_ITEMS);
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
export function feedSample(records: readonly ReportRecord[], site: URL): string {
  return documentsFeed(chronological(records).slice(-1), site);
}
