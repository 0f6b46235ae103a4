/**
 * The national figures as an export (/data/national.csv and .json): one row per authority with a graded inspection,
 * its latest overall grade and how it moved from the one before, from the same shaping as the national page
 * (src/lib/site/national.ts), so the download and the page cannot disagree.
 */
import { column, type Row } from './rows.ts';
import { absoluteUrl } from './urls.ts';
import { latestGradeRows, movementRows } from '../site/national.ts';
import type { LocalAuthority } from '../site/local-authorities.ts';
import type { AuthoritySummary } from '../site/shape.ts';
import { authorityUrl, reportUrl } from '../site/urls.ts';

export const NATIONAL_FILE = 'national';
export const nationalUrl = (format: 'csv' | 'json') => `/data/${NATIONAL_FILE}.${format}`;

export const NATIONAL_COLUMNS = [
  column('authority', 'string', 'The local authority, as its reports name it.'),
  column('authority_slug', 'string', 'The authority’s permanent name; its page is /authorities/<authority_slug>/.'),
  column('region', 'string', 'Its region, from the reference data (content/reference/local-authorities.csv).', true),
  column('la_type', 'string', 'County, Unitary Authority, Metropolitan District or London Borough, from the reference data.', true),
  column('latest_overall', 'string', 'Overall effectiveness at its latest graded inspection in the archive, in the report’s words.'),
  column('latest_band', 'string', 'That grade’s band: Outstanding, Good, Requires improvement (with SIF’s Adequate and ILACS’s “to be good”) or Inadequate.'),
  column('latest_inspection_year', 'integer', 'The year of that inspection (its last day on site, or failing that its publication).'),
  column('latest_report_url', 'url', 'The report that gave the latest grade.'),
  column('previous_overall', 'string', 'Overall effectiveness at the graded inspection before it, if the archive holds one.', true),
  column('direction', 'string', 'improved, same or declined from previous_overall to latest_overall (by band); empty without a previous grade.', true),
  column('authority_url', 'url', 'The authority’s page in the archive.'),
] as const;
export type NationalRow = Row<(typeof NATIONAL_COLUMNS)[number]['name']>;

export function nationalRows(authorities: readonly AuthoritySummary[], reference: readonly LocalAuthority[], site: URL): NationalRow[] {
  const moved = new Map(movementRows(authorities).map((m) => [m.slug, m]));
  return latestGradeRows(authorities, reference).map((row) => ({
    authority: row.authority,
    authority_slug: row.slug,
    region: row.region,
    la_type: row.type,
    latest_overall: row.grade,
    latest_band: row.band.label,
    latest_inspection_year: row.year,
    latest_report_url: absoluteUrl(reportUrl(row.reportSlug), site),
    previous_overall: moved.get(row.slug)?.from ?? null,
    direction: moved.get(row.slug)?.direction ?? null,
    authority_url: absoluteUrl(authorityUrl(row.slug), site),
  }));
}
