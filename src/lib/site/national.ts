/**
 * The national picture, shaped from the same records and authority summaries as every other page: the latest
 * overall grade of each authority, how overall grades fall by year of inspection, and how authorities moved between
 * their last two graded inspections. Pure; the tables, the charts (src/lib/site/charts.ts) and the exports
 * (src/pages/data/national.*) all read these, so they cannot disagree.
 */
import type { Grade, ReportRecord } from '../../schemas/report.ts';
import { required } from '../required.ts';
import { gradeRank, type Direction } from './format.ts';
import { findLocalAuthority, type LocalAuthority } from './local-authorities.ts';
import type { AuthoritySummary } from './shape.ts';

/**
 * Overall grades in four bands, best first: SIF's "Requires improvement" and "Adequate" share the band of ILACS's
 * "Requires improvement to be good" (gradeRank). `symbol` names the shape charts draw for the band.
 */
export const GRADE_BANDS = [
  { rank: 4, label: 'Outstanding', symbol: 'star' },
  { rank: 3, label: 'Good', symbol: 'circle' },
  { rank: 2, label: 'Requires improvement', symbol: 'triangle' },
  { rank: 1, label: 'Inadequate', symbol: 'cross' },
] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];
export const gradeBand = (grade: Grade): GradeBand => required(GRADE_BANDS.find((band) => band.rank === gradeRank(grade)), `the band of the grade "${grade}"`);

/** When an inspection happened: its last day on site, or (when the record lacks it) its publication. */
export const inspectionYear = (report: ReportRecord) => Number((report.inspectionEnd ?? report.published).slice(0, 4));

export interface LatestGradeRow {
  authority: string;
  slug: string;
  region: string | null;
  type: string | null;
  grade: Grade;
  band: GradeBand;
  year: number;
  published: string;
  reportSlug: string;
}

/** Each authority with a graded inspection: its latest overall grade, with region and type from the reference data. */
export function latestGradeRows(authorities: readonly AuthoritySummary[], reference: readonly LocalAuthority[]): LatestGradeRow[] {
  return authorities.flatMap((authority) => {
    if (!authority.latestOverall) return [];
    const { grade, report } = authority.latestOverall;
    const la = findLocalAuthority(authority.name, reference);
    return [{
      authority: authority.name,
      slug: authority.slug,
      region: la?.region ?? null,
      type: la?.type ?? null,
      grade,
      band: gradeBand(grade),
      year: inspectionYear(report),
      published: report.published,
      reportSlug: report.slug,
    }];
  });
}

export interface YearOfGrades {
  year: number;
  /** How many overall grades in each band, in the order of GRADE_BANDS. */
  counts: number[];
  total: number;
  /** The inspections, best grade first, as the chart draws them one by one. */
  inspections: Array<{ authority: string; grade: Grade; band: GradeBand; reportSlug: string }>;
}

/** Every inspection with an overall grade, by year of inspection, oldest year first. */
export function gradesByYear(reports: readonly ReportRecord[]): YearOfGrades[] {
  const years = new Map<number, YearOfGrades['inspections']>();
  for (const report of reports) {
    if (!report.overallEffectiveness) continue;
    const year = inspectionYear(report);
    const list = years.get(year) ?? [];
    years.set(year, list);
    list.push({ authority: report.authority, grade: report.overallEffectiveness, band: gradeBand(report.overallEffectiveness), reportSlug: report.slug });
  }
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([year, inspections]) => {
      const sorted = [...inspections].sort((a, b) => b.band.rank - a.band.rank || a.authority.localeCompare(b.authority, 'en-GB'));
      return { year, counts: GRADE_BANDS.map((band) => sorted.filter((i) => i.band === band).length), total: sorted.length, inspections: sorted };
    });
}

export interface MovementRow {
  authority: string;
  slug: string;
  from: Grade;
  to: Grade;
  direction: Direction;
}

/** Authorities with two graded inspections: their last two overall grades and the direction between them. */
export function movementRows(authorities: readonly AuthoritySummary[]): MovementRow[] {
  return authorities.flatMap((a) =>
    a.direction && a.latestOverall ? [{ authority: a.name, slug: a.slug, from: a.direction.from, to: a.latestOverall.grade, direction: a.direction.direction }] : [],
  );
}

export const DIRECTIONS = [
  { direction: 'improved', label: 'Improved', mark: '↑' },
  { direction: 'same', label: 'Same grade', mark: '=' },
  { direction: 'declined', label: 'Declined', mark: '↓' },
] as const satisfies ReadonlyArray<{ direction: Direction; label: string; mark: string }>;

/** How many authorities moved each way, in the order of DIRECTIONS. */
export function movementCounts(rows: readonly MovementRow[]): Array<(typeof DIRECTIONS)[number] & { count: number }> {
  return DIRECTIONS.map((d) => ({ ...d, count: rows.filter((row) => row.direction === d.direction).length }));
}

export interface NeighbourComparison {
  own: { name: string; grade: Grade; band: GradeBand };
  /** The statistical neighbours with a graded inspection in the archive, most similar first. */
  neighbours: Array<{ name: string; href: string; grade: Grade; band: GradeBand; compared: 'better' | 'same' | 'worse' }>;
  counts: { better: number; same: number; worse: number };
  /** The counts in words, the kinds there are: "2 graded better, 1 graded the same". */
  summary: string;
}

const COMPARED_WORDS = { better: 'graded better', same: 'graded the same', worse: 'graded worse' } as const;

/**
 * An authority's latest overall grade beside its statistical neighbours' (as the authority profile lists them):
 * whether each neighbour's band is better, the same or worse. Null without a grade of its own or a graded neighbour.
 */
export function neighbourComparison(
  name: string,
  latest: { grade: Grade } | null,
  neighbours: ReadonlyArray<{ name: string; href: string | null; latest: { grade: Grade } | null }>,
): NeighbourComparison | null {
  if (!latest) return null;
  const own = { name, grade: latest.grade, band: gradeBand(latest.grade) };
  const graded = neighbours.flatMap((n) => {
    if (!n.latest || !n.href) return [];
    const band = gradeBand(n.latest.grade);
    const compared = band.rank > own.band.rank ? 'better' : band.rank < own.band.rank ? 'worse' : 'same';
    return [{ name: n.name, href: n.href, grade: n.latest.grade, band, compared } as const];
  });
  if (graded.length === 0) return null;
  const counts = { better: 0, same: 0, worse: 0 };
  for (const n of graded) counts[n.compared]++;
  const summary = (['better', 'same', 'worse'] as const).filter((c) => counts[c] > 0).map((c) => `${counts[c]} ${COMPARED_WORDS[c]}`).join(', ');
  return { own, neighbours: graded, counts, summary };
}

/**
 * Everything the national page shows: the latest-grade table with the choices of its region and type filters, grades
 * by year with how many inspections they count, and the moves between each authority's last two graded inspections,
 * each direction named in words with its arrow.
 */
export function nationalPicture(reports: readonly ReportRecord[], authorities: readonly AuthoritySummary[], reference: readonly LocalAuthority[]) {
  const latest = latestGradeRows(authorities, reference);
  const years = gradesByYear(reports);
  const moved = movementRows(authorities);
  const choices = (values: Array<string | null>) => [...new Set(values.flatMap((value) => (value ? [value] : [])))].sort();
  const directionName = (direction: Direction) => {
    const { mark, label } = required(DIRECTIONS.find((d) => d.direction === direction), `the direction "${direction}"`);
    return `${mark} ${label}`;
  };
  return {
    latest,
    regions: choices(latest.map((row) => row.region)),
    types: choices(latest.map((row) => row.type)),
    years,
    graded: years.reduce((sum, year) => sum + year.total, 0),
    moved: moved.map((row) => ({ ...row, directionName: directionName(row.direction) })),
    counts: movementCounts(moved),
  };
}
