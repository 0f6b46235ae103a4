/**
 * Rebuilding reading order from positioned text runs: pure functions, no pdf.js, so they can be tested on
 * small synthetic inputs. Coordinates are PDF points with y growing upwards (pdf.js text-item space).
 */
import { isPageNumber, repeatedFurniture } from '../page-furniture.ts';
import { required } from '../required.ts';

/** One run of text as the PDF places it: `x`,`y` are the start of its baseline, `size` its font size. */
export interface Fragment {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** Set by `groupIntoLines` on a small raised run folded into the line beneath it. */
  superscript?: boolean;
}

/** A stretch of a line with no column gap inside it. */
export interface Cell {
  text: string;
  x: number;
  right: number;
}

/**
 * A PDF page's text on one baseline, split at column gaps. `size` is the largest font size on it. (The parser's
 * `Line`, src/lib/parse/normalise.ts, is a line of the extracted text.)
 */
export interface PdfLine {
  y: number;
  size: number;
  cells: Cell[];
  /** Set on rows rebuilt from a judgement table, which must not be split by paragraph breaks. */
  tableRow?: boolean;
}

/** Horizontal gap, in ems of the font before it, from which two runs on one line are separate columns. */
const COLUMN_GAP_EM = 1.2;
/** Below this gap (in ems) two runs are pieces of one word (pdf.js splits words at font or kerning changes). */
const WORD_GAP_EM = 0.12;
/** A run this much smaller than the line beneath it, and raised above its baseline, is a superscript. */
const SUPERSCRIPT_SIZE_RATIO = 0.85;
/** A line starting more than this many ems below the previous one starts a new paragraph. */
const PARAGRAPH_GAP_EM = 1.6;

/** Runs whose baselines are within this fraction of the smaller font size share a line. */
function sameBaseline(a: { y: number; size: number }, b: { y: number; size: number }): boolean {
  return Math.abs(a.y - b.y) <= 0.3 * Math.min(a.size, b.size);
}

/**
 * Groups fragments into lines, top to bottom, each ordered left to right. A line made only of small, raised
 * runs (footnote marks, ordinal suffixes) is folded into the line it sits on, marked as superscript, so that
 * "Board¹" stays one line instead of becoming a stray "1" above it.
 */
export function groupIntoLines(fragments: readonly Fragment[]): Fragment[][] {
  const sorted = [...fragments].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: { y: number; size: number; runs: Fragment[] }[] = [];
  for (const fragment of sorted) {
    const last = groups.at(-1);
    if (last && sameBaseline(last, fragment)) {
      last.runs.push(fragment);
      last.size = Math.max(last.size, fragment.size);
    } else {
      groups.push({ y: fragment.y, size: fragment.size, runs: [fragment] });
    }
  }
  const lines: Fragment[][] = [];
  for (const [i, group] of groups.entries()) {
    const base = groups[i + 1];
    if (base && isSuperscriptOf(group, base)) {
      base.runs.push(...group.runs.map((run) => ({ ...run, superscript: true })));
      continue;
    }
    lines.push(group.runs);
  }
  return lines.map((runs) => runs.sort((a, b) => a.x - b.x));
}

function isSuperscriptOf(
  group: { y: number; size: number; runs: Fragment[] },
  base: { y: number; size: number; runs: Fragment[] },
): boolean {
  const raisedBy = group.y - base.y;
  if (group.size > SUPERSCRIPT_SIZE_RATIO * base.size || raisedBy <= 0 || raisedBy > 0.6 * base.size) return false;
  const left = Math.min(...base.runs.map((r) => r.x));
  const right = Math.max(...base.runs.map((r) => r.x + r.width));
  return group.runs.every((r) => r.x >= left - base.size && r.x <= right + base.size);
}

/** List markers ("1.", "2.1", "12.", bullets) are followed by a hanging indent, not a column. */
export function isListMarker(text: string): boolean {
  return /^(?:\d{1,3}(?:\.\d{1,2})?\.?|[a-z]\)|\(?[a-z0-9]{1,3}\)|[•◼■▪●○◦\-–]|[\uE000-\uF8FF])$/u.test(text);
}

/** Footnote marks are numbers set as superscripts; kept in the text they would fuse with the word ("Board1"). */
function isFootnoteMark(run: Fragment): boolean {
  return run.superscript === true && /^[\d,\s*†‡]+$/u.test(run.text);
}

const GRADE_WORD = /^(?:outstanding|good|adequate|inadequate|requires|require|improvement|to|be|grade)$/iu;
const GRADE_HEAD_WORD = /^(?:outstanding|good|adequate|inadequate|requires|improvement|grade)$/iu;

/** Text made only of grade words: a grade cell or a wrapped piece of one ("Requires", "to be good"). */
export function isGradeText(text: string): boolean {
  const words = text.split(/\s+/u);
  return words.every((word) => GRADE_WORD.test(word)) && words.some((word) => GRADE_HEAD_WORD.test(word));
}

/** Below this gap (in ems) no column starts, however the text reads: it is an ordinary word space. */
const NARROW_COLUMN_GAP_EM = 0.5;
/** Lines of one table row are at most this many ems apart; rows are further apart (cell padding, borders). */
const ROW_LINE_PITCH_EM = 1.45;
/** Grade cells sharing a column start within this many points are one column. */
const COLUMN_ALIGN_PT = 3;

/**
 * The runs that start a new cell. A wide gap always does. A grade cell can also sit close to its area, less
 * than an em away, where the area's text runs long; it is still told apart when the rest of the line is grade
 * words after more than a word space, and either starts with a capital ("… children who   Requires
 * Improvement") or lines up with a grade cell on a line next to it (the "improvement" under "Requires").
 */
export function findCellStarts(lines: readonly Fragment[][]): Set<Fragment> {
  const starts = new Set<Fragment>();
  const narrowGrades: { line: number; run: Fragment }[] = [];
  lines.forEach((runs, l) => {
    const kept = runs.filter((run, i) => run.text.trim() && !(i > 0 && isFootnoteMark(run)));
    kept.forEach((run, i) => {
      const previous = kept[i - 1];
      // After a list marker opening the line comes its hanging indent, not a column.
      if (!previous || (i === 1 && isListMarker(previous.text.trim()))) return;
      const gap = (run.x - (previous.x + previous.width)) / previous.size;
      if (gap >= COLUMN_GAP_EM) starts.add(run);
      else if (gap >= NARROW_COLUMN_GAP_EM && isGradeText(kept.slice(i).map((r) => r.text.trim()).join(' '))) {
        if (/^\p{Lu}/u.test(run.text.trim())) starts.add(run);
        else narrowGrades.push({ line: l, run });
      }
    });
  });
  for (const { line, run } of narrowGrades) {
    const alignedAbove = [line - 1, line + 1].some((l) =>
      lines[l]?.some(
        (other) =>
          starts.has(other) &&
          Math.abs(other.x - run.x) <= COLUMN_ALIGN_PT &&
          Math.abs(other.y - run.y) <= ROW_LINE_PITCH_EM * Math.max(other.size, run.size),
      ),
    );
    if (alignedAbove) starts.add(run);
  }
  return starts;
}

/**
 * Symbol fonts map their ASCII characters to U+F020–U+F07E; pdf.js passes those through, so a dash drawn in such a
 * font inside text ("2016\uF02D17") would publish as a private-use character. Map them back to ASCII.
 */
export function symbolFontAsciiToAscii(text: string): string {
  return text.replace(/[\uF020-\uF07E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xf000));
}

/**
 * Lays out one line's runs: no space inside a word, a space between words and after list markers, and a cell
 * break before each run in `cellStarts`. Footnote marks after text are dropped; a mark opening the line (the
 * footnote itself) is kept.
 */
export function buildCells(runs: readonly Fragment[], cellStarts: ReadonlySet<Fragment>): Cell[] {
  const cells: Cell[] = [];
  let previous: Fragment | undefined;
  for (const run of runs) {
    // Bullets drawn from symbol fonts come out as private-use characters (Wingdings' ■ sits where ASCII "n" would):
    // a lone one opening a line is a bullet, and the reader gets a real one; anywhere else it is the ASCII it stands for.
    const text = !previous && /^[\uE000-\uF8FF]$/u.test(run.text.trim()) ? '•' : symbolFontAsciiToAscii(run.text).replace(/\s+/gu, ' ');
    if (!text.trim()) continue;
    if (previous && isFootnoteMark(run)) continue;
    const cell = cells.at(-1);
    if (!cell || !previous || cellStarts.has(run)) {
      cells.push({ text: text.trimStart(), x: run.x, right: run.x + run.width });
    } else {
      const gap = run.x - (previous.x + previous.width);
      const joined = gap < WORD_GAP_EM * previous.size || cell.text.endsWith(' ') || text.startsWith(' ');
      cell.text += joined ? text : ` ${text}`;
      cell.right = Math.max(cell.right, run.x + run.width);
    }
    previous = run;
  }
  for (const cell of cells) cell.text = cell.text.trim();
  return cells.filter((cell) => cell.text);
}

/** Lines of a page from its text runs: grouped by baseline, split into cells. */
export function layOutLines(fragments: readonly Fragment[]): PdfLine[] {
  const grouped = groupIntoLines(fragments);
  const cellStarts = findCellStarts(grouped);
  return grouped
    .map((runs) => {
      // The baseline is the line's own, not that of a superscript folded into it.
      const base = runs.find((run) => !run.superscript) ?? required(runs[0], 'the first run of a line');
      return { y: base.y, size: Math.max(...runs.map((r) => r.size)), cells: buildCells(runs, cellStarts) };
    })
    .filter((line) => line.cells.length > 0);
}

/**
 * The x of each grade column on a page: where a grade cell starts, either after another cell on its line (a
 * grade beside its area) or alone on its line well right of the text's left edge (a grade set beside an
 * area that wraps above and below it, or split over lines of its own).
 */
export function findGradeColumns(lines: readonly PdfLine[]): number[] {
  const left = Math.min(...lines.flatMap((line) => line.cells.slice(0, 1).map((cell) => cell.x)));
  const columns: number[] = [];
  for (const line of lines) {
    line.cells.forEach((cell, i) => {
      const inColumn = i > 0 || cell.x - left > 10 * line.size;
      if (inColumn && isGradeText(cell.text) && !columns.some((x) => Math.abs(x - cell.x) <= COLUMN_ALIGN_PT)) {
        columns.push(cell.x);
      }
    });
  }
  return columns;
}

/** Where a line stands relative to a grade column at `x`. */
function tablePart(line: PdfLine, x: number): 'row' | 'grade' | 'area' | 'none' {
  const grade = line.cells.findIndex((cell) => Math.abs(cell.x - x) <= COLUMN_ALIGN_PT && isGradeText(cell.text));
  if (grade >= 0) return grade === line.cells.length - 1 ? (grade === 0 ? 'grade' : 'row') : 'none';
  const last = line.cells.at(-1);
  return last && last.right < x - 0.5 * line.size ? 'area' : 'none';
}

/**
 * Rewrites judgement tables so each judgement is one line, `area<TAB>grade`, however its two cells wrap: the
 * lines around a grade column are gathered into rows (lines closer than a row's line pitch belong together),
 * and each row's area pieces and grade pieces are joined in reading order. Grade words above, beside or below
 * the area (all three occur) end up in the same row.
 */
export function rebuildJudgementTables(lines: readonly PdfLine[]): PdfLine[] {
  if (lines.length === 0) return [];
  let result = [...lines];
  for (const x of findGradeColumns(lines)) result = mergeTableRows(result, x);
  return result;
}

function mergeTableRows(lines: readonly PdfLine[], x: number): PdfLine[] {
  const parts = lines.map((line) => tablePart(line, x));
  /** The row each line belongs to, as the indexes of its lines in order; lines of no row are absent. */
  const rowOf = new Map<number, number[]>();
  // Each anchor (a line with a grade cell in this column) starts or joins a row; neighbours close enough
  // above and below, with text only left of the column, are the rest of the row.
  lines.forEach((line, i) => {
    if (parts[i] !== 'row' && parts[i] !== 'grade') return;
    if (rowOf.has(i)) return;
    const row = [i];
    rowOf.set(i, row);
    for (const step of [-1, 1]) {
      let edge = line;
      for (let j = i + step; ; j += step) {
        const next = lines[j];
        if (!next) break;
        const near = Math.abs(edge.y - next.y) <= ROW_LINE_PITCH_EM * Math.max(next.size, edge.size);
        if (!near || parts[j] === 'none' || rowOf.has(j)) break;
        row.push(j);
        rowOf.set(j, row);
        edge = next;
      }
    }
    row.sort((a, b) => a - b);
  });
  const result: PdfLine[] = [];
  lines.forEach((line, i) => {
    const row = rowOf.get(i);
    if (!row) {
      result.push(line);
      return;
    }
    if (row[0] !== i) return;
    const rowLines = row.map((j) => required(lines[j], `line ${j} of a judgement table row`));
    const area: string[] = [];
    const grade: string[] = [];
    for (const rowLine of rowLines) {
      for (const cell of rowLine.cells) (cell.x >= x - COLUMN_ALIGN_PT ? grade : area).push(cell.text);
    }
    const areaText = area.join(' ');
    const gradeText = grade.join(' ');
    const cells: Cell[] = [];
    if (areaText) cells.push({ text: areaText, x: required(line.cells[0], 'the first cell of a judgement table row').x, right: x });
    cells.push({ text: gradeText, x, right: Math.max(...rowLines.flatMap((rowLine) => rowLine.cells.map((c) => c.right))) });
    result.push({ y: line.y, size: line.size, cells, tableRow: true });
  });
  return result;
}

/** A page's lines as text: cells joined by TAB, a blank line where the vertical gap says a paragraph ends. */
export function linesToText(lines: readonly PdfLine[]): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const gap = previous ? previous.y - line.y : 0;
    const bothRows = previous?.tableRow && line.tableRow;
    if (previous && !bothRows && gap > PARAGRAPH_GAP_EM * Math.max(line.size, previous.size)) out.push('');
    out.push(line.cells.map((cell) => cell.text).join('\t'));
  });
  return out;
}

/** Drops running headers and footers (the rule is src/lib/page-furniture.ts's, shared with text sources). */
export function dropRepeatedPageFurniture(pages: readonly string[][]): string[][] {
  const drop = repeatedFurniture(pages);
  return pages.map((lines, p) => lines.filter((_, i) => !drop[p].has(i)));
}

/** Drops a page number standing alone ("7", "Page 7", "7 of 12") as the first or last non-blank line. */
export function dropPageNumbers(lines: readonly string[]): string[] {
  const nonBlank = lines.flatMap((line, i) => (line.trim() ? [i] : []));
  const drop = new Set([nonBlank[0], nonBlank.at(-1)].filter((i) => i !== undefined && isPageNumber(lines[i])));
  return lines.filter((_, i) => !drop.has(i));
}

/**
 * Keeps a word broken at a line-end hyphen whole, by moving the rest of the word up: "multi-" / "agency …"
 * becomes "multi-agency" / "…". The hyphen stays, because in these reports a line-end hyphen is a compound's
 * own hyphen (Word does not hyphenate them), never a soft one. Only done where it is safe: a letter before the
 * hyphen (so not a dash), a lower-case letter or digit after it, and neither line part of a table.
 */
export function joinHyphenatedWords(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length - 1; i++) {
    const line = required(out[i], `line ${i}`);
    const next = required(out[i + 1], `line ${i + 1}`);
    if (!/\p{L}-$/u.test(line) || line.includes('\t') || next.includes('\t')) continue;
    const match = /^([\p{Ll}\d][^\s]*)\s*(.*)$/u.exec(next);
    if (!match) continue;
    out[i] = line + match[1];
    out[i + 1] = match[2] ?? '';
  }
  return out.filter((line, i) => line !== '' || lines[i] === '');
}

/** No blank lines at a page's edges nor two in a row: what is left once furniture lines between them went. */
export function tidyBlankLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out.at(-1) === '')) continue;
    out.push(line);
  }
  if (out.at(-1) === '') out.pop();
  return out;
}
