/**
 * Graded judgements: Ofsted's grade words onto the schema's controlled vocabulary, judgement areas onto `areaKey`,
 * and the judgement table on a report's first page in each shape it comes in:
 * - tab-separated rows, optionally numbered ("2.1 Adoption performance<TAB>Good"), grade before or after the area;
 * - a PDF table whose cells wrap over several lines ("The impact of leaders on social work practice with children" /
 *   "and families" / "Requires improvement" / "to be good"), with or without a TAB between the columns.
 * Judgement sentences ("Children's services in South Gloucestershire are inadequate") and graded headings ("The
 * graded judgement for adoption performance is that it is good") are read by `parseGradedStatement`.
 */
import { GRADES, type Grade, type Judgement, type JudgementAreaKey } from '../../schemas/report.ts';
import { SourceError } from '../source-error.ts';
import type { Line } from './normalise.ts';
import { tableCells } from './text.ts';

const GRADE_BY_WORDS = new Map<string, Grade>(GRADES.map((grade) => [grade.toLowerCase(), grade]));

/**
 * The grade the words name (any case, any spacing, "require improvement" as in "services … require improvement"),
 * or null if they name none.
 */
export function parseGrade(words: string): Grade | null {
  const key = words.replace(/\s+/g, ' ').trim().toLowerCase().replace(/^require improvement/, 'requires improvement');
  return GRADE_BY_WORDS.get(key) ?? null;
}

/**
 * The judgement area an area's wording stands for, lined up across frameworks (see JUDGEMENT_AREAS), or null.
 * Order matters: ILACS "children in care and care leavers" is the in-care judgement, while a heading or row about
 * care leavers alone is the care-leaver judgement.
 */
export function classifyJudgementArea(area: string): JudgementAreaKey | null {
  const a = area.toLowerCase().replace(/’/g, "'");
  // A cover's "Children's services in Luton require…", or Luton's own "Children's services require…" without the place.
  // "Overall, children's services in Luton…", and "Childrens services" where the PDF lost the apostrophe.
  if (/overall effectiveness|overall judgement|^(?:overall,? )?(?:the )?children'?s services(?: in\b|$)/.test(a)) return 'overall-effectiveness';
  if (/safeguarding children board|\blscb\b/.test(a)) return 'lscb';
  if (/\badoption\b/.test(a)) return 'adoption';
  if (/help and protection/.test(a)) return 'help-and-protection';
  if (/children in care and care leavers|looked after/.test(a)) return 'in-care';
  if (/care leavers|care-experienced|care experienced/.test(a)) return 'care-leavers';
  if (/children in care/.test(a)) return 'in-care';
  if (/\bleaders\b|leadership/.test(a)) return 'leadership';
  return null;
}

/** A row number in front of the area ("1. Children who need…", "2.1 Adoption performance"). */
const ROW_NUMBER = /^\d+(?:\.\d+)*\.?\s+/;
/** Grade wording a heading or sentence can end with, longest first so "requires improvement to be good" wins. */
const GRADE_WORDS = 'requires? improvement to be good|requires? improvement|outstanding|inadequate|adequate|good';
const GRADED_STATEMENT = new RegExp(
  String.raw`^(.+?)(?::\s*|\s+(?:is|are)\s+(?:that\s+it\s+(?:is\s+)?)?|\s+)(${GRADE_WORDS})\.?$`,
  'i',
);

/**
 * Words before grade words that make them a yardstick ("characteristics of good") or a past judgement ("at the last
 * inspection, help and protection was judged inadequate"), not the grade this report awards.
 */
const NOT_AWARDED = /\b(?:of|to|be|as|than|not|towards?|from|for|into|an?|the|judged|was|were|been|previously|remains?)$/i;

/**
 * What a table prints for an area it did not grade ("Not judged", in very small authorities such as the Isles of
 * Scilly): the row names no graded area, so it is left out of the record rather than refused.
 */
export const NOT_JUDGED = /^not (?:judged|graded|applicable)$/i;

export interface GradedStatement {
  area: string;
  areaKey: JudgementAreaKey;
  grade: Grade;
}

/**
 * A heading or statement that names a judgement area and its grade: "…help and protection: requires improvement
 * to be good", "The Local Safeguarding Children Board is inadequate", "The graded judgement about the experience
 * and progress of care leavers is that it requires improvement", "Children's services in Darlington require
 * improvement to be good", "The overall judgement is good." Null unless the area is a known one.
 */
export function parseGradedStatement(text: string): GradedStatement | null {
  if (text.length > 250) return null;
  const m = GRADED_STATEMENT.exec(text.trim());
  if (!m) return null;
  const area = m[1]
    .replace(ROW_NUMBER, '')
    .replace(/^the graded judge?ment (?:for|about)\s+(?:the\s+)?/i, '')
    .trim();
  // "…is not yet demonstrating the characteristics of good" measures against a grade; it does not award one.
  if (NOT_AWARDED.test(area)) return null;
  const areaKey = classifyJudgementArea(area);
  const grade = parseGrade(m[2]);
  if (!areaKey || !grade) return null;
  return { area: area.charAt(0).toUpperCase() + area.slice(1), areaKey, grade };
}

const TABLE_HEADER = /^(?:(?:key )?judgements?(?: grades?)?|grades?|areas?|judgement areas?)$/i;

/** A judgement table's header row ("Judgement<TAB>Grade", "Key judgement<TAB>Judgement grade"): no content. */
export function isJudgementHeaderRow(text: string): boolean {
  const cells = tableCells(text);
  return cells.length >= 2 && cells.every((cell) => TABLE_HEADER.test(cell));
}

/**
 * The line that opens a judgement table: its header row, a row with a grade cell, or (text without TABs, where the
 * grade may sit on the lines below) a SIF table's first numbered row naming a judgement area ("1. Children who need
 * help and protection").
 */
export function isJudgementTableStart(text: string): boolean {
  if (isJudgementHeaderRow(text) || /^judgements?\s+grades?$/i.test(text)) return true;
  const cells = tableCells(text);
  if (cells.length >= 2) return cells.some((cell) => parseGrade(cell) || NOT_JUDGED.test(cell));
  return /^1\.?\s/.test(text) && isWrappedCellLine(text) && classifyJudgementArea(text.replace(ROW_NUMBER, '')) !== null;
}

/** Capitalised grade words inside a cell, as tables print them (lowercase "good" in an area name is not a grade). */
const TABLE_GRADE =
  /\b(?:Requires [Ii]mprovement [Tt]o [Bb]e [Gg]ood|Requires [Ii]mprovement|Outstanding|Inadequate|Adequate|Good|Not [Jj]udged)\b/g;
/** A cell that starts with grade words. */
const GRADE_START = new RegExp(`^(?:${TABLE_GRADE.source})`);
/**
 * The rest of a grade wrapped in its cell: "Requires" / "Improvement", "Requires improvement" / "to be good",
 * "Requires" / "improvement to be" / "good" (lowercase: a capitalised "Good" is a grade of its own).
 */
const GRADE_CONTINUATION = /^(?:[Ii]mprovement(?: to be)?|[Tt]o be(?: good)?|good)$/;
/** A grade's first word on a line of its own, the rest wrapped below. */
const GRADE_OPENING = /^Requires$/;
/** Width of a table cell line: longer lines are prose after the table. */
const MAX_CELL_LINE = 72;

interface Fragment {
  kind: 'area' | 'grade';
  text: string;
  line: Line;
}

/**
 * Reads the judgement table that starts at `lines[start]`. Returns the judgements in table order and the index of
 * the first line after the table. Throws a SourceError for a grade cell whose wording is no known grade, or an
 * area that is no known judgement area.
 */
export function parseJudgementTable(
  lines: readonly Line[],
  start: number,
  file: string,
): { judgements: Judgement[]; notJudged: JudgementAreaKey[]; end: number } {
  const fragments: Fragment[] = [];
  // A table with TAB-separated columns has every row on a line of its own: the first line without a TAB ends it.
  // Without TABs, cells wrap over lines, and the table ends at a line too long or too finished to be a cell.
  const tabbed = lines[start].text.includes('\t');
  let end = start;
  for (; end < lines.length; end++) {
    const text = lines[end].text;
    if (tabbed ? !text.includes('\t') : !isWrappedCellLine(text)) break;
    if (!tabbed && end > start && endsWrappedTable(fragments, lines, end)) break;
    fragments.push(...fragmentsOf(lines[end], file));
    if (closesAreaFirstTable(fragments, lines[end + 1])) {
      end++;
      break;
    }
  }
  const rows = rowsFrom(fragments, file);
  return {
    judgements: rows.flatMap((row) => ('grade' in row ? [row] : [])),
    notJudged: rows.flatMap((row) => ('grade' in row ? [] : [row.areaKey])),
    end,
  };
}

/**
 * A table without TABs ends at a page break, or where a finished row (its grade read) is followed by a line that
 * neither grades nor names a judgement area, with the lines its cell wraps onto ("The experiences and progress of
 * children who need help and" / "protection"): the heading or text after a SIF table, which has no overall row to
 * close it.
 */
function endsWrappedTable(fragments: readonly Fragment[], lines: readonly Line[], i: number): boolean {
  if (lines[i].gap === 'page') return true;
  if (fragments.at(-1)?.kind !== 'grade') return false;
  const text = lines[i].text;
  if (GRADE_CONTINUATION.test(text) || GRADE_OPENING.test(text) || GRADE_START.test(text)) return false;
  let cell = text;
  for (let k = i + 1; k < lines.length && k <= i + 2 && lines[k].gap === 'none' && isWrappedCellLine(lines[k].text); k++) {
    cell += ` ${lines[k].text}`;
  }
  return classifyJudgementArea(cell.replace(ROW_NUMBER, '')) === null;
}

/** A line of a table without TABs: short, without sentence punctuation, not a heading or footnote. */
function isWrappedCellLine(text: string): boolean {
  return text.length <= MAX_CELL_LINE && !/[.!?;:]$/.test(text) && !/^(?:#|<sup>)/.test(text);
}

/**
 * A line's cells cut into area and grade fragments, in reading order; header cells dropped. In a TAB-separated row
 * a cell is a grade, the rest of a wrapped grade, or an area; a cell that starts like a grade and goes on ("Good
 * with outstanding features") is grade wording outside the vocabulary. A line without TABs may hold an area and
 * its grade side by side, so it is cut at the grade words.
 */
function fragmentsOf(line: Line, file: string): Fragment[] {
  const cells = tableCells(line.text).filter((cell) => !TABLE_HEADER.test(cell));
  if (/^judgements?\s+grades?$/i.test(line.text)) return [];
  const tabbed = line.text.includes('\t');
  const fragments: Fragment[] = [];
  for (const cell of cells) {
    if (GRADE_CONTINUATION.test(cell) || GRADE_OPENING.test(cell) || (tabbed && (parseGrade(cell) || NOT_JUDGED.test(cell)))) {
      fragments.push({ kind: 'grade', text: cell, line });
      continue;
    }
    if (tabbed) {
      if (GRADE_START.test(cell)) throw unknownGrade(cell, cells.find((c) => c !== cell) ?? '', line, file);
      pushArea(fragments, cell, line);
      continue;
    }
    let last = 0;
    for (const m of cell.matchAll(TABLE_GRADE)) {
      pushArea(fragments, cell.slice(last, m.index), line);
      fragments.push({ kind: 'grade', text: m[0], line });
      last = m.index + m[0].length;
    }
    pushArea(fragments, cell.slice(last), line);
  }
  const areas = fragments.filter((f) => f.kind === 'area');
  if (cells.length >= 2 && areas.length === cells.length) {
    // Two or more cells and none reads as a grade: if one names an area, the other is grade wording we do not know.
    const named = areas.findIndex((f) => classifyJudgementArea(f.text));
    if (named >= 0) {
      const wording = areas.filter((_, k) => k !== named).map((f) => f.text).join(' ');
      throw unknownGrade(wording, areas[named].text, line, file);
    }
  }
  return fragments;
}

function unknownGrade(wording: string, area: string, line: Line, file: string): SourceError {
  return new SourceError(`unknown grade wording "${wording}" for "${area}" in the judgement table`, {
    file,
    line: line.no,
    hint: GRADE_HINT,
  });
}

function pushArea(fragments: Fragment[], text: string, line: Line): void {
  const area = text.replace(ROW_NUMBER, '').trim();
  if (area !== '') fragments.push({ kind: 'area', text: area, line });
}

/**
 * An ILACS table lists the overall effectiveness row last: once that row has its grade (and the next line does not
 * finish the grade's wording), the table is over, whatever follows.
 */
function closesAreaFirstTable(fragments: Fragment[], next: Line | undefined): boolean {
  if (fragments.length < 2 || fragments[0].kind !== 'area') return false;
  const last = fragments[fragments.length - 1];
  if (last.kind !== 'grade') return false;
  if (next && GRADE_CONTINUATION.test(next.text.trim())) return false;
  let k = fragments.length - 1;
  while (k > 0 && fragments[k].kind === 'grade') k--;
  return classifyJudgementArea(fragments[k].text) === 'overall-effectiveness';
}

/**
 * Pairs area and grade fragments into rows. Which comes first in a row is read off the first fragment; an area
 * wrapped over several lines is several area fragments in a row, a grade wrapped over two lines two grade fragments.
 */
function rowsFrom(fragments: Fragment[], file: string): (Judgement | NotJudged)[] {
  if (fragments.length === 0) return [];
  const gradeFirst = fragments[0].kind === 'grade';
  const rows: { area: Fragment[]; grade: Fragment[] }[] = [];
  let row: { area: Fragment[]; grade: Fragment[] } | null = null;
  for (const fragment of fragments) {
    const startsRow =
      !row ||
      (gradeFirst
        ? fragment.kind === 'grade' && row.area.length > 0 && !GRADE_CONTINUATION.test(fragment.text)
        : fragment.kind === 'area' && row.grade.length > 0);
    if (startsRow || !row) {
      row = { area: [], grade: [] };
      rows.push(row);
    }
    row[fragment.kind].push(fragment);
  }
  return rows.map((r) => toJudgement(r.area, r.grade, file));
}

/** What to do about a grade the parser cannot read. */
const GRADE_HINT =
  `a grade is one of: ${GRADES.join(', ')}, or "Not judged"; if the page prints one of these, its text came ` +
  'through garbled: correct the source text (or its extraction), and if the report uses new wording, add it to parseGrade';

/** A row that says its area was not judged. */
interface NotJudged {
  areaKey: JudgementAreaKey;
}

function toJudgement(areaParts: Fragment[], gradeParts: Fragment[], file: string): Judgement | NotJudged {
  const where = (areaParts[0] ?? gradeParts[0]).line;
  const area = areaParts.map((f) => f.text).join(' ');
  const wording = gradeParts.map((f) => f.text).join(' ');
  const notJudgedKey = NOT_JUDGED.test(wording) ? classifyJudgementArea(area) : null;
  if (notJudgedKey) return { areaKey: notJudgedKey };
  const grade = parseGrade(wording);
  if (!grade) {
    const problem = wording === '' ? `no grade for "${area}"` : `unknown grade wording "${wording}" for "${area}"`;
    throw new SourceError(`${problem} in the judgement table`, {
      file,
      line: where.no,
      hint: GRADE_HINT,
    });
  }
  const areaKey = classifyJudgementArea(area);
  if (!areaKey || area === '') {
    throw new SourceError(`unknown judgement area "${area}" (graded "${grade}") in the judgement table`, {
      file,
      line: where.no,
      hint: 'add its wording to classifyJudgementArea in src/lib/parse/judgements.ts',
    });
  }
  return { area, areaKey, grade };
}

/**
 * The report's judgements: the table's rows, then graded headings for areas the table leaves out (a SIF report's
 * LSCB review is graded only in its heading). The table is the record: headings sometimes print "requires
 * improvement to be good" where the table prints "Requires improvement", the same judgement. A heading that
 * grades an area otherwise differently from the table is a contradiction in the source, reported, not guessed at.
 */
export function mergeHeadingJudgements(
  table: readonly Judgement[],
  headings: readonly { area: { name: string; key: JudgementAreaKey } | null; grade: Grade | null; line: number }[],
  file: string,
): Judgement[] {
  const judgements = [...table];
  for (const heading of headings) {
    const { area, grade } = heading;
    if (!area || !grade) continue;
    const known = judgements.find((j) => j.areaKey === area.key);
    if (!known) {
      judgements.push({ area: area.name, areaKey: area.key, grade });
    } else if (!sameJudgement(known.grade, grade)) {
      throw new SourceError(
        `the heading grades "${area.name}" "${grade}" but the judgement table grades it "${known.grade}"`,
        { file, line: heading.line, hint: 'correct whichever the published report does not say' },
      );
    }
  }
  return judgements;
}

const REQUIRES_IMPROVEMENT = new Set<Grade>(['Requires improvement', 'Requires improvement to be good']);

function sameJudgement(a: Grade, b: Grade): boolean {
  return a === b || (REQUIRES_IMPROVEMENT.has(a) && REQUIRES_IMPROVEMENT.has(b));
}
