/**
 * Pure shaping of the records for pages: grouping by authority, ordering in time, lining judgements up across
 * frameworks. Routes call these; nothing here knows about Astro.
 */
import type { Grade, JudgementAreaKey, Paragraph, Recommendation, ReportRecord } from '../../schemas/report.ts';
import { JUDGEMENT_AREAS } from '../../schemas/report.ts';
import { required } from '../required.ts';
import { directionOfTravel, type Direction } from './format.ts';

/** Oldest first; same-day documents by slug so the order never depends on file-system order. */
export function chronological<Document extends Pick<ReportRecord, 'published' | 'slug'>>(records: readonly Document[]): Document[] {
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
      const graded = inspections.flatMap((report) => (report.overallEffectiveness ? [{ grade: report.overallEffectiveness, report }] : []));
      const latest = graded.at(-1);
      const previous = graded.at(-2);
      return {
        name: required(documents.at(-1), `a document of ${slug}`).authority,
        slug,
        documents,
        inspections,
        latestOverall: latest ?? null,
        direction: latest && previous ? { from: previous.grade, direction: directionOfTravel(previous.grade, latest.grade) } : null,
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
  /**
   * The area whose grade this is, where the report graded this area together with it: ILACS before 2023 graded
   * "children in care and care leavers" as one, so its care leavers' grade is the children in care grade.
   */
  gradedWith: string | null;
}

export interface HistoryRow {
  key: JudgementAreaKey;
  name: string;
  cells: Array<HistoryCell | null>;
}

/** ILACS 2018–2022 wording: one judgement on "the experiences and progress of children in care and care leavers". */
const GRADES_CARE_LEAVERS = /\bcare leavers\b/i;

/** The judgement a report gives an area: its own, or the one it graded the area within. */
function judgementFor(report: ReportRecord, key: JudgementAreaKey): { grade: Grade; area: string; gradedWith: string | null } | null {
  const own = report.judgements.find((j) => j.areaKey === key);
  if (own) return { grade: own.grade, area: own.area, gradedWith: null };
  if (key !== 'care-leavers') return null;
  const inCare = report.judgements.find((j) => j.areaKey === 'in-care' && GRADES_CARE_LEAVERS.test(j.area));
  return inCare ? { grade: inCare.grade, area: inCare.area, gradedWith: 'children in care' } : null;
}

/**
 * One row per judgement area that any of the inspections graded, one column per inspection (in the order given),
 * so "children in care and care leavers" (ILACS) sits beside "children looked after" (SIF), and its grade shows on
 * the care leavers row too, marked as graded with children in care.
 */
export function judgementHistory(inspections: readonly ReportRecord[]): HistoryRow[] {
  return JUDGEMENT_AREAS.flatMap((key) => {
    let last: Grade | null = null;
    const cells = inspections.map((report) => {
      const judgement = judgementFor(report, key);
      if (!judgement) return null;
      const cell = { ...judgement, change: last ? directionOfTravel(last, judgement.grade) : null };
      last = judgement.grade;
      return cell;
    });
    return cells.some((cell) => cell && !cell.gradedWith) ? [{ key, name: AREA_NAMES[key], cells }] : [];
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
  const count = (slug: string) => {
    const entry = counts.get(slug) ?? { recommendations: 0, paragraphs: 0 };
    counts.set(slug, entry);
    return entry;
  };
  for (const record of records) {
    for (const r of record.recommendations) for (const t of r.themes) count(t).recommendations++;
    for (const p of record.paragraphs) for (const t of p.themes) count(t).paragraphs++;
  }
  return counts;
}

/** The themes A–Z by title, each with how many recommendations and paragraphs carry it, for the themes page. */
export function themesAtoZ<T extends { slug: string; title: string }>(
  taxonomy: readonly T[],
  records: readonly ReportRecord[],
): Array<{ theme: T; recommendations: number; paragraphs: number }> {
  const counts = themeCounts(records);
  return [...taxonomy]
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB', { sensitivity: 'base' }))
    .map((theme) => ({ theme, recommendations: counts.get(theme.slug)?.recommendations ?? 0, paragraphs: counts.get(theme.slug)?.paragraphs ?? 0 }));
}

/** One document's recommendations and paragraphs that carry a theme, each in the document's order. */
export interface ThemePassages {
  report: ReportRecord;
  recommendations: Recommendation[];
  paragraphs: Paragraph[];
}

/** Each archive's passages by theme, made once: every theme page and theme feed reads it. */
const themeIndexes = new WeakMap<readonly ReportRecord[], Map<string, ThemePassages[]>>();

/** Every theme → the documents carrying it, newest first, each with its passages that carry it. */
function sortIntoThemes(records: readonly ReportRecord[]): Map<string, ThemePassages[]> {
  const index = new Map<string, ThemePassages[]>();
  const entryFor = (slug: string, report: ReportRecord): ThemePassages => {
    const documents = index.get(slug) ?? [];
    index.set(slug, documents);
    const last = documents.at(-1);
    if (last?.report === report) return last;
    const entry = { report, recommendations: [], paragraphs: [] };
    documents.push(entry);
    return entry;
  };
  for (const report of chronological(records).reverse()) {
    for (const recommendation of report.recommendations) for (const slug of new Set(recommendation.themes)) entryFor(slug, report).recommendations.push(recommendation);
    for (const paragraph of report.paragraphs) for (const slug of new Set(paragraph.themes)) entryFor(slug, report).paragraphs.push(paragraph);
  }
  return index;
}

/**
 * The documents carrying a theme, newest first, each with its passages that carry it. The archive is sorted into
 * themes once, the first time any theme of these records is asked for (theme by theme, scanning every passage for
 * each of 41 themes for its page and again for its feed took about 7 s at 5,000 reports).
 */
export function themePassages(records: readonly ReportRecord[], theme: string): readonly ThemePassages[] {
  let index = themeIndexes.get(records);
  if (!index) themeIndexes.set(records, (index = sortIntoThemes(records)));
  return index.get(theme) ?? [];
}

/** A theme's recommendations and findings across the archive, newest document first. */
export function themeEntries(records: readonly ReportRecord[], theme: string) {
  const documents = themePassages(records, theme);
  return {
    recommendations: documents.flatMap(({ report, recommendations }) => recommendations.map((recommendation) => ({ report, recommendation }))),
    findings: documents.flatMap(({ report, paragraphs }) => paragraphs.map((paragraph) => ({ report, paragraph }))),
  };
}
