/**
 * Stage 3: body lines → headings and blocks of text. This is where hard wraps and page breaks are undone. The rules,
 * in the order they are asked:
 * - A markdown heading, a graded heading ("… requires improvement to be good", on up to three lines in PDF text) or
 *   a short stand-alone line that reads as a heading starts a section. A line that is only a grade, right after a
 *   heading, is that heading's grade.
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
import { classifyJudgementArea, parseGrade, parseGradedStatement } from './judgements.ts';
import type { Gap, Line } from './normalise.ts';
import {
  bulletText,
  endsSentence,
  endsWithColon,
  joinWrapped,
  startsMidSentence,
  stripFootnoteMarks,
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

const MARKDOWN_HEADING = /^(#{1,6})\s+(.*)$/;
const FOOTNOTE = /^<sup>(\d+)<\/sup>\s*(.*)$/;
const RULE = /^(?:-{3,}|_{3,})$/;
const RECOMMENDATIONS = /^(?:recommendations|what needs to improve)\b/i;
const CONTENTS = /^(?:table of )?contents$/i;
const CLOSING = /^Yours (?:sincerely|faithfully)\b/i;
const SALUTATION = /^Dear\s/;

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

export function buildBody(
  lines: readonly Line[],
  start: number,
  consumed: ReadonlySet<number>,
  format: Format,
): Body {
  const sections: SectionDraft[] = [];
  const blocks: Block[] = [];
  const footnotes: Footnote[] = [];
  // Written as a cast so TypeScript does not narrow it to null: the helper closures below assign it.
  let open = null as Block | null;
  let lastNumber = 0;
  let skipping = false;
  let carriedGap: Gap = 'none';

  const section = () => sections.length - 1;
  const inRecommendations = () => sections.length > 0 && sections[section()].isRecommendations;
  const close = () => {
    if (open && open.text.trim() !== '') blocks.push(open);
    open = null;
  };
  const begin = (line: Line, text: string, fields: Partial<Block> = {}): void => {
    close();
    open = { section: section(), numbered: null, item: false, table: false, text, line: line.no, list: null, ...fields };
  };
  const openSection = (title: string, rawLevel: number | null, line: Line): void => {
    close();
    skipping = CONTENTS.test(title);
    if (skipping) return;
    const graded = format.grades ? parseGradedStatement(title) : null;
    sections.push({
      title,
      rawLevel,
      grade: graded?.grade ?? null,
      area: graded ? { name: graded.area, key: graded.areaKey } : null,
      isRecommendations: RECOMMENDATIONS.test(title),
      line: line.no,
    });
  };
  /** Lines kept verbatim as one block, one per line (a letter's address, its signature). */
  const verbatim = (from: number, to: number): void => {
    const kept = lines.slice(from, to).filter((_, k) => !consumed.has(from + k));
    if (kept.length > 0) begin(kept[0], kept.map((line) => line.text).join('\n'));
    close();
  };

  let i = start;
  if (format.letter) {
    const salutation = lines.findIndex((line, k) => k >= start && SALUTATION.test(line.text));
    if (salutation > start) {
      verbatim(start, salutation);
      i = salutation;
    }
  }

  for (; i < lines.length; i++) {
    const line = lines[i];
    if (consumed.has(i)) {
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
    if (skipping && isContentsRow(text)) continue;
    skipping = false;

    const footnote = FOOTNOTE.exec(text);
    if (footnote) {
      let note = footnote[2];
      while (i + 1 < lines.length && lines[i + 1].gap === 'none' && !isStructural(lines[i + 1].text, format)) {
        note = joinWrapped(note, lines[++i].text);
      }
      footnotes.push({ number: Number(footnote[1]), text: note });
      carriedGap = 'page';
      continue;
    }
    if (RULE.test(text)) {
      carriedGap = widest(carriedGap, gap);
      continue;
    }

    if (text.includes('\t')) {
      const row = text
        .split('\t')
        .map((cell) => cell.trim())
        .filter((cell) => cell !== '')
        .join('\t');
      if (open && (open.table || endsWithColon(open.text))) {
        open.text += `\n${row}`;
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

    const item = bulletText(text);
    if (item !== null) {
      const depth = line.indent >= 2 ? 1 : 0;
      if (open && !open.list && !open.table && !endsSentence(open.text) && !endsWithColon(open.text) && /^[a-z]/.test(item)) {
        open.text = joinWrapped(open.text, item);
      } else if (open && joinsList(open, depth, inRecommendations())) {
        open.text += `\n${item}`;
        open.list ??= { itemFirst: open.item, depth: 0 };
      } else {
        begin(line, item, { item: true, list: { itemFirst: true, depth } });
      }
      continue;
    }

    if (format.grades && gap !== 'none') {
      const end = gradedHeadingEnd(lines, i, format);
      if (end > i) {
        openSection(
          lines
            .slice(i, end)
            .map((l) => l.text)
            .join(' '),
          null,
          line,
        );
        i = takeGradeLine(lines, end - 1, sections[section()], format);
        continue;
      }
    }
    if (isPlainHeading(lines, i, open, format)) {
      openSection(text, null, line);
      if (!skipping) i = takeGradeLine(lines, i, sections[section()], format);
      continue;
    }

    if (open && !open.table && continues(open, text, gap, format)) {
      open.text = gap !== 'none' && endsWithColon(open.text) ? `${open.text}\n${text}` : joinWrapped(open.text, text);
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
function joinsList(open: Block, depth: number, inRecommendations: boolean): boolean {
  if (inRecommendations && !open.item && open.numbered === null) return false;
  if (endsWithColon(open.text)) return true;
  return open.list !== null && (!open.list.itemFirst || depth > open.list.depth);
}

/** Whether a text line goes on the open paragraph (see the rules at the top). */
function continues(open: Block, text: string, gap: Gap, format: Format): boolean {
  if (gap === 'none') return true;
  if (endsWithColon(open.text)) return true;
  if (!endsSentence(open.text) && (startsMidSentence(text) || gap === 'page')) return true;
  return format.numberedContinuation && open.numbered !== null;
}

/** A table-of-contents row: an entry and its page number ("Executive summary<TAB>2", "Recommendations .... 7"). */
function isContentsRow(text: string): boolean {
  return /(?:\t|\.{3,}|\s)\s*\d{1,3}$/.test(text);
}

function widest(a: Gap, b: Gap): Gap {
  return a === 'page' || b === 'page' ? 'page' : a === 'blank' || b === 'blank' ? 'blank' : 'none';
}

/** Lines that start something of their own, so they cannot be a wrapped footnote's next line. */
function isStructural(text: string, format: Format): boolean {
  return (
    MARKDOWN_HEADING.test(text) ||
    FOOTNOTE.test(text) ||
    bulletText(text) !== null ||
    format.paragraphNumber(text) !== null ||
    text.includes('\t')
  );
}

/** If the line after a heading is only a grade ("Inadequate", "**Requires improvement**"), it is the heading's grade. */
function takeGradeLine(lines: readonly Line[], i: number, heading: SectionDraft, format: Format): number {
  const next = lines[i + 1];
  if (!format.grades) return i;
  const grade = next ? parseGrade(next.text) : null;
  if (!grade) return i;
  heading.grade ??= grade;
  const key = classifyJudgementArea(heading.title);
  heading.area ??= key ? { name: heading.title, key } : null;
  return i + 1;
}

/**
 * A graded heading in PDF text: one to three lines standing alone that together name a judgement area and its
 * grade. Returns the index after its last line, or `i` if there is none.
 */
function gradedHeadingEnd(lines: readonly Line[], i: number, format: Format): number {
  let end = i + 1;
  while (end < lines.length && end - i < GRADED_HEADING_MAX_LINES && lines[end].gap === 'none') end++;
  for (let last = end; last > i; last--) {
    const block = lines.slice(i, last);
    const standsAlone = last === lines.length || lines[last].gap !== 'none';
    if (!standsAlone || block.some((l) => isStructural(l.text, format))) continue;
    const text = block.map((l) => l.text).join(' ');
    if (!/[.,;:!?]$/.test(text) && parseGradedStatement(text)) return last;
  }
  return i;
}

/**
 * A heading without markdown marks (PDF text, council reports, letters): a short line standing alone, capitalised,
 * with no sentence punctuation and no colon ("Areas covered by the visit", "Financial implications"), where the
 * text before it is finished or a numbered paragraph follows it.
 */
function isPlainHeading(lines: readonly Line[], i: number, open: Block | null, format: Format): boolean {
  const line = lines[i];
  const next = lines[i + 1];
  const text = line.text;
  if (line.gap === 'none' || (next && next.gap === 'none' && !isStructural(next.text, format))) return false;
  if (text.length > HEADING_MAX_LENGTH || text.split(/\s+/).length > HEADING_MAX_WORDS) return false;
  if (!/^[A-Z]/.test(text) || /[.,;:!?]$/.test(text) || text.includes(':')) return false;
  if (SALUTATION.test(text) || CLOSING.test(text)) return false;
  const nextIsNumbered = next !== undefined && format.paragraphNumber(next.text) !== null;
  return !open || open.table || endsSentence(open.text) || nextIsNumbered;
}
