/**
 * Which later documents examine a recommendation's matter at all, before any words are compared. A verdict is only
 * worth giving where the later document looked at the same thing:
 *
 * - A Local Safeguarding Children Board's recommendation is examined only by a later review of the board: the
 *   board part of a later SIF report, or a board review of its own. ILACS inspections (2018 onwards), visits and
 *   council reports do not review boards, so its recommendations have no follow-ups there.
 * - The local authority's recommendations are examined by the authority's part of later documents, never by a
 *   board part.
 * - A council report answers the inspection it responds to, the latest one published before it; it does not
 *   examine older recommendations.
 * - A council report's own "recommendations" are decisions of its cabinet ("Notes the report"), not findings a
 *   later inspection could revisit.
 */
import type { ReportRecord } from '../../schemas/report.ts';

/**
 * A heading that opens a report's review of the safeguarding board. SIF reports put it at the start of their
 * second part ("Section 2: The effectiveness of the Local Safeguarding Children Board", "The Local Safeguarding
 * Children Board (LSCB)"); everything from there on is about the board.
 */
const BOARD_HEADING = /\bsafeguarding children board\b|\bLSCB\b|\bsafeguarding board\b/i;

/** Index of the first section of the record's board part, or -1 if it has none. */
export function boardPartStart(record: ReportRecord): number {
  if (record.documentType === 'lscb-review') return 0;
  // The first section is the report's own opening, never the board part, even where its title names the board.
  return record.sections.findIndex((section, i) => i > 0 && BOARD_HEADING.test(section.title));
}

/**
 * Whether a paragraph or recommendation of the record, by the id of its section (null for a recommendation listed
 * in no section), belongs to the board part.
 */
export function inBoardPart(record: ReportRecord): (section: string | null) => boolean {
  const start = boardPartStart(record);
  if (start < 0) return () => false;
  const order = new Map(record.sections.map((section, index) => [section.id, index]));
  return (section) => section !== null && (order.get(section) ?? -1) >= start;
}

/** Whether a later document can examine recommendations of the board (true) or of the authority (false). */
export function reviewsBoard(record: ReportRecord): boolean {
  return boardPartStart(record) >= 0;
}

/**
 * The document each council report answers: the latest inspection of the same authority published before it
 * (`records` are one authority's documents, oldest first). Keyed by the council report's position in `records`.
 */
export function answeredBy(records: readonly ReportRecord[]): Map<number, number> {
  const answers = new Map<number, number>();
  let latestInspection = -1;
  records.forEach((record, index) => {
    if (record.documentType === 'council-report') {
      if (latestInspection >= 0 && records[latestInspection].published < record.published) answers.set(index, latestInspection);
    } else if (record.documentType === 'inspection' || record.documentType === 'looked-after-children-inspection') {
      latestInspection = index;
    }
  });
  return answers;
}

/**
 * Whether the later document examines a recommendation of the earlier one (positions in one authority's
 * documents, oldest first), given whether the recommendation is the board's.
 */
export function examines(
  records: readonly ReportRecord[],
  answers: ReadonlyMap<number, number>,
  earlier: number,
  later: number,
  boardRecommendation: boolean,
): boolean {
  const from = records[earlier];
  const to = records[later];
  if (from.documentType === 'council-report') return false;
  if (to.documentType === 'council-report') return !boardRecommendation && answers.get(later) === earlier;
  return boardRecommendation ? reviewsBoard(to) : true;
}
