/**
 * Stage 3: body lines → headings and blocks of text. This is where hard wraps and page breaks are undone. Each line
 * is offered to an ordered list of small rules (`RULES`) over one builder state; the first that takes it wins. The
 * rules, in the order they are asked:
 * - A markdown heading, a graded heading ("… requires improvement to be good", on up to three lines in PDF text, or
 *   as an area<TAB>grade row), a 2014 SIF part heading ("Section 2: …") or a short stand-alone line that reads as a
 *   heading starts a section. A line that is only a grade, right after a heading, is that heading's grade.
 * - A paragraph number that follows the last one in sequence starts a numbered paragraph.
 * - A list item joins the paragraph before it if that paragraph introduces it (ends with ":") or is a list whose
 *   item it nests under or goes on (SIF counts after "…Of this number", a list of grades after "…were:"); a
 *   lowercase "- children understand…" after an unfinished sentence is that sentence going on (a conversion
 *   artefact); otherwise the item stands alone. In a recommendations section every item stands alone: each is one
 *   recommendation (in ILACS, a one-sentence line there is an item whose bullet the PDF lost).
 * - A table row joins the table before it, or the paragraph that introduces it.
 * - A text line goes on the paragraph before it when nothing separates them (a hard wrap); across blank lines when
 *   the paragraph ended with ":" (a list without bullets), or its sentence is unfinished and the line reads as the
 *   rest of it or a page break came between; and, for Ofsted, whatever the gap, the rest of a numbered paragraph
 *   (after a page break in a conversion, after a stray blank line in PDF text).
 * - Footnotes (a `<sup>n</sup>` line, after a `---` rule) are taken out of the flow, which then goes on as if they
 *   were not there: they sit at the foot of a page, often in the middle of a paragraph.
 * Ofsted's back page ends the body, unless a report (an LSCB review) follows it; a table of contents is dropped (it
 * is navigation, with page numbers), and so are a letter's address and salutation.
 */
import type { Grade, JudgementAreaKey } from '../../schemas/report.ts';
import { SourceError } from '../source-error.ts';
import type { Format, NumberedStart } from './detect.ts';
import { classifyJudgementArea, isJudgementHeaderRow, parseGrade, parseGradedStatement } from './judgements.ts';
import type { Gap, Line } from './normalise.ts';
import {
  CLOSING,
  endsSentence,
  endsWithColon,
  joinWrapped,
  listItem,
  type ListItem,
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
  /**
   * Set once the block has list items joined to it. `introduces`: an item that ends with a colon has items of its
   * own under it, set with the same bullet.
   */
  list: { itemFirst: boolean; depth: number; introduces?: boolean } | null;
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
/** How many footnote numbers may be missing before the next page footnote. */
const FOOTNOTE_SKIP = 2;
const RULE = /^(?:-{3,}|_{3,})$/;
/**
 * Headings of recommendation lists: SIF "Recommendations", ILACS "What needs to improve?", and the 2014 SIF layout's
 * "What does the local authority need to improve?" with its "Priority and immediate action" and "Areas for
 * improvement".
 */
const RECOMMENDATIONS =
  /^(?:recommendations|what needs to improve|what does the .{1,40} need to improve|priority and immediate action|areas for improvement)\b/i;
/** A line that is only such a heading, with "?" or ":" or neither ("What needs to improve in Luton's services?"). */
const RECOMMENDATIONS_HEADING =
  /^(?:recommendations|what needs to improve(?: in [^.?:]{1,60})?|what does the .{1,40} need to improve(?: [^.?:]{1,40})?|priority and immediate action|areas for improvement)\s*[?:]?$/i;
/** Headings of Ofsted reports, by their words. */
const STANDARD_HEADING =
  /^(?:executive summary|summary|summary for children and young people|inspection findings(?: – the local safeguarding children board)?|information about this (?:inspection|local authority area)|the inspection team|key strengths|areas for improvement)$/i;
/** Headings that begin another kind of section, so cannot be a topic within a recommendations list. */
const ENDS_RECOMMENDATIONS =
  /strengths|summary|findings|information|inspection|progress|judge?ments?|overview|background|contents|section \d/i;
/**
 * How an ILACS area heading starts, and the whole heading: the area, a colon and its grade, or as 2018 reports set it
 * without the colon ("…protection requires improvement to be good"), then with no full stop, which a sentence has.
 */
const ILACS_AREA_HEADING = /^The (?:experiences and progress of|impact of leaders on) /;
const ILACS_AREA_GRADED =
  /^The (?:experiences and progress of|impact of leaders on) [^.:]+(?:(?: is)?: ?(?:good|outstanding|inadequate|requires improvement(?: to be good)?)\.?| (?:is|are) (?:good|outstanding|inadequate)| requires? improvement(?: to be good)?)$/i;
/** A 2014 SIF part heading, which may wrap: "Section 2: The effectiveness of the local safeguarding" / "children board". */
const PART_HEADING = /^Section \d+:\s+\S/;
const CONTENTS = /^(?:table of )?contents$/i;
/** An annex's heading, whose label a colon ends: "Annex A: Information about the local authority area". */
const ANNEX = /^(?:Annex|Appendix) [A-Z0-9]{1,3}: \S/;
/** The title of an Ofsted report or review, which opens its first page. */
const REPORT_TITLE = /^(?:(?:re-?)?inspection|review) of\b|^joint targeted area inspection\b/i;
/** A report's title stands within the first few lines of its page (under the authority's name). */
const TITLE_LINES = 4;

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

/**
 * What the rules share while the body is built: the input, what has been built so far, and the position. One
 * builder per document; the rules below are the only code that changes it.
 */
interface Builder {
  /** The source's name, for errors. */
  readonly file: string;
  readonly lines: readonly Line[];
  readonly consumed: ReadonlySet<number>;
  readonly format: Format;
  readonly sections: SectionDraft[];
  readonly blocks: Block[];
  readonly footnotes: Footnote[];
  /** The block being built, which the next line may go on. */
  open: OpenBlock | null;
  /** The last paragraph number taken, which the next must follow. */
  lastNumber: number;
  /** Inside a table of contents: its rows are dropped. */
  skipping: boolean;
  /** A gap that lines taken out of the flow (by the header, as footnotes) stood in, carried to the next line. */
  carriedGap: Gap;
  /** The index of the line being read; a rule that takes more lines moves it to the last line it took. */
  i: number;
  /** Set by a rule that ends the body (Ofsted's back page, a letter's closing). */
  done: boolean;
}

/** The line a rule is asked about, with the gap before it (widened by any gap carried over). */
interface Step {
  line: Line;
  text: string;
  gap: Gap;
}

/** A rule takes the line (returning true) or leaves it to the next rule. */
type Rule = (b: Builder, step: Step) => boolean;

export function buildBody(lines: readonly Line[], consumed: ReadonlySet<number>, format: Format, file: string): Body {
  const b: Builder = {
    file,
    lines,
    consumed,
    format,
    sections: [],
    blocks: [],
    footnotes: [],
    open: null,
    lastNumber: 0,
    skipping: false,
    carriedGap: 'none',
    i: 0,
    done: false,
  };
  if (format.letter) skipAddressBlock(b);
  for (; b.i < lines.length && !b.done; b.i++) {
    const line = lines[b.i];
    if (consumed.has(b.i)) {
      skipConsumed(b, line);
      continue;
    }
    const step = { line, text: line.text, gap: widest(b.carriedGap, line.gap) };
    b.carriedGap = 'none';
    for (const rule of RULES) if (rule(b, step)) break;
  }
  close(b);
  return { sections: b.sections, blocks: b.blocks, footnotes: b.footnotes };
}

/** The rules, in the order they are asked (see the top of the file); the last always takes the line. */
const RULES: readonly Rule[] = [
  backPage,
  letterClosing,
  markdownHeading,
  contentsRow,
  footnote,
  horizontalRule,
  tableRow,
  numberedParagraph,
  numberOutOfSequence,
  listItemLine,
  gradedHeading,
  partHeading,
  recommendationsHeading,
  standardHeading,
  plainHeading,
  continuedParagraph,
  newParagraph,
];

// ---- The builder's moves ----

const section = (b: Builder) => b.sections.length - 1;
const inRecommendations = (b: Builder) => b.sections.length > 0 && b.sections[section(b)].isRecommendations;

/** Closes the open block, keeping it if it holds any text. */
function close(b: Builder): void {
  if (b.open) {
    const { pieces, last: _, ...block } = b.open;
    const text = pieces.join('');
    if (text.trim() !== '') b.blocks.push({ ...block, text });
  }
  b.open = null;
}

/** Starts a block with a line. */
function begin(b: Builder, line: Line, text: string, fields: Partial<OpenBlock> = {}): void {
  close(b);
  b.open = {
    section: section(b),
    numbered: null,
    item: false,
    table: false,
    line: line.no,
    list: null,
    pieces: [text],
    last: text,
    ...fields,
  };
}

/** Starts a section (a table of contents is dropped instead). */
function openSection(b: Builder, title: string, rawLevel: number | null, line: Line): void {
  close(b);
  b.skipping = CONTENTS.test(title);
  if (b.skipping) return;
  const graded = b.format.grades ? parseGradedStatement(title) : null;
  const previous = b.sections.at(-1);
  b.sections.push({
    title,
    rawLevel,
    grade: graded?.grade ?? null,
    area: graded ? { name: graded.area, key: graded.areaKey } : null,
    // Topic sub-headings inside a recommendations list ("Looked after children", "Thresholds") carry it on.
    isRecommendations:
      RECOMMENDATIONS.test(title) || (previous?.isRecommendations === true && !graded && !ENDS_RECOMMENDATIONS.test(title)),
    line: line.no,
  });
}

/** Lines kept verbatim as one block, one per line (a letter's signature). */
function verbatim(b: Builder, from: number, to: number): void {
  const kept = b.lines.slice(from, to).filter((_, k) => !b.consumed.has(from + k));
  if (kept.length > 0) begin(b, kept[0], kept.map((line) => line.text).join('\n'));
  close(b);
}

/**
 * A letter's date, its addressee's address and "Dear …" are no part of what it says, and nobody cites them: the body
 * starts after the salutation (whose subject line the header took as the title).
 */
function skipAddressBlock(b: Builder): void {
  const salutation = b.lines.findIndex((line) => SALUTATION.test(line.text));
  if (salutation >= 0) b.i = salutation + 1;
}

/**
 * A line the header took. A sentence that introduced it (the judgement table after "…contribute to overall
 * effectiveness are:") ends there: the text after the table is not its list.
 */
function skipConsumed(b: Builder, line: Line): void {
  if (b.open && endsWithColon(b.open.last)) close(b);
  b.carriedGap = widest(b.carriedGap, line.gap);
}

// ---- The rules ----

/**
 * Ofsted's back page ends the report when nothing follows it. When something does (a review of the LSCB appended
 * after the report's own back page), the back page is skipped and the appended review's title heads its section.
 */
function backPage(b: Builder): boolean {
  if (!b.format.ofstedBackPage || !isBackPage(b.lines, b.i)) return false;
  const title = reportTitleAt(b.lines, afterBackPage(b.lines, b.i));
  if (title < 0) {
    b.done = true;
    return true;
  }
  let end = title + 1;
  while (end < b.lines.length && b.lines[end].gap === 'none' && isHeadingWrap(b.lines[end].text, b.format)) end++;
  openSection(b, joinLines(b.lines, title, end), null, b.lines[title]);
  // Its title page's dates and inspectors are the report's own facts, not text of the review.
  while (end < b.lines.length && TITLE_PAGE_FACT.test(b.lines[end].text)) end++;
  b.i = end - 1;
  return true;
}

const TITLE_PAGE_FACT = /^(?:inspection dates?|(?:report )?published|(?:lead|reporting) inspector)\s*:/i;

/** A letter's "Yours sincerely" and the signature under it are one block, and end the letter. */
function letterClosing(b: Builder, { text }: Step): boolean {
  if (!b.format.letter || !CLOSING.test(text)) return false;
  verbatim(b, b.i, b.lines.length);
  b.done = true;
  return true;
}

function markdownHeading(b: Builder, { line, text }: Step): boolean {
  const markdown = MARKDOWN_HEADING.exec(text);
  if (!markdown) return false;
  openSection(b, stripFootnoteMarks(markdown[2]).trim(), markdown[1].length, line);
  if (!b.skipping) b.i = takeGradeLine(b.lines, b.i, b.sections[section(b)], b.format);
  return true;
}

/** Inside a table of contents, its rows are dropped; the first line that is no row ends it. */
function contentsRow(b: Builder, { text }: Step): boolean {
  if (!b.skipping) return false;
  const next = b.lines[b.i + 1];
  if (isContentsRow(text) || (next?.gap === 'none' && isContentsRow(next.text))) return true;
  b.skipping = false;
  return false;
}

/** A footnote, with the lines it wraps onto, is taken out of the flow; the flow goes on as after a page break. */
function footnote(b: Builder, { text, gap }: Step): boolean {
  const note = markedFootnote(text) ?? pageFootnote(b.lines, b.i, gap, nextFootnote(b), b.format);
  if (!note) return false;
  // Its wrapped lines, up to the next footnote at the foot of the same page.
  while (b.i + 1 < b.lines.length && b.lines[b.i + 1].gap === 'none' && !isStructural(b.lines[b.i + 1].text, b.format)) {
    if (startsFootnote(b.lines[b.i + 1].text, note.number + 1)) break;
    note.text = joinWrapped(note.text, b.lines[++b.i].text);
  }
  b.footnotes.push(note);
  b.carriedGap = 'page';
  return true;
}

/** A `---` rule (above footnotes, in a conversion) separates, and carries its gap on. */
function horizontalRule(b: Builder, { text, gap }: Step): boolean {
  if (!RULE.test(text)) return false;
  b.carriedGap = widest(b.carriedGap, gap);
  return true;
}

/**
 * A TAB-separated line: a judgement table's header row (dropped), a graded heading set out as a row, or a table
 * row, which joins the table before it or the paragraph that introduces it.
 */
function tableRow(b: Builder, { line, text }: Step): boolean {
  if (!text.includes('\t')) return false;
  if (b.format.grades && isJudgementHeaderRow(text)) return true;
  const gradedRow = b.format.grades ? gradedRowHeading(text) : null;
  if (gradedRow) {
    openSection(b, gradedRow, null, line);
    return true;
  }
  const row = tableCells(text).join('\t');
  if (b.open && (b.open.table || endsWithColon(b.open.last))) {
    add(b.open, '\n', row);
    b.open.table = true;
  } else {
    begin(b, line, row, { table: true });
  }
  return true;
}

/**
 * A paragraph number in sequence, even where a conversion wrote it as a list item ("- 23. At the time…"), where
 * the PDF printed it alone on its line ("89." and the text below), or without its full stop ("34 Children…", only
 * as the very next number, after a gap). In a recommendations section a number may start again: a second list
 * (the LSCB's, a grouped list's "1. Quality of …"). Where a paragraph starts (after a gap, before a capital) the
 * number may skip ahead: a report's misnumbering keeps its own number and anchor rather than being merged away.
 */
function numberedParagraph(b: Builder, { line, text, gap }: Step): boolean {
  const numbered = b.format.paragraphNumber(text) ?? bareNumber(b, text, gap);
  if (!numbered) return false;
  const restarts = inRecommendations(b) && numbered.major < b.lastNumber && gap !== 'none';
  if (!restarts && !b.format.follows(b.lastNumber, numbered.major) && !skipsAhead(b, numbered, gap)) return false;
  b.lastNumber = numbered.major;
  begin(b, line, numbered.text, { numbered });
  return true;
}

/**
 * "89." alone on its line, "34 Children…" without its full stop, or "2" alone over its text: only the next number,
 * after a gap.
 */
function bareNumber(b: Builder, text: string, gap: Gap): NumberedStart | null {
  if (!b.format.numberedContinuation || gap === 'none') return null;
  // "2" alone, its text straight under it: the number was set in a column of its own (not at a page's edge, where
  // it would be the page's number).
  const next = b.lines[b.i + 1];
  const alone = gap === 'blank' && next !== undefined && next.gap === 'none' && /^[A-Z‘“'"]/.test(next.text) ? '|$' : '';
  const m = new RegExp(`^(\\d{1,4})(?:\\.|\\s+(?=[A-Z‘“'"])${alone})(.*)$`).exec(text);
  if (!m || Number(m[1]) !== b.lastNumber + 1 || (m[2] === '' && b.i + 1 >= b.lines.length)) return null;
  return { number: Number(m[1]), label: m[1], major: Number(m[1]), text: m[2].trim() };
}

/**
 * A number further ahead than `follows` allows, standing where a paragraph starts. A year a page break or blank line
 * put at the start of a line ("2015. In the meantime…") is too far ahead to be one.
 */
function skipsAhead(b: Builder, numbered: NumberedStart, gap: Gap): boolean {
  return startsParagraph(b, numbered, gap) && numbered.major > b.lastNumber && numbered.major <= b.lastNumber + MAX_JUMP;
}

/** A paragraph number after a gap and before a capital, in a report that numbers its paragraphs. */
function startsParagraph(b: Builder, numbered: NumberedStart, gap: Gap): boolean {
  return b.format.numberedContinuation && gap !== 'none' && b.lastNumber > 0 && /^[A-Z‘“'"]/.test(numbered.text);
}

/**
 * A paragraph number going back, where a paragraph starts. Read as text it would be merged into the paragraph
 * before and its anchor lost, so the source is refused, quoting it.
 */
function numberOutOfSequence(b: Builder, { line, text, gap }: Step): boolean {
  const numbered = b.format.paragraphNumber(text);
  if (!numbered || !startsParagraph(b, numbered, gap) || inRecommendations(b) || numbered.major >= b.lastNumber) return false;
  throw new SourceError(`paragraph ${numbered.label} comes after paragraph ${b.lastNumber} ("${quote(text)}")`, {
    file: b.file,
    line: line.no,
    hint:
      'paragraph numbers must run in order: if the file holds more than one report, split it into one file per report; ' +
      'if this is a list inside a paragraph, check the extracted text',
  });
}

/**
 * A list item: the rest of an unfinished sentence (a lowercase item, a conversion artefact), an item of the list
 * the open block holds or introduces, or a block of its own.
 */
function listItemLine(b: Builder, { line, text }: Step): boolean {
  const item = listItem(text, line.indent);
  if (item === null) return false;
  const open = b.open;
  if (open && !open.list && !open.table && !endsSentence(open.last) && !endsWithColon(open.last) && /^[a-z]/.test(item.text)) {
    wrap(open, item.text);
  } else if (open && joinsList(open, item, inRecommendations(b))) {
    const introduced = open.item && endsWithColon(open.last);
    add(open, '\n', item.text);
    open.list ??= { itemFirst: open.item, depth: 0 };
    if (introduced) open.list.introduces = true;
  } else {
    if (open && isUnmarkedFirstItem(b, open)) open.item = true;
    begin(b, line, item.text, { item: true, list: { itemFirst: true, depth: item.depth } });
  }
  return true;
}

/**
 * An ILACS "What needs to improve" list whose first bullet the PDF lost (drawn as an image): the text straight under
 * the heading, before the bulleted items, is the first item. These lists have no introducing sentence.
 */
function isUnmarkedFirstItem(b: Builder, open: OpenBlock): boolean {
  if (b.format.family !== 'ilacs' || !inRecommendations(b) || open.item || open.numbered || open.table || open.list) return false;
  const previous = b.blocks.at(-1);
  return open.section === section(b) && !endsWithColon(open.last) && (previous === undefined || previous.section !== open.section);
}

/**
 * A graded heading in PDF text, on up to three lines, with a grade line under it if it has none. It may follow a
 * finished paragraph with no blank line between (it is then still no part of it), and in its ILACS form ("The
 * experiences and progress of … : good") an unfinished one too, such as a list item without its full stop.
 */
function gradedHeading(b: Builder, { line, text, gap }: Step): boolean {
  if (!b.format.grades) return false;
  const glued = gap === 'none' && (!b.open || b.open.table || !endsSentence(b.open.last) || !/^[A-Z]/.test(text));
  if (glued && !ILACS_AREA_HEADING.test(text)) return false;
  const end = gradedHeadingEnd(b.lines, b.i, b.format);
  if (end === b.i || repeatsSectionGrade(b, joinLines(b.lines, b.i, end))) return false;
  // After an unfinished line (a list item without its full stop) only an ILACS area heading's own form will do.
  if (glued && !ILACS_AREA_GRADED.test(joinLines(b.lines, b.i, end))) return false;
  openSection(b, joinLines(b.lines, b.i, end).replace(/\.$/, ''), null, line);
  b.i = takeGradeLine(b.lines, end - 1, b.sections[section(b)], b.format);
  return true;
}

/** A 2014 SIF part heading ("Section 2: …"), with the short lines it wraps onto. */
function partHeading(b: Builder, { line, text, gap }: Step): boolean {
  if (!PART_HEADING.test(text) || gap === 'none') return false;
  let end = b.i + 1;
  while (end < b.lines.length && b.lines[end].gap === 'none' && isHeadingWrap(b.lines[end].text, b.format)) end++;
  openSection(b, joinLines(b.lines, b.i, end), null, line);
  b.i = end - 1;
  return true;
}

/**
 * The heading of a recommendations list, however it is set: "What needs to improve:" with a colon, "What needs to
 * improve in this local authority?", or "Recommendations" straight after the last item of a list with no blank
 * line between. It stands alone and starts a list, a numbered paragraph or a new block.
 */
function recommendationsHeading(b: Builder, { line, text, gap }: Step): boolean {
  if (!RECOMMENDATIONS_HEADING.test(text)) return false;
  const open = b.open;
  if (gap === 'none' && open && !open.list && !endsSentence(open.last)) return false;
  const next = b.lines[b.i + 1];
  // An Ofsted report's heading, capitalised after a finished paragraph, may run into its first item with no gap.
  const standsOut = b.format.grades && /^[A-Z]/.test(text) && (!open || open.table || endsSentence(open.last));
  if (next && next.gap === 'none' && !isStructural(next.text, b.format) && !standsOut) return false;
  openSection(b, text.replace(/\s*:$/, ''), null, line);
  return true;
}

/**
 * A heading every Ofsted report of a family uses ("Executive summary", "Inspection findings"), which PDF text often
 * runs straight into its first paragraph with no blank line: known by its words, so it needs no gap after it.
 */
function standardHeading(b: Builder, { line, text, gap }: Step): boolean {
  if (!b.format.grades || !STANDARD_HEADING.test(text)) return false;
  if (gap === 'none' && b.open && !b.open.table && !endsSentence(b.open.last)) return false;
  openSection(b, text, null, line);
  return true;
}

function plainHeading(b: Builder, { line, text }: Step): boolean {
  if (!isPlainHeading(b.lines, b.i, b.open, b.format)) return false;
  openSection(b, text, null, line);
  if (!b.skipping) b.i = takeGradeLine(b.lines, b.i, b.sections[section(b)], b.format);
  return true;
}

/** A line that goes on the open paragraph: a hard wrap, or the rest of it after a gap. */
function continuedParagraph(b: Builder, { text, gap }: Step): boolean {
  const open = b.open;
  if (!open || open.table || !continues(open, text, gap, b.format)) return false;
  if (gap !== 'none' && endsWithColon(open.last)) add(open, '\n', text);
  else wrap(open, text);
  return true;
}

function newParagraph(b: Builder, { line, text }: Step): boolean {
  begin(b, line, text);
  return true;
}

/**
 * Whether a list item joins the open block: the block introduces it (ends with ":"), or is a list the item belongs
 * to — any item after a paragraph that introduced a list, a deeper item under an item, the next of the items an item
 * introduced while the last reads as unfinished ("…;", "…, and") or the new one starts in lowercase or with a
 * figure ("97 children ceased…") or both are a label and its value ("Adoption performance: good"), and outside
 * recommendations a lowercase or figure item after an unfinished one ("…Of this number" / "78 live outside…"). In a
 * recommendations section a paragraph's items are recommendations of their own, but a numbered recommendation's
 * bullets are its own ("1. Quality of assessments" and the bullets under it).
 */
function joinsList(open: OpenBlock, item: ListItem, inRecommendations: boolean): boolean {
  if (inRecommendations && !open.item) return open.numbered !== null;
  if (endsWithColon(open.last)) return true;
  if (open.list === null) return false;
  // A SIF area's counts go on from an unfinished item: "…looked after. Of this number" / "78 (or 34%) live
  // outside…" / "but 39 (of the 78) children live…" / "seven live with parents…".
  if (!inRecommendations && !endsSentence(open.last) && /^(?:[a-z]|\d)/.test(item.text)) return true;
  if (!open.list.itemFirst || item.depth > open.list.depth) return true;
  if (open.list.introduces !== true) return false;
  return /(?:[;,]|\band|\bor)$/.test(open.last) || /^[a-z0-9]/.test(item.text) || (isKeyValue(lastItem(open)) && isKeyValue(item.text));
}

/**
 * An item that is a label and its value ("Adoption performance: good", "Overall effectiveness: inadequate."): the
 * items a sentence introduces ("The judgements for the local authority were:") are often all of this shape, where
 * the report's own bullets are sentences.
 */
function isKeyValue(text: string): boolean {
  return KEY_VALUE.test(text);
}

const KEY_VALUE = /^[A-Z][^:.;!?]{2,90}:\s+[^:;.!?]{1,60}\.?$/;

/** The text of the last list item of a block, with the lines it wraps onto. */
function lastItem(open: OpenBlock): string {
  let k = open.pieces.length - 1;
  while (k > 0 && !open.pieces[k].startsWith('\n')) k--;
  return open.pieces
    .slice(k)
    .map((piece) => piece.replace(/^\n/, ''))
    .join('');
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
  const number = startsFootnote(lines[i].text, next);
  // The number may stand alone, its text on the line below ("10" / "School census data…").
  if (number === null || gap === 'none' || (lines[i].text === String(number) && lines[i + 1]?.gap !== 'none')) return null;
  let end = i + 1;
  while (end < lines.length && lines[end].gap === 'none' && !isStructural(lines[end].text, format)) end++;
  return end === lines.length || lines[end].gap === 'page' ? { number, text: lines[i].text.slice(String(number).length).trim() } : null;
}

/**
 * The number of the footnote a line starts, if it is `next` or a little after it (a footnote the text lost, set
 * in a table say, leaves a gap in the numbering).
 */
function startsFootnote(text: string, next: number): number | null {
  const m = /^(\d{1,2})(?:[ \t]\S.*)?$/.exec(text);
  const number = m ? Number(m[1]) : -1;
  return number >= next && number <= next + FOOTNOTE_SKIP ? number : null;
}

/** The number the next footnote should have: one more than the last. */
const nextFootnote = (b: Builder) => (b.footnotes.at(-1)?.number ?? 0) + 1;

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
  const found = grade ?? (sentence && sentence.areaKey === key ? sentence.grade : null);
  if (!key || !found) return i;
  heading.grade = found;
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
    // A heading has no sentence punctuation, except a full stop where a numbered paragraph follows at once.
    const leadsNumbered = last < lines.length && format.paragraphNumber(lines[last].text) !== null;
    if (/[,;:!?]$/.test(text) || /[.!?] /.test(text) || (text.endsWith('.') && !leadsNumbered)) continue;
    if (parseGradedStatement(text)) return last;
  }
  return i;
}

/**
 * A sentence that grades the area of the heading just opened ("The Local Safeguarding Children Board requires
 * improvement."): body text under that heading, not a heading of its own.
 */
function repeatsSectionGrade(b: Builder, text: string): boolean {
  const current = b.sections.at(-1);
  const graded = parseGradedStatement(text);
  return text.endsWith('.') && current !== undefined && b.open === null && graded?.areaKey === current.area?.key;
}

/** Where a report starts at line `i` (its title in the first lines of the page), or -1. */
function reportTitleAt(lines: readonly Line[], i: number): number {
  const k = lines.slice(i, i + TITLE_LINES).findIndex((line) => REPORT_TITLE.test(line.text.replace(/^#+\s*/, '')));
  return k < 0 ? -1 : i + k;
}

/**
 * The title lines of the reports after the first: each a report of its own, or an appended review. A report starts
 * after an Ofsted back page, or where a second title page states its inspection dates.
 */
export function reportStarts(lines: readonly Line[]): number[] {
  const starts = new Set<number>();
  let dated = false;
  lines.forEach((line, i) => {
    if (isBackPage(lines, i)) {
      const title = reportTitleAt(lines, afterBackPage(lines, i));
      if (title >= 0) starts.add(title);
    } else if (INSPECTION_DATES.test(line.text)) {
      const title = lines.slice(Math.max(0, i - TITLE_PAGE_LINES), i).findLastIndex((l) => REPORT_TITLE.test(l.text));
      if (dated && title >= 0) starts.add(i - Math.min(i, TITLE_PAGE_LINES) + title);
      dated = true;
    }
  });
  return [...starts].sort((a, b) => a - b);
}

/** A title page's dates label. */
const INSPECTION_DATES = /^Inspection dates?:/i;
/** How far above its dates label a report's title stands on the title page. */
const TITLE_PAGE_LINES = 8;

/**
 * The first line after the back page that line `i` is on: its complaints paragraph and Ofsted's page about itself
 * may each have a page of their own.
 */
function afterBackPage(lines: readonly Line[], i: number): number {
  let next = nextPageStart(lines, i);
  while (next < lines.length && [0, 1, 2].some((k) => next + k < lines.length && isBackPage(lines, next + k))) {
    next = nextPageStart(lines, next);
  }
  return next;
}

/** The index of the first line of the next page after line `i`, or the number of lines if none follows. */
function nextPageStart(lines: readonly Line[], i: number): number {
  let next = i + 1;
  while (next < lines.length && lines[next].gap !== 'page') next++;
  return next;
}

/** A jump in paragraph numbers further than this is a number in the text (a year), not a lost page or two. */
const MAX_JUMP = 100;

/** A line quoted in an error: the start of it. */
function quote(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
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
  const colon = text.includes(':') && !leadsNumbered && !ANNEX.test(text);
  if (!/^[A-Z]/.test(text) || /[.,;!]$/.test(text) || colon) return false;
  // A heading is never more than one sentence, nor a paragraph's "(Recommendation)" ending cut off by a page break.
  if (/[.!?] /.test(text) || text.endsWith('(Recommendation)')) return false;
  if (SALUTATION.test(text) || CLOSING.test(text)) return false;
  return !open || open.table || endsSentence(open.last) || (next !== undefined && isStructural(next.text, format));
}
