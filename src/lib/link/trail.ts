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

/** What a later document of each kind did with the matter, for one or more documents (dates in words). */
const PHRASES: Record<DocumentType, (dates: string, several: boolean) => string> = {
  inspection: (dates, several) => `raised again in the inspection${several ? 's' : ''} of ${dates}`,
  'monitoring-visit': (dates, several) => `revisited at the monitoring visit${several ? 's' : ''} of ${dates}`,
  'focused-visit': (dates, several) => `revisited at the focused visit${several ? 's' : ''} of ${dates}`,
  'lscb-review': (dates, several) => `taken up in the safeguarding board review${several ? 's' : ''} of ${dates}`,
  'looked-after-children-inspection': (dates, several) =>
    `raised again in the inspection${several ? 's' : ''} of services for looked after children of ${dates}`,
  'council-report': (dates, several) => `answered by the council report${several ? 's' : ''} of ${dates}`,
  other: (dates, several) => `taken up in the document${several ? 's' : ''} of ${dates}`,
};

/** A later document a recommendation was followed up in. */
export interface LaterDocument {
  documentType: DocumentType;
  published: string;
}

/** How many later documents the sentence names before counting the rest. */
const NAMED = 3;

/** "A", "A and B", "A, B and C". */
function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One sentence from the later documents, oldest first: "Raised again in the inspection of 8 May 2019.";
 * "Revisited at the monitoring visits of 5 March 2018 and 30 September 2019, then raised again in the inspection
 * of 1 April 2022." Neighbouring documents of one kind share a phrase.
 */
export function trailSentence(later: readonly LaterDocument[]): string {
  if (later.length === 0) return 'Not mentioned in any later document in the archive.';
  const runs: { documentType: DocumentType; dates: string[] }[] = [];
  for (const doc of later.slice(0, NAMED)) {
    const last = runs[runs.length - 1];
    if (last?.documentType === doc.documentType) last.dates.push(dateInWords(doc.published));
    else runs.push({ documentType: doc.documentType, dates: [dateInWords(doc.published)] });
  }
  const rest = later.length - NAMED;
  const tail = rest > 0 ? `, and in ${rest} more later document${rest === 1 ? '' : 's'}` : '';
  const sentence = runs.map((run) => PHRASES[run.documentType](listed(run.dates), run.dates.length > 1)).join(', then ') + tail;
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
}
