/**
 * Pure shaping of the records for pages: grouping by authority, ordering in time, lining judgements up across
 * frameworks. Routes call these; nothing here knows about Astro.
 */
import type { Grade, JudgementAreaKey, ReportRecord } from '../../schemas/report.ts';
import { JUDGEMENT_AREAS } from '../../schemas/report.ts';
import { directionOfTravel, type Direction } from './format.ts';

/** Oldest first; same-day documents by slug so the order never depends on file-system order. */
export function chronological(records: readonly ReportRecord[]): ReportRecord[] {
  return [...records].sort((a, b) => a.published.localeCompare(b.published, 'en-GB') || a.slug.localeCompare(b.slug, 'en-GB'));
}

export interface AuthoritySummary {
  name: string;
  slug: string;
  /** Every document, oldest first. */
  documents: ReportRecord[];
  /** Documents with graded judgements, oldest first. */
  inspections: ReportRecord[];
  latestOverall: { grade: Grade; report: ReportRecord } | null;
  /** How the latest overall judgement compares with the one before it, if there was one. */
  direction: { from: Grade; direction: Direction } | null;
}

export function summariseAuthorities(records: readonly ReportRecord[]): AuthoritySummary[] {
  const byAuthority = new Map<string, ReportRecord[]>();
  for (const record of chronological(records)) {
    const list = byAuthority.get(record.authoritySlug) ?? [];
    list.push(record);
    byAuthority.set(record.authoritySlug, list);
  }
  return [...byAuthority.entries()]
    .map(([slug, documents]) => {
      const inspections = documents.filter((d) => d.judgements.length > 0);
      const graded = inspections.filter((d) => d.overallEffectiveness !== null);
      const latest = graded.at(-1);
      const previous = graded.at(-2);
      return {
        name: documents.at(-1)!.authority,
        slug,
        documents,
        inspections,
        latestOverall: latest ? { grade: latest.overallEffectiveness!, report: latest } : null,
        direction:
          latest && previous
            ? { from: previous.overallEffectiveness!, direction: directionOfTravel(previous.overallEffectiveness!, latest.overallEffectiveness!) }
            : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** The documents either side of one, within its authority. */
export function neighbours(summary: AuthoritySummary, slug: string): { previous: ReportRecord | null; next: ReportRecord | null } {
  const at = summary.documents.findIndex((d) => d.slug === slug);
  return { previous: summary.documents[at - 1] ?? null, next: summary.documents[at + 1] ?? null };
}

export const AREA_NAMES: Record<JudgementAreaKey, string> = {
  'overall-effectiveness': 'Overall effectiveness',
  'help-and-protection': 'Children who need help and protection',
  'in-care': 'Children in care (looked after)',
  'care-leavers': 'Care leavers',
  adoption: 'Adoption performance',
  leadership: 'Impact of leaders (leadership, management and governance)',
  lscb: 'Local Safeguarding Children Board',
};

export interface HistoryCell {
  grade: Grade;
  /** The area as that report words it. */
  area: string;
  /** Against the same area's previous grade in this history, if there was one. */
  change: Direction | null;
}

export interface HistoryRow {
  key: JudgementAreaKey;
  name: string;
  cells: Array<HistoryCell | null>;
}

/**
 * One row per judgement area that any of the inspections graded, one column per inspection (in the order given),
 * so "children in care and care leavers" (ILACS) sits beside "children looked after" (SIF).
 */
export function judgementHistory(inspections: readonly ReportRecord[]): HistoryRow[] {
  return JUDGEMENT_AREAS.flatMap((key) => {
    let last: Grade | null = null;
    const cells = inspections.map((report) => {
      const judgement = report.judgements.find((j) => j.areaKey === key);
      if (!judgement) return null;
      const cell = { grade: judgement.grade, area: judgement.area, change: last ? directionOfTravel(last, judgement.grade) : null };
      last = judgement.grade;
      return cell;
    });
    return cells.some(Boolean) ? [{ key, name: AREA_NAMES[key], cells }] : [];
  });
}

/**
 * How many of an authority's latest inspections get side-by-side pages. Pairs grow with the square of the number
 * of inspections; six (about fifteen years of inspections) keeps every pair a reader is likely to want while an
 * authority with decades of reports does not publish hundreds of pages. The full history table shows them all.
 */
export const COMPARED_INSPECTIONS = 6;

/** Every pair of the latest COMPARED_INSPECTIONS inspections, older first within the pair, for the comparison pages. */
export function inspectionPairs(inspections: readonly ReportRecord[]): Array<[ReportRecord, ReportRecord]> {
  const latest = inspections.slice(-COMPARED_INSPECTIONS);
  return latest.flatMap((a, i) => latest.slice(i + 1).map((b) => [a, b] as [ReportRecord, ReportRecord]));
}

/** How many recommendations and paragraphs carry each theme, across the archive. */
export function themeCounts(records: readonly ReportRecord[]): Map<string, { recommendations: number; paragraphs: number }> {
  const counts = new Map<string, { recommendations: number; paragraphs: number }>();
  const count = (slug: string) => counts.get(slug) ?? counts.set(slug, { recommendations: 0, paragraphs: 0 }).get(slug)!;
  for (const record of records) {
    for (const r of record.recommendations) for (const t of r.themes) count(t).recommendations++;
    for (const p of record.paragraphs) for (const t of p.themes) count(t).paragraphs++;
  }
  return counts;
}

/** A theme's recommendations and findings across the archive, newest document first. */
export function themeEntries(records: readonly ReportRecord[], theme: string) {
  const newestFirst = chronological(records).reverse();
  return {
    recommendations: newestFirst.flatMap((report) =>
      report.recommendations.filter((r) => r.themes.includes(theme)).map((recommendation) => ({ report, recommendation })),
    ),
    findings: newestFirst.flatMap((report) =>
      report.paragraphs.filter((p) => p.themes.includes(theme)).map((paragraph) => ({ report, paragraph })),
    ),
  };
}
