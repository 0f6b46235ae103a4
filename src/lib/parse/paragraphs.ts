/**
 * Stage 4: headings and blocks → the record's sections and paragraphs, with their permanent anchors.
 *
 * Paragraph ids are the contract with everything that links to a paragraph, so they follow the report's own
 * numbering: Ofsted's paragraph 41 is `para-41` (label "41"); a council report's "6.0" is `para-6` (label "6.0",
 * number 6) and a second "6.0" `para-6-2`. Paragraphs the report does not number get the archive's own numbering,
 * `ap-<k>` labelled "A<k>", k counting them through the document, so it can never be mistaken for Ofsted's.
 */
import type { JudgementAreaKey, Paragraph, Section } from '../../schemas/report.ts';
import type { Block, SectionDraft } from './blocks.ts';
import type { Format } from './detect.ts';
import { classifyJudgementArea } from './judgements.ts';
import { collapseSpaces, slugify } from './text.ts';

/** Judgement areas that head a part of the report; adoption and care leavers are SIF sub-judgements of in-care. */
const MAIN_AREAS = new Set<JudgementAreaKey>(['overall-effectiveness', 'help-and-protection', 'in-care', 'leadership', 'lscb']);
/** Section anchors are cut to about this many characters, at a word. */
const SECTION_ID_LENGTH = 60;

export interface SectionsResult {
  sections: Section[];
  /** The section id of a block's `section`: a heading's index, or -1 for the lead section ('' if there is none). */
  idOf: (section: number) => string;
}

/**
 * The sections, in order, with unique anchors and heading levels. Text before the first heading gets a section of
 * its own, titled by the format ("Summary", "Letter"), only if there is such text.
 */
export function buildSections(drafts: readonly SectionDraft[], blocks: readonly Block[], format: Format): SectionsResult {
  const used = new Set<string>();
  const sections: Section[] = [];
  let leadId = '';
  if (blocks.some((block) => block.section === -1)) {
    leadId = uniqueId(sectionSlug(format.leadSection), used);
    sections.push({ id: leadId, title: format.leadSection, level: 2, grade: null });
  }
  const levels = headingLevels(drafts, format);
  const ids = drafts.map((draft, k) => {
    const id = uniqueId(sectionSlug(draft.title), used);
    sections.push({ id, title: draft.title, level: levels[k], grade: draft.grade });
    return id;
  });
  return { sections, idOf: (section) => (section === -1 ? leadId : ids[section]) };
}

/**
 * The standard headings Ofsted sets within a judgement's part of a report: "Summary" and "Inspection findings" under
 * each SIF judgement, "Executive summary" and "Recommendations" under the review of the board.
 */
const PART_SUBHEADING = /^(?:summary|inspection findings(?: – .{1,80})?|executive summary|recommendations|key strengths|areas for improvement)$/i;

/**
 * Heading levels 2–3 that never skip a level. Markdown levels in conversions are unreliable (sibling judgement
 * sections come out as ## and ###), and PDF text has none, so: a graded main judgement heading is level 2, and so
 * is an ungraded one the source marks ## or higher; a SIF sub-judgement (adoption, care leavers) under the in-care
 * section is level 3, and so is a standard subheading (PART_SUBHEADING) under a judgement other than the overall
 * one, so a contents list reads "Leadership…: Inadequate › Summary", not a run of "Summary" headings; other headings
 * are level 3 when the source marks them deeper than the last level-2 heading, else level 2.
 */
function headingLevels(drafts: readonly SectionDraft[], format: Format): number[] {
  let anchorRaw: number | null = null;
  let topArea: JudgementAreaKey | null = null;
  // Whether the last level-2 heading gives a judgement's grade ("Leadership…: Inadequate"), whose part follows.
  let judgedPart = false;
  return drafts.map((draft) => {
    const key = draft.area?.key ?? classifyJudgementArea(draft.title);
    let level: number;
    if (draft.area && !MAIN_AREAS.has(draft.area.key) && format.family === 'sif' && topArea === 'in-care') level = 3;
    else if (judgedPart && PART_SUBHEADING.test(draft.title)) level = 3;
    else if (draft.area && MAIN_AREAS.has(draft.area.key)) level = 2;
    else if (key && MAIN_AREAS.has(key) && (draft.rawLevel ?? 0) <= 2) level = 2;
    else if (draft.rawLevel !== null && anchorRaw !== null && draft.rawLevel > anchorRaw) level = 3;
    else level = 2;
    if (level === 2) {
      anchorRaw = draft.rawLevel;
      topArea = key;
      judgedPart = draft.area !== null && draft.area !== undefined && draft.area.key !== 'overall-effectiveness' && MAIN_AREAS.has(draft.area.key);
    }
    return level;
  });
}

/**
 * A section anchor from its title, short, starting with a letter, and never in the paragraph or recommendation
 * id space (`para-…`, `ap-…`, `rec-…`), which shares the page.
 */
function sectionSlug(title: string): string {
  let slug = '';
  for (const word of slugify(title).split('-')) {
    if (slug !== '' && slug.length + word.length + 1 > SECTION_ID_LENGTH) break;
    slug = slug === '' ? word : `${slug}-${word}`;
  }
  if (slug === '' || !/^[a-z]/.test(slug) || /^(?:para|ap|rec)-\d/.test(slug)) slug = `section-${slug}`.replace(/-$/, '');
  return slug;
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  used.add(id);
  return id;
}

/** The SIF marker that ends a paragraph a recommendation rests on; sometimes followed by the sentence's full stop. */
const MARKER = '(Recommendation)';

/** The text without a closing "(Recommendation)" marker, and whether it had one. */
function takeMarker(text: string): { text: string; marker: boolean } {
  const stop = text.endsWith(`${MARKER}.`) ? '.' : '';
  if (!text.endsWith(MARKER + stop)) return { text, marker: false };
  return { text: text.slice(0, text.length - MARKER.length - stop.length).trimEnd() + stop, marker: true };
}

const FOOTNOTE_MARK = /<sup>(\d+)<\/sup>/g;

/**
 * A footnote mark PDF text glued onto its word as a plain digit ("residential special schools3"): a lowercase word
 * (or closing bracket) run straight into the number of one of the document's footnotes.
 */
function markGluedFootnotes(text: string, footnotes: ReadonlySet<number>): string {
  if (footnotes.size === 0) return text;
  // Three letters at least before the number, or after them the punctuation it follows ("schools,3", "area.4"):
  // "s47" (a section 47 enquiry) and "Year11" are no footnote marks.
  return text.replace(/(?<=[a-z]{3}[.,;:]?|\))(\d{1,2})(?=[\s,.;:)]|$)/g, (digits) =>
    footnotes.has(Number(digits)) ? `<sup>${digits}</sup>` : digits,
  );
}

/**
 * Where a document's archive numbers (A<k>, anchor ap-<k>) start, and the numbers it once published for text that is
 * now part of another paragraph or a heading: skipped, so later anchors stay on their text (the sidecar's
 * `firstArchiveParagraph` and `retiredArchiveParagraphs`).
 */
export interface ArchiveNumbering {
  first?: number;
  retired?: ReadonlySet<number>;
}

/** The record's paragraphs from every block that is not a recommendation. */
export function buildParagraphs(
  blocks: readonly Block[],
  idOf: (section: number) => string,
  footnotes: ReadonlySet<number> = new Set(),
  archive: ArchiveNumbering = {},
): Paragraph[] {
  const used = new Set<string>();
  const paragraphs: Paragraph[] = [];
  const retired = archive.retired ?? new Set<number>();
  let unnumbered = (archive.first ?? 1) - 1;
  for (const block of blocks) {
    const { text, marker: recommendationMarker } = takeMarker(markGluedFootnotes(collapseSpaces(block.text).trim(), footnotes));
    const { plain, footnoteRefs } = takeFootnoteRefs(text);
    if (plain === '') continue;
    const n = block.numbered;
    if (!n) {
      unnumbered++;
      while (retired.has(unnumbered)) unnumbered++;
    }
    const k = n ? 0 : unnumbered;
    paragraphs.push({
      id: n ? uniqueId(`para-${n.label.replace(/\.0$/, '').replace(/\./g, '-')}`, used) : `ap-${k}`,
      number: n ? n.number : null,
      label: n ? n.label : `A${k}`,
      section: idOf(block.section),
      text: plain,
      recommendationMarker,
      footnoteRefs,
      themes: [],
      supports: [],
    });
  }
  return paragraphs;
}

/** Removes `<sup>n</sup>` marks from the text, recording where each stood. */
function takeFootnoteRefs(text: string): { plain: string; footnoteRefs: Paragraph['footnoteRefs'] } {
  if (!text.includes('<sup>')) return { plain: text, footnoteRefs: [] };
  const footnoteRefs: Paragraph['footnoteRefs'] = [];
  let plain = '';
  let last = 0;
  for (const m of text.matchAll(FOOTNOTE_MARK)) {
    plain += text.slice(last, m.index);
    footnoteRefs.push({ number: Number(m[1]), offset: plain.length });
    last = m.index + m[0].length;
  }
  plain += text.slice(last);
  return { plain: plain.trimEnd(), footnoteRefs };
}
