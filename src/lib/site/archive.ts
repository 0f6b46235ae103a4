/**
 * The archive as the routes see it: every record, validated, loaded once per build and shaped into the indexes
 * pages need.
 */
import type { ReportRecord } from '../../schemas/report.ts';
import { reportsDir } from '../archive-paths.ts';
import { loadReports } from '../ingest/report-loader.ts';
import { chronological, summariseAuthorities, type AuthoritySummary } from './shape.ts';

export interface Archive {
  /** Oldest first. */
  reports: ReportRecord[];
  bySlug: Map<string, ReportRecord>;
  authorities: AuthoritySummary[];
  authorityBySlug: Map<string, AuthoritySummary>;
}

let loaded: Promise<Archive> | undefined;

export function getArchive(): Promise<Archive> {
  loaded ??= Promise.resolve().then(() => {
    const reports = chronological(loadReports(reportsDir()));
    const authorities = summariseAuthorities(reports);
    return {
      reports,
      bySlug: new Map(reports.map((r) => [r.slug, r])),
      authorities,
      authorityBySlug: new Map(authorities.map((a) => [a.slug, a])),
    };
  });
  return loaded;
}
