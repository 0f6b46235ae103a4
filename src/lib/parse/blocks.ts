/**
 * Stage 3: body lines → headings and blocks of text. This is where hard wraps and page breaks are undone. The rules,
 * in the order they are asked:
 * - A markdown heading, a graded heading ("… requires improvement to be good", on up to three lines in PDF text, or
 *   as an area<TAB>grade row), a 2014 SIF part heading ("Section 2: …") or a short stand-alone line that reads as a
 *   heading starts a section. A line that is only a grade, right after a heading, is that heading's grade.
 * - A paragraph number that follows the last one in sequence starts a numbered paragraph.
 * - A list item joins the paragraph before it if that paragraph introduces it (ends with ":") or is a list whose
 *   item it nests under; a lowercase "- children understand…" after an unfinished sentence is that sentence
 *   going on (a conversion artefact); otherwise the item stands alone. In a recommendations section every item
 *   stands alone: each is one recommendation.
 * - A table row joins the table before it, or the paragraph that introduces it.
 * - A text line goes on the paragraph before it when nothing separates them (a hard wrap); across blank lines when
 *   the paragraph ended with ":" (a list without bullets), or its sentence is unfinished and the line reads as the
 *   rest of it or a page break came between; and, for Ofsted, whatever the gap, the rest of a numbered paragraph
 *   (after a page break in a conversion, after a stray blank line in PDF text).
 * - Footnotes (a `<sup>n</sup>` line, after a `---` rule) are taken out of the flow, which then goes on as if they
 *   were not there: they sit at the foot of a page, often in the middle of a paragraph.
 * Ofsted's back page ends the body; a table of contents is dropped (it is navigation, with page numbers).
 */
import type { Grade, JudgementAreaKey } from '../../schemas/report.ts';
import type { Format, NumberedStart } from './detect.ts';
import { classifyJudgementArea, isJudgementHeaderRow, parseGrade, parseGradedStatement } from './judgements.ts';
import type { Gap, Line } from './normalise.ts';
import {
  CLOSING,
  endsSentence,
  endsWithColon,
  joinWrapped,
  listItem,
  MARKDOWN_HEADING,
  SALUTATION,
  startsMidSentence,
  stripFootnoteMarks,
  tableCells,
  wrapSeparator,
} from './text.ts';

export interface SectionDraft {
  title: string;
  /** Markdown heading level in the source, where there is one. */
  rawLevel: number | null;
  grade: Grade | null;
  /** The judgement area a graded heading is about. */
  area: { name: string; key: JudgementAreaKey } | null;
  isRecommendations: boolean;
  line: number;
}

export interface Block {
  /** Index into the sections; -1 for text before any heading (the lead section). */
  section: number;
  numbered: NumberedStart | null;
  /** Started by an unnumbered list item (a recommendation, in a recommendations section). */
  item: boolean;
  table: boolean;
  /** The text, with "\n" between list items or table rows and TAB between table cells. */
  text: string;
  line: number;
  /** Set once the block has list items joined to it. */
  list: { itemFirst: boolean; depth: number } | null;
}

/**
 * A block being built: its text as pieces, each with the separator before it, joined once when the block is
 * closed (growing one string line by line and testing its end would copy it again for every line). `last` is the
 * last line added, which is all the joining rules look at.
 */
interface OpenBlock extends Omit<Block, 'text'> {
  pieces: string[];
  last: string;
}

/** Adds a line to a block after `separator` (" " for a wrap, "\n" for a list item or table row). */
function add(block: OpenBlock, separator: string, text: string): void {
  block.pieces.push(separator + text);
  block.last = text;
}

/** Adds a hard-wrapped line, keeping a word broken at a hyphen whole. */
function wrap(block: OpenBlock, text: string): void {
  add(block, wrapSeparator(block.last, text), text);
}

export interface Footnote {
  number: number;
  text: string;
}

export interface Body {
  sections: SectionDraft[];
  blocks: Block[];
  footnotes: Footnote[];
}

/** A heading is a short line: at most this many words. */
const HEADING_MAX_WORDS = 12;
const HEADING_MAX_LENGTH = 90;
/** A graded heading wraps over at most this many lines in PDF text. */
const GRADED_HEADING_MAX_LINES = 3;

const FOOTNOTE = /^<sup>(\d+)<\/sup>\s*(.*)$/;
const RULE = /^(?:-{3,}|_{3,})$/;
/**
 * Headings of recommendation lists: SIF "Recommendations", ILACS "What needs to improve?", and the 2014 SIF layout's
 * "What does the local authority need to improve?" with its "Priority and immediate action" and "Areas for
 * improvement".
 */
const RECOMMENDATIONS =
  /^(?:recommendations|what needs to improve|what does the .{1,40} need to improve|priority and immediate action|areas for improvement)\b/i;
/** Headings that begin another kind of section, so cannot be a topic within a recommendations list. */
const ENDS_RECOMMENDATIONS =
  /strengths|summary|findings|information|inspection|progress|judge?ments?|overview|background|contents|section \d/i;
/** A 2014 SIF part heading, which may wrap: "Section 2: The effectiveness of the local safeguarding" / "children board". */
const PART_HEADING = /^Section \d+:\s+\S/;
const CONTENTS = /^(?:table of )?contents$/i;

/** Ofsted's back page: about Ofsted, then other formats, the licence and its address. Everything after is dropped. */
function isBackPage(lines: readonly Line[], i: number): boolean {
  const text = lines[i].text;
  if (/^Any complaints about the inspection or the report should be made\b/.test(text)) return true;
  if (!/^The Office for Standards in Education, Children['’]s Services\b/.test(text)) return false;
  const next = lines
    .slice(i, i + 3)
    .map((line) => line.text)
    .join(' ');
  return /regulates and inspects/.test(next);
}

export function buildBody(lines: readonly Line[], consumed: ReadonlySet<number>, format: Format): Body {
  const sections: SectionDraft[] = [];
  const blocks: Block[] = [];
  const footnotes: Footnote[] = [];
  // Written as a cast so TypeScript does not narrow it to null: the helper closures below assign it.
  let open = null as OpenBlock | null;
  let lastNumber = 0;
  let skipping = false;
  let carriedGap: Gap = 'none';

  const section = () => sections.length - 1;
  const inRecommendations = () => sections.length > 0 && sections[section()].isRecommendations;
  const close = () => {
    if (open) {
      const { pieces, last: _, ...block } = open;
      const text = pieces.join('');
      if (text.trim() !== '') blocks.push({ ...block, text });
    }
    open = null;
  };
  const begin = (line: Line, text: string, fields: Partial<OpenBlock> = {}): void => {
    close();
    open = {
      section: section(),
      numbered: null,
      item: false,
      table: false,
      line: line.no,
      list: null,
      pieces: [text],
      last: text,
      ...fields,
    };
  };
  const openSection = (title: string, rawLevel: number | null, line: Line): void => {
    close();
    skipping = CONTENTS.test(title);
    if (skipping) return;
    const graded = format.grades ? parseGradedStatement(title) : null;
    const previous = sections[sections.length - 1];
    sections.push({
      title,
      rawLevel,
      grade: graded?.grade ?? null,
      area: graded ? { name: graded.area, key: graded.areaKey } : null,
      // Topic sub-headings inside a recommendations list ("Looked after children", "Thresholds") carry it on.
      isRecommendations:
        RECOMMENDATIONS.test(title) || (previous?.isRecommendations === true && !graded && !ENDS_RECOMMENDATIONS.test(title)),
      line: line.no,
    });
  };
  /** Lines kept verbatim as one block, one per line (a letter's address, its signature). */
  const verbatim = (from: number, to: number): void => {
    const kept = lines.slice(from, to).filter((_, k) => !consumed.has(from + k));
    if (kept.length > 0) begin(kept[0], kept.map((line) => line.text).join('\n'));
    close();
  };

  let i = 0;
  if (format.letter) {
    const salutation = lines.findIndex((line) => SALUTATION.test(line.text));
    if (salutation > 0) {
      verbatim(0, salutation);
      i = salutation;
    }
  }

  for (; i < lines.length; i++) {
    const line = lines[i];
    if (consumed.has(i)) {
      // A sentence that introduced what the header took (the judgement table after "…contribute to overall
      // effectiveness are:") ends there: the text after the table is not its list.
      if (open && endsWithColon(open.last)) close();
      carriedGap = widest(carriedGap, line.gap);
      continue;
    }
    const gap = widest(carriedGap, line.gap);
    carriedGap = 'none';
    const text = line.text;

    if (format.ofstedBackPage && isBackPage(lines, i)) break;
    if (format.letter && CLOSING.test(text)) {
      verbatim(i, lines.length);
      break;
    }

    const markdown = MARKDOWN_HEADING.exec(text);
    if (markdown) {
      openSection(stripFootnoteMarks(markdown[2]).trim(), markdown[1].length, line);
      if (!skipping) i = takeGradeLine(lines, i, sections[section()], format);
      continue;
    }
    if (skipping && (isContentsRow(text) || (lines[i + 1]?.gap === 'none' && isContentsRow(lines[i + 1].text)))) continue;
    skipping = false;

    const footnote = markedFootnote(text) ?? pageFootnote(lines, i, gap, footnotes.length + 1, format);
    if (footnote) {
      while (i + 1 < lines.length && lines[i + 1].gap === 'none' && !isStructural(lines[i + 1].text, format)) {
        footnote.text = joinWrapped(footnote.text, lines[++i].text);
      }
      footnotes.push(footnote);
      carriedGap = 'page';
      continue;
    }
    if (RULE.test(text)) {
      carriedGap = widest(carriedGap, gap);
      continue;
    }

    if (text.includes('\t')) {
      if (format.grades && isJudgementHeaderRow(text)) continue;
      const gradedRow = format.grades ? gradedRowHeading(text) : null;
      if (gradedRow) {
        openSection(gradedRow, null, line);
        continue;
      }
      const row = tableCells(text).join('\t');
      if (open && (open.table || endsWithColon(open.last))) {
        add(open, '\n', row);
        open.table = true;
      } else {
        begin(line, row, { table: true });
      }
      continue;
    }

    const numbered = format.paragraphNumber(text);
    if (numbered && format.follows(lastNumber, numbered.major)) {
      lastNumber = numbered.major;
      // A numbered paragraph, even where a conversion wrote it as a list item ("- 23. At the time…").
      begin(line, numbered.text, { numbered });
      continue;
    }

    const item = listItem(text, line.indent);
    if (item !== null) {
      if (open && !open.list && !open.table && !endsSentence(open.last) && !endsWithColon(open.last) && /^[a-z]/.test(item.text)) {
        wrap(open, item.text);
      } else if (open && joinsList(open, item.depth, inRecommendations())) {
        add(open, '\n', item.text);
        open.list ??= { itemFirst: open.item, depth: 0 };
      } else {
        begin(line, item.text, { item: true, list: { itemFirst: true, depth: item.depth } });
      }
      continue;
    }

    if (format.grades && gap !== 'none') {
      const end = gradedHeadingEnd(lines, i, format);
      if (end > i) {
        openSection(joinLines(lines, i, end), null, line);
        i = takeGradeLine(lines, end - 1, sections[section()], format);
        continue;
      }
    }
    if (PART_HEADING.test(text) && gap !== 'none') {
      let end = i + 1;
      while (end < lines.length && lines[end].gap === 'none' && isHeadingWrap(lines[end].text, format)) end++;
      openSection(joinLines(lines, i, end), null, line);
      i = end - 1;
      continue;
    }
    if (isPlainHeading(lines, i, open, format)) {
      openSection(text, null, line);
      if (!skipping) i = takeGradeLine(lines, i, sections[section()], format);
      continue;
    }

    if (open && !open.table && continues(open, text, gap, format)) {
      if (gap !== 'none' && endsWithColon(open.last)) add(open, '\n', text);
      else wrap(open, text);
      continue;
    }
    begin(line, text);
  }
  close();
  return { sections, blocks, footnotes };
}

/**
 * Whether a list item joins the open block: the block introduces it (ends with ":"), or is a list the item belongs
 * to — any item after a paragraph that introduced a list, a deeper item under an item. In a recommendations section
 * a paragraph's items are recommendations of their own; only sub-items join their recommendation.
 */
function joinsList(open: OpenBlock, depth: number, inRecommendations: boolean): boolean {
  if (inRecommendations && !open.item && open.numbered === null) return false;
  if (endsWithColon(open.last)) return true;
  return open.list !== null && (!open.list.itemFirst || depth > open.list.depth);
}

/** Whether a text line goes on the open paragraph (see the rules at the top). */
function continues(open: OpenBlock, text: string, gap: Gap, format: Format): boolean {
  if (gap === 'none') return true;
  if (endsWithColon(open.last)) return true;
  if (!endsSentence(open.last) && (startsMidSentence(text) || gap === 'page')) return true;
  return format.numberedContinuation && open.numbered !== null;
}

/**
 * A heading that PDF extraction set out as a table row, the area and its grade in two columns
 * ("Leadership, management and governance<TAB>Inadequate"): its title, area and grade joined as ILACS headings
 * write them ("…: Inadequate").
 */
function gradedRowHeading(text: string): string | null {
  const cells = tableCells(text);
  if (cells.length !== 2 || !parseGrade(cells[1]) || !classifyJudgementArea(cells[0])) return null;
  return `${cells[0]}: ${cells[1]}`;
}

/** A footnote a conversion marked up: "<sup>1</sup> Instead of the term…". */
function markedFootnote(text: string): Footnote | null {
  const m = FOOTNOTE.exec(text);
  return m ? { number: Number(m[1]), text: m[2] } : null;
}

/**
 * A footnote at the foot of a PDF page, which text extraction gives as "1 Ofsted produces this report…": a block
 * that starts with the next footnote number and a space, and ends the page.
 */
function pageFootnote(lines: readonly Line[], i: number, gap: Gap, next: number, format: Format): Footnote | null {
  const m = /^(\d{1,2}) (\S.*)$/.exec(lines[i].text);
  if (!m || Number(m[1]) !== next || gap === 'none') return null;
  let end = i + 1;
  while (end < lines.length && lines[end].gap === 'none' && !isStructural(lines[end].text, format)) end++;
  return end === lines.length || lines[end].gap === 'page' ? { number: next, text: m[2] } : null;
}

/** The rest of a wrapped heading: short, unpunctuated, starting nothing of its own ("children board"). */
function isHeadingWrap(text: string, format: Format): boolean {
  return text.length <= HEADING_MAX_LENGTH / 2 && !/[.,;:!]$/.test(text) && !isStructural(text, format);
}

/** A table-of-contents row: an entry and its page number ("Executive summary<TAB>2", "Recommendations .... 7"). */
function isContentsRow(text: string): boolean {
  return /(?:\t|\.{3,}|\s)\s*\d{1,3}$/.test(text);
}

function widest(a: Gap, b: Gap): Gap {
  return a === 'page' || b === 'page' ? 'page' : a === 'blank' || b === 'blank' ? 'blank' : 'none';
}

/** The text of lines `from` up to `to`, as one line: a heading wrapped over several. */
function joinLines(lines: readonly Line[], from: number, to: number): string {
  return lines
    .slice(from, to)
    .map((line) => line.text)
    .join(' ');
}

/**
 * Lines that start something of their own (a heading, a footnote, a list item, a numbered paragraph, a table row),
 * so they cannot be the wrapped rest of the line before.
 */
function isStructural(text: string, format: Format): boolean {
  return (
    MARKDOWN_HEADING.test(text) ||
    FOOTNOTE.test(text) ||
    listItem(text) !== null ||
    format.paragraphNumber(text) !== null ||
    text.includes('\t')
  );
}

/**
 * The grade of an ungraded heading from the line under it: a line that is only a grade ("Inadequate",
 * "**Requires improvement**") is taken as the heading's; a sentence grading the heading's area ("The Local
 * Safeguarding Children Board requires improvement.") grades it too but stays, as body text. Returns the index of
 * the last line used.
 */
function takeGradeLine(lines: readonly Line[], i: number, heading: SectionDraft, format: Format): number {
  const next = lines[i + 1];
  if (!format.grades || !next || heading.grade) return i;
  const key = classifyJudgementArea(heading.title);
  const grade = parseGrade(next.text);
  const sentence = grade || MARKDOWN_HEADING.test(next.text) ? null : parseGradedStatement(next.text);
  if (!key || !(grade || sentence?.areaKey === key)) return i;
  heading.grade = grade ?? sentence!.grade;
  heading.area = { name: heading.title, key };
  return grade ? i + 1 : i;
}

/**
 * A graded heading in PDF text: one to three lines that together name a judgement area and its grade, standing
 * alone or running straight into the first numbered paragraph. Returns the index after its last line, or `i`.
 */
function gradedHeadingEnd(lines: readonly Line[], i: number, format: Format): number {
  let end = i + 1;
  while (end < lines.length && end - i < GRADED_HEADING_MAX_LINES && lines[end].gap === 'none') end++;
  for (let last = end; last > i; last--) {
    const block = lines.slice(i, last);
    const standsAlone = last === lines.length || lines[last].gap !== 'none' || isStructural(lines[last].text, format);
    if (!standsAlone || block.some((l) => isStructural(l.text, format))) continue;
    const text = joinLines(lines, i, last);
    if (!/[.,;:!?]$/.test(text) && parseGradedStatement(text)) return last;
  }
  return i;
}

/**
 * A heading without markdown marks (PDF text, council reports, letters): a short line standing alone, capitalised,
 * with no colon and no sentence punctuation but a question mark ("Areas covered by the visit", "What needs to
 * improve?"), where the text before it is finished or a list, a table or a numbered paragraph follows it. Before
 * numbered paragraphs it may end with a colon ("The local authority has the following strengths:"): Ofsted's
 * numbered paragraphs are never items of a list a sentence introduces.
 */
function isPlainHeading(lines: readonly Line[], i: number, open: OpenBlock | null, format: Format): boolean {
  const line = lines[i];
  const next = lines[i + 1];
  const text = line.text;
  if (line.gap === 'none' || (next && next.gap === 'none' && !isStructural(next.text, format))) return false;
  // A first line that a page break cut off from the rest of its paragraph is followed by the middle of a sentence.
  if (next && !isStructural(next.text, format) && startsMidSentence(next.text)) return false;
  if (text.length > HEADING_MAX_LENGTH || text.split(/\s+/).length > HEADING_MAX_WORDS) return false;
  const leadsNumbered = /:$/.test(text) && next !== undefined && format.paragraphNumber(next.text) !== null;
  if (!/^[A-Z]/.test(text) || /[.,;!]$/.test(text) || (text.includes(':') && !leadsNumbered)) return false;
  // A heading is never more than one sentence, nor a paragraph's "(Recommendation)" ending cut off by a page break.
  if (/[.!?] /.test(text) || text.endsWith('(Recommendation)')) return false;
  if (SALUTATION.test(text) || CLOSING.test(text)) return false;
  return !open || open.table || endsSentence(open.last) || (next !== undefined && isStructural(next.text, format));
}
