/**
 * The one plain sentence under a recommendation that says what happened next: each later document that examines
 * its matter with the verdict it gives ("Improved at the inspection of 8 May 2019; still a concern at the
 * inspection of 23 July 2024."). The sentence says no more than the verdicts: a document that only mentions the
 * matter is named as mentioning it.
 */
import type { DocumentType, Verdict } from '../../schemas/report.ts';
import { formatDate } from '../dates.ts';

/** A document of each kind, named in running text. */
const DOCUMENT: Record<DocumentType, (dates: string, several: boolean) => string> = {
  inspection: (dates, several) => `the inspection${several ? 's' : ''} of ${dates}`,
  'monitoring-visit': (dates, several) => `the monitoring visit${several ? 's' : ''} of ${dates}`,
  'focused-visit': (dates, several) => `the focused visit${several ? 's' : ''} of ${dates}`,
  'lscb-review': (dates, several) => `the safeguarding board review${several ? 's' : ''} of ${dates}`,
  'looked-after-children-inspection': (dates, several) =>
    `the inspection${several ? 's' : ''} of services for looked after children of ${dates}`,
  'council-report': (dates, several) => `the council report${several ? 's' : ''} of ${dates}`,
  other: (dates, several) => `the document${several ? 's' : ''} of ${dates}`,
};

/** Each verdict in running text, given the document(s) that give it. */
const VERDICT_PHRASES: Record<Verdict['verdict'], (documents: string) => string> = {
  improved: (documents) => `improved at ${documents}`,
  'still-a-concern': (documents) => `still a concern at ${documents}`,
  mixed: (documents) => `mixed progress at ${documents}`,
  'not-addressed': (documents) => `not addressed by ${documents}`,
  'action-committed': (documents) => `action committed in ${documents}`,
  restated: (documents) => `restated, without an action, in ${documents}`,
  mentioned: (documents) => `mentioned, without a verdict, in ${documents}`,
};

/** A later document that examines a recommendation's matter, with its verdict. */
export interface LaterDocument {
  documentType: DocumentType;
  published: string;
  verdict: Verdict['verdict'];
}

export const NO_LATER_DOCUMENT = 'No later document in the archive examines this matter.';

/** "A", "A and B", "A, B and C". */
function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One sentence from the later documents, oldest first. Neighbouring documents of one kind with one verdict share a
 * phrase: "Still a concern at the inspections of 8 May 2019 and 23 July 2024."
 */
export function trailSentence(later: readonly LaterDocument[]): string {
  if (later.length === 0) return NO_LATER_DOCUMENT;
  const runs: { documentType: DocumentType; verdict: Verdict['verdict']; dates: string[] }[] = [];
  for (const doc of later) {
    const last = runs[runs.length - 1];
    if (last?.documentType === doc.documentType && last.verdict === doc.verdict) last.dates.push(formatDate(doc.published));
    else runs.push({ documentType: doc.documentType, verdict: doc.verdict, dates: [formatDate(doc.published)] });
  }
  const sentence = runs
    .map((run) => VERDICT_PHRASES[run.verdict](DOCUMENT[run.documentType](listed(run.dates), run.dates.length > 1)))
    .join('; ');
  return `${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
}
