/**
 * Which family a document belongs to, and that family's rules. A family is data fed to the one pipeline — how
 * paragraphs are numbered, whether unnumbered text after a numbered paragraph continues it, whether Ofsted's back
 * page follows, whether the document grades anything — never a code path of its own.
 *
 * Detection is a short list of rules over the first page or so of text, tried in order; the first that fits wins.
 * They look for what every document of the family states, not for anything particular to the sample documents.
 */
import type { DocumentType } from '../../schemas/report.ts';
import { isDateLine } from './dates.ts';
import type { Line } from './normalise.ts';
import { listItem } from './text.ts';

export type Family = 'sif' | 'ilacs' | 'letter' | 'council';

export interface NumberedStart {
  /** The number as a number: 41, or 6 for a council report's "6.0", 6.1 for "6.1". */
  number: number;
  /** The number as printed: "41", "6.0". */
  label: string;
  /** The whole-number part, which runs in sequence through the document. */
  major: number;
  /** The paragraph text after the number. */
  text: string;
}

export interface Format {
  readonly family: Family;
  readonly documentType: DocumentType;
  /** The framework, or null where it does not apply or depends on the date (letters). */
  readonly framework: 'SIF' | 'ILACS' | null;
  /** Title of the section holding text that comes before the first heading. */
  readonly leadSection: string;
  /** Reads a paragraph number at the start of a line, or null (also null for families that number nothing). */
  readonly paragraphNumber: (text: string) => NumberedStart | null;
  /**
   * Whether a number can follow the last one. Paragraph numbers run in sequence, which is what tells a paragraph
   * number from a hard-wrapped line that happens to start "2016. The…".
   */
  readonly follows: (last: number, major: number) => boolean;
  /**
   * Ofsted numbers every paragraph of its findings, so text without a number after a numbered paragraph, with no
   * heading between, is the rest of that paragraph: conversions split paragraphs at page breaks (SIF reports, with
   * "(Recommendation)" sometimes only on the part after the break), PDF text puts blank lines inside them.
   */
  readonly numberedContinuation: boolean;
  /** Ofsted's back page (about Ofsted, other formats, the licence, its address) ends the text. */
  readonly ofstedBackPage: boolean;
  /** The document grades services: it has a judgement table and graded section headings. */
  readonly grades: boolean;
  /** A letter: address block and salutation first, a signature block last. */
  readonly letter: boolean;
}

/**
 * The line without the list bullet a conversion may have put before a paragraph number ("- 23. At the time…").
 */
const withoutBullet = (text: string) => listItem(text)?.text ?? text;

/** "12. Text", "- 12. Text", and "12.Text" where a PDF's hanging indent lost the space. */
const OFSTED_NUMBER = /^(\d{1,4})\.(?:\s+|(?=[A-Z‘“'"(]))(\S.*)$/;
function ofstedNumber(text: string): NumberedStart | null {
  const m = OFSTED_NUMBER.exec(withoutBullet(text));
  return m ? { number: Number(m[1]), label: m[1], major: Number(m[1]), text: m[2] } : null;
}

/** Council reports number paragraphs "1.0", "6.0", "6.1"; a plain "1." is an item of a list inside a paragraph. */
const COUNCIL_NUMBER = /^(\d{1,3})\.(\d{1,2})\s+(\S.*)$/;
function councilNumber(text: string): NumberedStart | null {
  const m = COUNCIL_NUMBER.exec(withoutBullet(text));
  if (!m) return null;
  const label = `${m[1]}.${m[2]}`;
  return { number: Number(m[2]) === 0 ? Number(m[1]) : Number(label), label, major: Number(m[1]), text: m[3] };
}

/**
 * Allows a skipped number or two (a paragraph lost in conversion) and a repeated one (a council report's second
 * "6.0", a report's typo; the paragraph gets its own anchor), but not a jump, nor going back.
 */
const MAX_SKIP = 3;
const inSequence = (last: number, major: number) => major >= Math.max(last, 1) && major <= last + MAX_SKIP;
const unnumbered = () => null;

const OFSTED_REPORT = {
  documentType: 'inspection',
  leadSection: 'Summary',
  paragraphNumber: ofstedNumber,
  follows: inSequence,
  numberedContinuation: true,
  ofstedBackPage: true,
  grades: true,
  letter: false,
} as const;

export const SIF: Format = { ...OFSTED_REPORT, family: 'sif', framework: 'SIF' };
/** A review of a Local Safeguarding Children Board published on its own: a SIF report grading the board alone. */
export const LSCB_REVIEW: Format = { ...SIF, documentType: 'lscb-review' };
/**
 * An inspection of looked after children's services from before the SIF (to 2013): numbered paragraphs and graded
 * headings on the four-point scale with "Adequate", under neither framework.
 */
export const LOOKED_AFTER_CHILDREN: Format = {
  ...OFSTED_REPORT,
  family: 'sif',
  framework: null,
  documentType: 'looked-after-children-inspection',
};
export const ILACS: Format = { ...OFSTED_REPORT, family: 'ilacs', framework: 'ILACS' };

const LETTER = {
  family: 'letter',
  framework: null,
  leadSection: 'Letter',
  paragraphNumber: unnumbered,
  follows: inSequence,
  numberedContinuation: false,
  ofstedBackPage: true,
  grades: false,
  letter: true,
} as const;
export const MONITORING_VISIT: Format = { ...LETTER, documentType: 'monitoring-visit' };
export const FOCUSED_VISIT: Format = { ...LETTER, documentType: 'focused-visit' };
/** Any other Ofsted letter (a joint targeted area inspection, say): read as a letter; a sidecar can name its type. */
export const OTHER_LETTER: Format = { ...LETTER, documentType: 'other' };

export const COUNCIL_REPORT: Format = {
  family: 'council',
  documentType: 'council-report',
  framework: null,
  leadSection: 'Report summary',
  paragraphNumber: councilNumber,
  follows: inSequence,
  numberedContinuation: false,
  ofstedBackPage: false,
  grades: false,
  letter: false,
};

/** How far into the document detection looks: the title page and the start of a letter. */
const FIRST_LINES = 150;
/** The opening lines, where the title stands. */
const HEAD_LINES = 10;
/** Where a letter's salutation stands at the latest: after a letterhead, a date and an address of a few lines each. */
const LETTER_HEAD_LINES = 40;

/** Keys of the key–value table that opens a council committee or cabinet report. */
const COUNCIL_KEYS =
  /^(?:report title|(?:cabinet|committee|council|meeting) date|date of meeting|cabinet member|key decision|purpose of report|reasons for recommendations?|resource implications|background documents|divisional councillor\(s\)|statutory authority)\t/i;

/**
 * Each rule sees the first lines, and the first few as one text (`head`), because titles wrap ("Inspection of
 * Barnsley local authority" / "children's services").
 */
const RULES: { format: Format; fits: (first: string[], head: string) => boolean }[] = [
  {
    format: COUNCIL_REPORT,
    fits: (first) =>
      first.some((t) => /^report title:/i.test(t)) || first.filter((t) => COUNCIL_KEYS.test(t)).length >= 2,
  },
  {
    format: FOCUSED_VISIT,
    fits: (first) => first.some((t) => /^Dear\s/.test(t)) && first.some((t) => /\bfocused visit\b/i.test(t)),
  },
  {
    format: MONITORING_VISIT,
    fits: (first) => first.some((t) => /^Dear\s/.test(t)) && first.some((t) => /\bmonitoring visit\b/i.test(t)),
  },
  {
    // A letter: a date line (first, or under Ofsted's letterhead in a PDF), then the address and "Dear …".
    format: OTHER_LETTER,
    fits: (first) => {
      const salutation = first.slice(0, LETTER_HEAD_LINES).findIndex((t) => /^Dear\s/.test(t));
      return salutation > 0 && first.slice(0, salutation).some(isDateLine);
    },
  },
  {
    // The SIF title ("Re-inspection of services…" too), or its leadership judgement, which ILACS words differently.
    format: SIF,
    fits: (first, head) =>
      /\binspection of services for children in need of help and protection\b/i.test(head) ||
      first.some((t) => /^(?:\d+\.\s*)?Leadership, management and governance\b/.test(t)),
  },
  {
    format: LOOKED_AFTER_CHILDREN,
    fits: (_, head) =>
      /\binspection of (?:services for )?looked after children\b/i.test(head),
  },
  {
    format: LSCB_REVIEW,
    fits: (_, head) => /\bReview of the effectiveness of the Local Safeguarding Children Board\b/i.test(head),
  },
  {
    format: ILACS,
    fits: (first, head) =>
      /\bInspection of .{0,80}children['’]s (?:social care )?services\b/i.test(head) ||
      first.some((t) => /^The impact of leaders on social work practice/.test(t)),
  },
];

/** The family's rules, or null if no rule fits. */
export function detectFormat(lines: readonly Line[]): Format | null {
  const first = lines.slice(0, FIRST_LINES).map((line) => line.text.replace(/^#+\s*/, ''));
  const head = first.slice(0, HEAD_LINES).join(' ');
  return RULES.find((rule) => rule.fits(first, head))?.format ?? null;
}
