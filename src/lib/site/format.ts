import type { DocumentType, Grade } from '../../schemas/report.ts';
import { formatDate } from '../dates.ts';

/** Dates in words are defined once, in src/lib/dates.ts; pages take them from here with the other labels. */
export { formatDate };

export function formatDateRange(start: string | null, end: string | null): string | null {
  if (start && end && start !== end) return `${formatDate(start)} to ${formatDate(end)}`;
  const day = start ?? end;
  return day ? formatDate(day) : null;
}

const DOCUMENT_TYPE_NAMES: Record<DocumentType, string> = {
  inspection: 'Inspection',
  'monitoring-visit': 'Monitoring visit',
  'focused-visit': 'Focused visit',
  'lscb-review': 'LSCB review',
  'looked-after-children-inspection': 'Looked-after children inspection',
  'council-report': 'Council report',
  other: 'Other document',
};

export function documentTypeName(type: DocumentType): string {
  return DOCUMENT_TYPE_NAMES[type];
}

/**
 * Grades ranked so that changes can be shown as a direction. SIF's "Requires improvement" and ILACS's
 * "Requires improvement to be good" share a rank: the frameworks use them for the same band.
 */
const GRADE_RANK: Record<Grade, number> = {
  Outstanding: 4,
  Good: 3,
  'Requires improvement to be good': 2,
  'Requires improvement': 2,
  Adequate: 2,
  Inadequate: 1,
};

export function gradeRank(grade: Grade): number {
  return GRADE_RANK[grade];
}

export type Direction = 'improved' | 'declined' | 'same';

export function directionOfTravel(from: Grade, to: Grade): Direction {
  const change = gradeRank(to) - gradeRank(from);
  return change > 0 ? 'improved' : change < 0 ? 'declined' : 'same';
}

/** The opening of a text, cut at a word boundary, for lists that link to the whole. */
export function openingOf(text: string, maxLength = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : maxLength)}…`;
}

/**
 * "4,965": a whole number with its thousands separated, as en-GB writes it. Not `toLocaleString`: the browser's first
 * call loads its locale data, about 12 ms that the search page's first result waited for at 5,000 reports.
 */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** "1 recommendation", "3 recommendations", "0 paragraphs": a count with its noun agreeing. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}
