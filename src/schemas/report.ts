/**
 * The one schema of a report record. The ingest script validates every record with it before writing
 * `content/reports/<slug>.mdx`, and the site validates the same frontmatter with it again when it reads the records,
 * so the page code can trust every field. Change a field here and both sides change together.
 *
 * Dates are ISO `YYYY-MM-DD` strings, not Date objects, so a record prints as JSON exactly as it is stored.
 */
import { z } from 'zod';

/** Ofsted's grades, on one controlled vocabulary across the SIF (2013–2017) and ILACS (2018–) frameworks. */
export const GRADES = [
  'Outstanding',
  'Good',
  'Requires improvement to be good',
  'Requires improvement',
  'Adequate',
  'Inadequate',
] as const;
export const gradeSchema = z.enum(GRADES);
export type Grade = z.infer<typeof gradeSchema>;

/**
 * Judgement areas lined up across frameworks, so an authority's history can be read row by row:
 * SIF "Children who need help and protection" and ILACS "The experiences and progress of children who need help
 * and protection" are both `help-and-protection`; SIF "Leadership, management and governance" and ILACS "The impact
 * of leaders…" are both `leadership`; SIF "Children looked after and achieving permanence" and ILACS "children in
 * care and care leavers" are both `in-care`, with the separate care-leaver grades (SIF's sub-judgement, ILACS since
 * 2023) as `care-leavers`.
 */
export const JUDGEMENT_AREAS = [
  'overall-effectiveness',
  'help-and-protection',
  'in-care',
  'care-leavers',
  'adoption',
  'leadership',
  'lscb',
] as const;
export const judgementAreaKeySchema = z.enum(JUDGEMENT_AREAS);
export type JudgementAreaKey = z.infer<typeof judgementAreaKeySchema>;

export const DOCUMENT_TYPES = [
  'inspection',
  'monitoring-visit',
  'focused-visit',
  'lscb-review',
  'looked-after-children-inspection',
  'council-report',
  'other',
] as const;
export const documentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof documentTypeSchema>;

/**
 * The one check of a date, used by the schema, the sidecars, the command-line flags and the parser: `YYYY-MM-DD`
 * naming a day the calendar has. The shape alone would let 2023-13-45 through (and crash the feed's date) or
 * 2022-02-30 (shown as "30 February" while the feed said 2 March).
 */
export function isCalendarDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date such as 2022-04-01')
  .refine(isCalendarDate, 'there is no such day (months run 01–12, days as far as the month has them): write the real date, e.g. 2022-04-01')
  .describe('An ISO calendar date, YYYY-MM-DD.');

/**
 * Characters the archive cannot publish: those XML 1.0 forbids (C0 controls other than tab, line feed and carriage
 * return; U+FFFE, U+FFFF; a UTF-16 surrogate without its pair), which would make the Atom feeds malformed and crash
 * the search indexer, and DEL and the C1 controls U+0080–U+009F, which no real text contains. Every string of a
 * record and a sidecar is checked against it, whatever it came from.
 */
const UNPUBLISHABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first unpublishable character in the text, as `U+XXXX` with its position, or null. */
export function unpublishableCharacter(text: string): { index: number; code: string } | null {
  const found = UNPUBLISHABLE.exec(text);
  return found ? { index: found.index, code: `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` } : null;
}

/** A sidecar's text: nothing unpublishable; the message names the character (it is invisible in the quoted value). */
const publishableText = z.string().superRefine((text, context) => {
  const found = unpublishableCharacter(text);
  if (found) {
    context.addIssue({
      code: 'custom',
      message: `contains ${found.code} at character ${found.index + 1}, which the archive cannot publish (XML forbids it): delete it`,
    });
  }
});

/**
 * Where an original is published: an https address, or http on a gov.uk host (Ofsted's older links), with no user
 * name or password in it. Never javascript:, data:, vbscript: or file: — the value becomes a link on the report page,
 * JSON-LD `sameAs` and a column of the exports, which carry it to other people's programs.
 */
export function isPublicUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const webAddress = url.protocol === 'https:' || (url.protocol === 'http:' && /(?:^|\.)gov\.uk$/.test(url.hostname));
  return webAddress && url.username === '' && url.password === '' && unpublishableCharacter(value) === null;
}
const publicUrl = z
  .string()
  .refine(isPublicUrl, 'expected a web address starting https:// (or http:// on a gov.uk host), such as https://files.ofsted.gov.uk/v1/file/50185938');

/** The longest authority name: the longest English one ("Bournemouth, Christchurch and Poole") has 35 characters. */
const MAX_AUTHORITY_LENGTH = 80;

/** An HTML id: letters, digits and hyphens, starting with a letter, so it works in URLs and CSS selectors. */
const anchorId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected an anchor id such as para-41');

export const judgementSchema = z.object({
  area: z.string().min(1).describe('The judgement area as the report words it, e.g. "Overall effectiveness".'),
  areaKey: judgementAreaKeySchema.describe('The area lined up across frameworks (see JUDGEMENT_AREAS).'),
  grade: gradeSchema.describe('The grade, on the controlled vocabulary.'),
});
export type Judgement = z.infer<typeof judgementSchema>;

export const recommendationSchema = z.object({
  id: anchorId.describe('The anchor on the report page: rec-<number>.'),
  number: z
    .number()
    .int()
    .positive()
    .describe("The report's own number (SIF numbers them); for unnumbered bullet lists, the position, from 1."),
  text: z.string().min(1).describe('The recommendation, whole, as one paragraph.'),
  section: z.string().nullable().describe('Id of the section the recommendation is listed in, if any.'),
  themes: z.array(z.string()).describe('Theme slugs from content/themes.json.'),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const footnoteRefSchema = z.object({
  number: z.number().int().positive().describe('The footnote number, as printed.'),
  offset: z.number().int().nonnegative().describe('Where in the paragraph text the reference mark stands.'),
});

export const paragraphSchema = z.object({
  id: anchorId.describe(
    'The permanent anchor. para-<n> for the report\'s own paragraph n (para-6-2 for a second "6.0"); ' +
      'ap-<k> for the k-th paragraph the report does not number.',
  ),
  number: z
    .number()
    .nullable()
    .describe('The report\'s own paragraph number (6 for a council report\'s "6.0"), or null if it has none.'),
  label: z
    .string()
    .describe('The number shown beside the paragraph: "41", "6.0", or "A3" for archive-numbered paragraphs.'),
  section: z.string().describe('Id of the section the paragraph belongs to.'),
  text: z.string().min(1).describe('The paragraph text, plain, with "\\n" between list items or table rows.'),
  recommendationMarker: z
    .boolean()
    .describe('True where the report ends the paragraph with "(Recommendation)" (SIF).'),
  footnoteRefs: z.array(footnoteRefSchema).describe('Footnote references inside the text.'),
  themes: z.array(z.string()).describe('Theme slugs from content/themes.json.'),
  supports: z
    .array(z.number().int())
    .describe('Numbers of recommendations of the same report this paragraph is evidence for (filled by linking).'),
});
export type Paragraph = z.infer<typeof paragraphSchema>;

export const sectionSchema = z.object({
  id: anchorId.describe('The anchor of the section heading.'),
  title: z.string().min(1),
  level: z.number().int().min(2).max(4).describe('Heading level on the page (the report title is the h1).'),
  grade: gradeSchema.nullable().describe('The grade a judgement section heading states, if any.'),
});
export type Section = z.infer<typeof sectionSchema>;

export const footnoteSchema = z.object({
  number: z.number().int().positive(),
  text: z.string().min(1),
});

/** Why a link between a recommendation and a paragraph was made, shown beside the link. */
export const linkReasonSchema = z.object({
  score: z.number().describe('Similarity score of the matcher, 0–1.'),
  sharedThemes: z.array(z.string()).describe('Theme slugs both sides carry.'),
  sharedTerms: z.array(z.string()).describe('The most telling words both sides use.'),
  marker: z.boolean().describe('True where the paragraph carries the report\'s own "(Recommendation)" marker.'),
});

export const evidenceLinkSchema = linkReasonSchema.extend({
  paragraphId: anchorId,
});

export const followUpSchema = linkReasonSchema.extend({
  report: z.string().describe('Slug of the later document.'),
  paragraphId: anchorId.describe('Anchor of the paragraph (or rec-<n>) in the later document.'),
});

export const VERDICT_KINDS = [
  'improved',
  'still-a-concern',
  'mixed',
  'not-addressed',
  'action-committed',
  'restated',
  'mentioned',
] as const;

/** What one later document said about a recommendation's matter (src/lib/link/verdict.ts says how it is read). */
export const verdictSchema = z.object({
  report: z.string().describe('Slug of the later document.'),
  verdict: z
    .enum(VERDICT_KINDS)
    .describe(
      'improved, still-a-concern, mixed or not-addressed for an inspection or visit; action-committed, restated or ' +
        'not-addressed for a council report; mentioned where the document touches the matter without a verdict.',
    ),
  paragraphId: anchorId.nullable().describe('The passage that carries the verdict; null when nothing in the document does.'),
  sentence: z.string().nullable().describe('The sentence quoted for the verdict, verbatim; null for mentioned and not-addressed.'),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const recommendationLinksSchema = z.object({
  number: z.number().int(),
  evidence: z.array(evidenceLinkSchema).describe('Paragraphs of the same report that support it, best first.'),
  followUps: z.array(followUpSchema).describe('Passages of later documents on the same matter, oldest first.'),
  verdicts: z
    .array(verdictSchema)
    .default([])
    .describe('One per later document that examines the matter, oldest first.'),
  trail: z.string().describe('One plain sentence on what happened next, from the verdicts.'),
});
export type RecommendationLinks = z.infer<typeof recommendationLinksSchema>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 as 64 lower-case hex digits');

/**
 * The original publication, as the archive keeps it, for a source that is a conversion of it (a seed's text made
 * from Ofsted's PDF): the site serves the file and refuses to build if its bytes no longer match the SHA-256.
 */
export const originalFileSchema = z
  .object({
    file: z
      .string()
      .regex(/^originals\/[a-z0-9]+(?:-[a-z0-9]+)*\.pdf$/, 'expected a PDF in content/sources/originals/, e.g. "originals/<source name>.pdf"')
      .describe('The file, relative to content/sources/.'),
    sha256: sha256.describe('SHA-256 of the file (`sha256sum`), checked when the site is built.'),
  })
  .strict();

export const sourceSchema = z.object({
  file: z.string().describe('The source file under content/sources/.'),
  format: z.enum(['text', 'pdf']),
  sha256,
  publisher: z.string().describe('Who published the document (sidecar, or Ofsted by default).'),
  licence: z.string().describe('Licence of the text, e.g. Open Government Licence v3.0.'),
  url: publicUrl.nullable().describe('Where the original is published, where known.'),
  original: originalFileSchema
    .nullable()
    .default(null)
    .describe('The original publication kept beside a source converted from it (sidecar "original"), if any.'),
});

export const reportSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(MAX_AUTHORITY_LENGTH + 48, 'a slug has at most 128 characters')
    .describe('URL name: <authority>-<published>-<type>.'),
  title: z.string().min(1).describe('The document title, as it states it.'),
  authority: z.string().min(1).max(MAX_AUTHORITY_LENGTH).describe('The local authority, e.g. "South Gloucestershire".'),
  authoritySlug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  documentType: documentTypeSchema,
  framework: z.enum(['SIF', 'ILACS']).nullable().describe('The inspection framework, where one applies.'),
  inspectionStart: isoDate.nullable().describe('First day of the inspection or visit.'),
  inspectionEnd: isoDate.nullable().describe('Last day of the inspection or visit.'),
  published: isoDate.describe('Publication date (the document, the sidecar, or the date the letter bears).'),
  leadInspector: z.string().nullable(),
  inspectors: z.array(z.string()).describe('Every inspector the document names, the lead first.'),
  judgements: z.array(judgementSchema).describe('Graded judgements; empty for documents that grade nothing.'),
  notJudged: z
    .array(judgementAreaKeySchema)
    .default([])
    .describe('Areas the judgement table marks "Not judged" (very small authorities): ungraded by the report, not lost.'),
  overallEffectiveness: gradeSchema.nullable(),
  recommendations: z.array(recommendationSchema),
  sections: z.array(sectionSchema),
  paragraphs: z.array(paragraphSchema).min(1, 'a report needs at least one paragraph of text'),
  footnotes: z.array(footnoteSchema),
  themes: z.array(z.string()).describe('Every theme the document touches, most frequent first.'),
  links: z.array(recommendationLinksSchema).describe('Evidence and follow-ups per recommendation (filled by linking).'),
  source: sourceSchema,
});
export type ReportRecord = z.infer<typeof reportSchema>;

/** The sidecar `<source>.json`: only facts the document does not state. Every field is optional. */
export const sidecarSchema = z
  .object({
    publisher: publishableText,
    published: isoDate,
    licence: publishableText,
    url: publicUrl,
    authority: publishableText
      .refine((name) => /[a-z]/i.test(name.normalize('NFKD')), 'an authority is named in words: write its name, e.g. "South Gloucestershire"')
      .refine((name) => name.length <= MAX_AUTHORITY_LENGTH, `an authority name has at most ${MAX_AUTHORITY_LENGTH} characters: write its usual name, e.g. "South Gloucestershire"`),
    documentType: documentTypeSchema,
    urn: z.string().regex(/^\d+$/, 'expected the digits of an Ofsted URN such as 80486'),
    original: originalFileSchema,
    // Archive numbers (A<k>) are positional, so a parser that stops publishing a document's first blocks (a letter's
    // address and salutation) would move every later one onto other text. Set once published, never lowered.
    firstArchiveParagraph: z.number().int().min(1).max(999),
    // Likewise a parser that joins blocks into the paragraph before them (a list's items) or reads one as a heading
    // frees their archive numbers: listed here, they are skipped, so every later anchor keeps its text.
    retiredArchiveParagraphs: z.array(z.number().int().min(1).max(999)).max(999),
  })
  .partial()
  .strict();
export type Sidecar = z.infer<typeof sidecarSchema>;
