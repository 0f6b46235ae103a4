/**
 * Small text predicates and joins shared by the parser's stages. Each one answers a question the joining rules ask
 * ("does this paragraph end a sentence?", "does this line read as the rest of the previous one?").
 */

/**
 * Characters that start a list item, in markdown conversions and in PDF text: "-", "•", the filled squares and
 * arrows Ofsted's PDFs use, and the private-use glyphs Symbol/Wingdings bullets become when text is extracted from
 * a PDF. Ofsted's PDFs mark sub-items with a dash, a minus sign, a hollow bullet or a Courier "o" ("free school
 * meals:" / "– in primary schools").
 */
const BULLET_LINE = /^([-*•◼■▪●➢►▸‣⁃\uE000-\uF8FF]|[–−◦○o])\s+(\S.*)$/;
const SUB_ITEM = /^[–−◦○o]$/;

export interface ListItem {
  text: string;
  /** 0 for an item, 1 for a sub-item: marked by its bullet, or indented in a markdown conversion. */
  depth: number;
}

/** The list item a line starts (its text without the bullet), or null if the line is not one. */
export function listItem(line: string, indent = 0): ListItem | null {
  const m = BULLET_LINE.exec(line);
  return m ? { text: m[2], depth: SUB_ITEM.test(m[1]) || indent >= 2 ? 1 : 0 } : null;
}

/** A markdown heading line, its level marks and its text. */
export const MARKDOWN_HEADING = /^(#{1,6})\s+(.*)$/;
/** A letter's salutation and its closing, which frame the letter's body. */
export const SALUTATION = /^Dear\s/;
export const CLOSING = /^Yours (?:sincerely|faithfully)\b/i;

/** The non-empty cells of a TAB-separated row, trimmed. */
export function tableCells(text: string): string[] {
  return text
    .split('\t')
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '');
}

/** Ends a sentence: . ! or ? possibly followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return /[.!?]["'’”)\]]*$/.test(text);
}

/** Ends with a colon: what follows (a list, a table) belongs to this paragraph. */
export function endsWithColon(text: string): boolean {
  return /:["'’”)]*$/.test(text);
}

/** Reads as the middle of a sentence: starts with a lowercase letter, a digit or an opening bracket. */
export function startsMidSentence(text: string): boolean {
  return /^[a-z0-9(]/.test(text);
}

/**
 * Joins a hard-wrapped line to the text before it. A word broken at a hyphen ("life-" / "story", "Barazetti-" /
 * "Scott") keeps its hyphen and loses the space; every other wrap becomes one space.
 */
export function joinWrapped(before: string, after: string): string {
  return before === '' ? after : before + wrapSeparator(before, after) + after;
}

/** What goes between a line and the hard-wrapped line after it: nothing after a broken word, else a space. */
export function wrapSeparator(before: string, after: string): string {
  return /[A-Za-z]-$/.test(before) && /^[A-Za-z]/.test(after) ? '' : ' ';
}

/**
 * Runs of spaces become one space, and none is left at either end of a line or table cell (TABs and newlines carry
 * table and list structure, and stay).
 */
export function collapseSpaces(text: string): string {
  return text.replace(/ {2,}/g, ' ').replace(/ ?([\t\n]) ?/g, '$1').trim();
}

/** A URL and anchor name: lowercase ASCII letters and digits separated by single hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Removes `<sup>n</sup>` footnote marks, for places (titles, recommendations) that cannot record them. */
export function stripFootnoteMarks(text: string): string {
  return text.includes('<sup>') ? text.replace(/<sup>\d+<\/sup>/g, '') : text;
}
