/**
 * What happened next to recommendations, shaped for pages: one recommendation with its evidence and the verdict of
 * each later document (the recommendation page), and every recommendation an authority was given, by theme (the
 * authority's tracker). Pure; routes call these with the archive, layouts present what they return.
 */
import type { Paragraph, Recommendation, RecommendationLinks, ReportRecord, Verdict } from '../../schemas/report.ts';
import { NO_LATER_DOCUMENT } from '../link/trail.ts';
import { passageName } from './cite.ts';
import { chronological } from './shape.ts';

type VerdictKind = Verdict['verdict'];

/** Each verdict in words, as a label (never colour alone: the words are the verdict). */
export const VERDICT_LABELS: Record<VerdictKind, string> = {
  improved: 'Improved',
  'still-a-concern': 'Still a concern',
  mixed: 'Mixed',
  'not-addressed': 'Not addressed',
  'action-committed': 'Action committed',
  restated: 'Restated, no action',
  mentioned: 'Mentioned',
};

/** What each verdict means, for the reader who wonders how the archive decided. */
export const VERDICT_MEANINGS: Record<VerdictKind, string> = {
  improved: 'The later document finds the matter better: the quoted sentence says so.',
  'still-a-concern': 'The later document finds the problem carries on, or recommends it again.',
  mixed: 'The later document finds some of it better and some of it still a concern.',
  'not-addressed': 'The council report answering the inspection does not take the recommendation up.',
  'action-committed': 'The council report commits to an action on it: what will be done, by whom or by when.',
  restated: 'The council report repeats the recommendation without saying what will be done.',
  mentioned: 'The later document touches the matter, but says nothing the archive can read as a verdict.',
};

/** A passage a link points at: a paragraph, or a recommendation of the later document. */
export interface Passage {
  id: string;
  /** How the page names it: "¶ 16", "A3", "Recommendation 5". */
  name: string;
  text: string;
}

/** The passage of a record with this anchor id, if it has one, named as every page names it (cite.ts). */
export function passageOf(record: ReportRecord, id: string): Passage | undefined {
  const text = record.paragraphs.find((p) => p.id === id)?.text ?? record.recommendations.find((r) => r.id === id)?.text;
  return text === undefined ? undefined : { id, name: passageName(record, id).label, text };
}

type Reason = RecommendationLinks['followUps'][number];

/** One later document's verdict on a recommendation, with the passage that carries it and its other links. */
export interface LaterFinding {
  report: ReportRecord;
  verdict: VerdictKind;
  label: string;
  /** The quoted sentence; null for "mentioned" and "not addressed". */
  sentence: string | null;
  /** The passage the verdict (or, for "mentioned", the best link) points at; null when there is none. */
  passage: Passage | null;
  /** The other passages of the document linked to the recommendation, best first. */
  others: Array<{ link: Reason; passage: Passage }>;
}

function laterFindings(links: RecommendationLinks, bySlug: ReadonlyMap<string, ReportRecord>): LaterFinding[] {
  return links.verdicts.flatMap((verdict) => {
    const report = bySlug.get(verdict.report);
    if (!report) return [];
    const passage = verdict.paragraphId ? (passageOf(report, verdict.paragraphId) ?? null) : null;
    const others = links.followUps.flatMap((link) => {
      if (link.report !== report.slug || link.paragraphId === verdict.paragraphId) return [];
      const other = passageOf(report, link.paragraphId);
      return other ? [{ link, passage: other }] : [];
    });
    return [{ report, verdict: verdict.verdict, label: VERDICT_LABELS[verdict.verdict], sentence: verdict.sentence, passage, others }];
  });
}

const NO_LINKS = (number: number): RecommendationLinks => ({ number, evidence: [], followUps: [], verdicts: [], trail: NO_LATER_DOCUMENT });

/** Everything the recommendation page shows. */
export interface RecommendationView {
  report: ReportRecord;
  recommendation: Recommendation;
  trail: string;
  evidence: Array<{ link: RecommendationLinks['evidence'][number]; paragraph: Paragraph }>;
  later: LaterFinding[];
  /** The title of the section the report lists it under, if it has one. */
  listedUnder: string | null;
  /** The numbers of the report's recommendations either side of it, for the pager. */
  previous: number | null;
  next: number | null;
}

export function recommendationView(
  report: ReportRecord,
  number: number,
  bySlug: ReadonlyMap<string, ReportRecord>,
): RecommendationView {
  const recommendation = report.recommendations.find((r) => r.number === number);
  if (!recommendation) throw new Error(`${report.slug} has no recommendation ${number}`);
  const links = report.links.find((l) => l.number === number) ?? NO_LINKS(number);
  const evidence = links.evidence.flatMap((link) => {
    const paragraph = report.paragraphs.find((p) => p.id === link.paragraphId);
    return paragraph ? [{ link, paragraph }] : [];
  });
  return {
    report,
    recommendation,
    trail: links.trail,
    evidence,
    later: laterFindings(links, bySlug),
    listedUnder: report.sections.find((s) => s.id === recommendation.section)?.title ?? null,
    previous: report.recommendations.filter((r) => r.number < number).at(-1)?.number ?? null,
    next: report.recommendations.find((r) => r.number > number)?.number ?? null,
  };
}

/** One recommendation in an authority's tracker. */
export interface TrackerRow {
  report: ReportRecord;
  recommendation: Recommendation;
  later: LaterFinding[];
}

export interface TrackerGroup {
  /** The theme slug, or null for recommendations the taxonomy finds no theme in. */
  theme: string | null;
  title: string;
  /** The group's anchor on the tracker page: `theme-` and its title as a slug. */
  id: string;
  rows: TrackerRow[];
}

export const UNTHEMED = 'Other matters';

const groupId = (title: string) => `theme-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

/**
 * Every recommendation an authority's documents make, grouped by each one's main theme (its first), groups in
 * alphabetical order with "Other matters" last, recommendations oldest first within a group.
 */
export function authorityTracker(
  documents: readonly ReportRecord[],
  bySlug: ReadonlyMap<string, ReportRecord>,
  themeTitles: ReadonlyMap<string, string>,
): TrackerGroup[] {
  const groups = new Map<string | null, TrackerRow[]>();
  for (const report of chronological(documents)) {
    for (const recommendation of report.recommendations) {
      const theme = recommendation.themes[0] ?? null;
      const links = report.links.find((l) => l.number === recommendation.number) ?? NO_LINKS(recommendation.number);
      const rows = groups.get(theme) ?? [];
      rows.push({ report, recommendation, later: laterFindings(links, bySlug) });
      groups.set(theme, rows);
    }
  }
  const titleOf = (theme: string | null) => (theme === null ? UNTHEMED : (themeTitles.get(theme) ?? theme));
  return [...groups.entries()]
    .map(([theme, rows]) => ({ theme, title: titleOf(theme), id: groupId(titleOf(theme)), rows }))
    .sort((a, b) => Number(a.theme === null) - Number(b.theme === null) || a.title.localeCompare(b.title, 'en-GB'));
}

/** What the tracker's opening line counts: the recommendations, and the documents that make them. */
export function trackerCounts(documents: readonly ReportRecord[], groups: readonly TrackerGroup[]) {
  return {
    recommendations: groups.reduce((sum, group) => sum + group.rows.length, 0),
    documents: documents.filter((d) => d.recommendations.length > 0).length,
  };
}
