/**
 * The one plain sentence under a recommendation that says what happened next, written from the later documents
 * its follow-ups come from. The wording follows the kind of document: an inspection raises a matter again, a
 * council report answers it, a visit revisits it.
 */
import type { DocumentType } from '../../schemas/report.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** An ISO date spelt out the British way: "2019-05-08" → "8 May 2019". */
export function dateInWords(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[month! - 1]} ${year}`;
}

const PHRASES: Record<DocumentType, (date: string) => string> = {
  inspection: (date) => `raised again in the inspection of ${date}`,
  'monitoring-visit': (date) => `revisited at the monitoring visit of ${date}`,
  'focused-visit': (date) => `revisited at the focused visit of ${date}`,
  'lscb-review': (date) => `taken up in the safeguarding board review of ${date}`,
  'looked-after-children-inspection': (date) => `raised again in the inspection of services for looked after children of ${date}`,
  'council-report': (date) => `answered by the council report of ${date}`,
  other: (date) => `taken up in the document of ${date}`,
};

/** A later document a recommendation was followed up in. */
export interface LaterDocument {
  documentType: DocumentType;
  published: string;
}

/** How many later documents the sentence names before summing up the rest. */
const NAMED = 3;

/**
 * "Raised again in the inspection of 8 May 2019." for one document; "Revisited at the monitoring visit of
 * 30 September 2019, then answered by the council report of 22 June 2022." for several, oldest first.
 */
export function trailSentence(later: readonly LaterDocument[]): string {
  if (later.length === 0) return 'Not mentioned in any later document in the archive.';
  const named = later.slice(0, NAMED).map((doc) => PHRASES[doc.documentType](dateInWords(doc.published)));
  const rest = later.length - named.length;
  const tail = rest > 0 ? `, and in ${rest} more later document${rest === 1 ? '' : 's'}` : '';
  const sentence = named.join(', then ') + tail;
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
}
