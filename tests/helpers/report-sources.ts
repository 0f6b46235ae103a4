/**
 * Records already in memory as `ReportSource`s, for tests of the writers that read an archive one record at a time
 * (the search index, the data exports); the build's sources read their files (report-loader.ts `reportSource`).
 */
import type { ReportSource } from '../../src/lib/ingest/report-loader.ts';
import type { ReportRecord } from '../../src/schemas/report.ts';

export const heldReports = (records: readonly ReportRecord[]): ReportSource[] =>
  records.map((record) => ({ slug: record.slug, published: record.published, documentType: record.documentType, load: () => record }));
