/**
 * Stage 1: source text → clean lines. Everything later works on these lines, so this is where the differences
 * between a markdown conversion and raw PDF text are ironed out: line endings, control characters, conversion
 * artefacts, page numbers and page furniture. Blank lines are not kept as lines; each kept line says instead what
 * separated it from the line before (`gap`), which is what the paragraph-joining rules need to know.
 */
import { isPageNumber, repeatedFurniture } from '../page-furniture.ts';

/**
 * What stands between a line and the kept line before it: nothing (a hard wrap), blank lines (a paragraph break,
 * or in raw PDF text often just spacing), or a page break (a form feed, a dropped page number or page furniture,
 * or three or more blank lines — how page breaks survive a conversion).
 */
export type Gap = 'none' | 'blank' | 'page';

export interface Line {
  /** The cleaned text, trimmed. Never empty. */
  readonly text: string;
  /** Leading spaces before trimming: nested markdown list items are indented. */
  readonly indent: number;
  /** 1-based line number in the source, for error messages. */
  readonly no: number;
  readonly gap: Gap;
}

/** Blank lines in a row that mark a page break when nothing else does. */
const PAGE_BREAK_BLANKS = 3;

export function normalise(text: string): Line[] {
  const segments = splitSegments(text);
  const furniture = furnitureSegments(segments);
  const lines: Line[] = [];
  let blanks = 0;
  let pageBreak = false;
  segments.forEach((segment, i) => {
    if (segment.pageStart) pageBreak = true;
    if (segment.text === '') {
      blanks++;
      return;
    }
    if (isLonePageNumber(segment.text, segments, i) || furniture.has(i)) {
      pageBreak = true;
      return;
    }
    const gap: Gap = pageBreak || blanks >= PAGE_BREAK_BLANKS ? 'page' : blanks > 0 || lines.length === 0 ? 'blank' : 'none';
    lines.push({ text: segment.text, indent: segment.indent, no: segment.no, gap });
    blanks = 0;
    pageBreak = false;
  });
  return lines;
}

interface Segment {
  text: string;
  indent: number;
  no: number;
  /** The first segment after a form feed. */
  pageStart: boolean;
}

/**
 * Splits into lines (and at form feeds, so a page break inside a line still breaks it). The text is cleaned as a
 * whole first: one pass of each rule over the document is far cheaper than one per line, and no rule crosses a
 * line end.
 */
function splitSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  const lf = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const rawLines = clean(lf.replace(/^\uFEFF/, '')).split('\n');
  rawLines.forEach((rawLine, i) => {
    rawLine.split('\f').forEach((part, k) => {
      const indent = part.search(/[^ ]|$/);
      const glued = gluedAreaHeading(part, rawLines[i + 1]);
      if (glued > 0) {
        // Apart by a blank line, as the heading stands on the page.
        segments.push({ text: part.slice(0, glued).trim(), indent, no: i + 1, pageStart: k > 0 });
        segments.push({ text: '', indent: 0, no: i + 1, pageStart: false });
        segments.push({ text: part.slice(glued).trim(), indent: 0, no: i + 1, pageStart: false });
      } else {
        segments.push({ text: part.trim(), indent, no: i + 1, pageStart: k > 0 });
      }
    });
  });
  return segments;
}

/**
 * Where an ILACS area heading starts that PDF text ran onto the end of a paragraph's last line ("…out of education.
 * The impact of leaders on social work practice with children and families is: good"), possibly wrapping onto the
 * next line ("…with children and" / "families: good"); 0 if none does. Only the heading's form, with its colon and
 * grade ending the line, counts: a sentence saying an area is good has no colon.
 */
function gluedAreaHeading(line: string, next: string | undefined): number {
  if (!line.includes('. The ')) return 0;
  const m = GLUED_AREA.exec(line);
  if (!m) return 0;
  const heading = m[2];
  const complete = AREA_GRADE_END.test(heading);
  const wrapped = !complete && !heading.includes(':') && next !== undefined && AREA_GRADE_END.test(`${heading} ${next.trim()}`);
  return complete || wrapped ? m.index + m[1].length : 0;
}

const GLUED_AREA = /([.!?]["'’”)]?) (The (?:experiences and progress of|impact of leaders on) [^.]*)$/;
const AREA_GRADE_END = /^[^.:]+: ?(?:good|outstanding|inadequate|requires improvement(?: to be good)?)\.?$/i;

/**
 * In one pass: control characters other than TAB (a table column separator), LF and FF (line and page ends),
 * invisible formatting characters and soft hyphens, which go; and space characters other than a plain space,
 * which become one.
 */
const ODD_CHARACTERS =
  /[\u0000-\u0008\u000B\u000E-\u001F\u007F\u00AD\u200B-\u200D\u2060\uFEFF\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const ODD_SPACE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/;
/**
 * HTML formatting tags a conversion leaves behind (`<b>`, `<p>`, `<ul style="…">`). Only these names, and
 * attributes only with quoted values, so text such as `<script>`, `a<b and c>d` or `<https://…>` is left exactly
 * as written.
 */
const FORMAT_TAG =
  /<\/?(?:b|strong|i|em|u|span|font|p|div|br|ul|ol|li)(?:[ \t]+[a-zA-Z-]+[ \t]*=[ \t]*(?:"[^"\n]*"|'[^'\n]*'))*[ \t]*\/?>/gi;
const BLOCK_TAG = /^<\/?(?:p|div|br|ul|ol)\b/i;

function clean(raw: string): string {
  let text = raw.replace(ODD_CHARACTERS, (c) => (ODD_SPACE.test(c) ? ' ' : ''));
  text = repairArtefacts(text);
  // Markdown emphasis carries no words; conversions also leave unmatched `**`.
  text = text.replace(/\*\*/g, '');
  // A list item tag becomes a bullet so the items stay apart; block tags become a space so words do not run together.
  text = text.replace(FORMAT_TAG, (tag) => (/^<li\b/i.test(tag) ? ' • ' : BLOCK_TAG.test(tag) ? ' ' : ''));
  // Markdown backslash escapes ("A\* to C") stand for the character itself.
  return text.includes('\\') ? text.replace(/\\([*_#`[\]\\])/g, '$1') : text;
}

/**
 * Known conversion artefacts, repaired to what the page shows:
 * - LaTeX from a PDF-to-markdown converter: `$\ensuremath{\mathsf{Board}}^1$` is "Board" with footnote mark 1.
 *   Only `$…$` spans with a backslash command or a leading `^` are touched, so sums of money are left alone.
 * - A footnote mark whose `<sup>` was escaped and re-wrapped: `<sup>&</sup>lt;sup>1</sup>` is `<sup>1</sup>`.
 * - A lost "h" glyph extracted as "ł" and a TAB inside a word: "Cł\tildren" is "Children".
 * - A bullet alone on its line, its item's text on the next: one line, as the bullet's item.
 * - A TAB after a paragraph number, where a PDF set the number in a column of its own: "9.\tEffective action" is
 *   "9. Effective action" (only where no other TAB follows, so a numbered table row stays a row).
 * - A space a conversion put inside a figure range or before a full stop or comma: "2014– 15" and "0– 25s" are
 *   "2014–15" and "0–25s", "in future ." is "in future.", and an ordinal split from its day ("22 nd June") is whole.
 */
function repairArtefacts(text: string): string {
  return text
    .replace(/\$([^$\n]{1,200})\$/g, (span, inner: string) => (/\\[A-Za-z]|^\^/.test(inner) ? unwrapLatex(inner) : span))
    .replace(/<sup>&<\/sup>lt;sup>/g, '<sup>')
    .replace(/([A-Za-z])ł\t([a-z])/g, '$1h$2')
    .replace(/^([ \t]*[•◼■▪●➢►\uF0A7\uF0B7])[ \t]*\n(?:[ \t]*\n)?(?=[ \t]*\S)/gm, '$1 ')
    .replace(/(\d)([–-]) (?=\d)/g, '$1$2')
    .replace(/([A-Za-z0-9%)’'"”]) ([.,])(?=\s|$)/gm, '$1$2')
    .replace(/^([ \t]*\d{1,4}\.)\t+(?=[^\t\n]+$)/gm, '$1 ')
    .replace(/\b(\d{1,2}) (st|nd|rd|th)\b(?= [A-Z][a-z]+)/g, '$1$2');
}

function unwrapLatex(inner: string): string {
  const mark = /\^\{?(\d+)\}?/.exec(inner);
  const words = inner
    .replace(/\^\{?\d+\}?/g, '')
    .replace(/\\[A-Za-z]+/g, '')
    .replace(/[{}]/g, '');
  return words + (mark ? `<sup>${mark[1]}</sup>` : '');
}

/** A page number (or "Page 3 of 12") standing alone between blank lines or page edges. */
function isLonePageNumber(text: string, segments: Segment[], i: number): boolean {
  if (!isPageNumber(text)) return false;
  const before = segments[i - 1];
  const after = segments[i + 1];
  const isolatedBefore = !before || before.text === '' || segments[i].pageStart;
  const isolatedAfter = !after || after.text === '' || after.pageStart;
  return isolatedBefore && isolatedAfter;
}

/**
 * Running headers and footers of text with form feeds, by the rule PDF extraction uses (src/lib/page-furniture.ts).
 * Returns the indexes of the segments to drop.
 */
function furnitureSegments(segments: Segment[]): Set<number> {
  const pages: number[][] = [[]];
  segments.forEach((segment, i) => {
    if (segment.pageStart) pages.push([]);
    pages[pages.length - 1].push(i);
  });
  const drop = repeatedFurniture(pages.map((page) => page.map((i) => segments[i].text)));
  return new Set(pages.flatMap((page, p) => page.filter((_, k) => drop[p].has(k))));
}
