/**
 * The facts a document states about itself: title, authority, inspection or visit dates, publication date,
 * inspectors, and (on an Ofsted report's first page) the judgement table. Each family states them in its own place:
 * - an Ofsted report's title page: authority, title, "Inspection dates:", "Lead inspector:", "Report published:",
 *   the judgement table;
 * - a letter: its date line, "Dear …", the subject line, "…the findings of the monitoring visit … on 5 September
 *   2019", "The inspectors were A and B, Her Majesty's Inspectors";
 * - a council report: "REPORT TITLE:" and the key–value table ("Cabinet Date", …).
 * Lines that only carry these facts are consumed here so they do not reappear as body text.
 */
import type { Judgement } from '../../schemas/report.ts';
import { SourceError } from '../source-error.ts';
import { isDateLine, parseDate, parseDateRange, type DateRange } from './dates.ts';
import type { Format } from './detect.ts';
import { isJudgementTableStart, parseJudgementTable } from './judgements.ts';
import type { Line } from './normalise.ts';
import { stripFootnoteMarks } from './text.ts';

export interface Header {
  title: string | null;
  authority: string | null;
  dates: DateRange | null;
  published: string | null;
  inspectors: string[];
  /** The inspector named as lead, where the document says so; otherwise the first named. */
  leadInspector: string | null;
  judgements: Judgement[];
  /** Index of the first line of body text. */
  bodyStart: number;
  /** Indexes of lines after bodyStart that carry only header facts. */
  consumed: Set<number>;
}

export function parseHeader(lines: readonly Line[], format: Format, file: string): Header {
  const page =
    format.family === 'council' ? councilHeader(lines) : format.letter ? letterHeader(lines) : titlePage(lines, file);
  const inspectors = findInspectors(lines, format);
  return { ...page, ...inspectors };
}

type Page = Omit<Header, 'inspectors' | 'leadInspector'>;

const heading = (text: string) => stripFootnoteMarks(text.replace(/^#+\s*/, ''));
const HMI = /^(?:Her|His) Majesty['’]s Inspectors?$|^HMI$/i;
const LABELLED = /^(inspection dates?|report published|lead inspector)\s*:\s*(.*)$/i;

/**
 * An Ofsted report's title page: read line by line while each line is a title-page fact; the first line that is
 * not ends it.
 */
function titlePage(lines: readonly Line[], file: string): Page {
  const page: Page = emptyPage();
  const titleParts: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const text = heading(lines[i].text);
    const labelled = LABELLED.exec(text);
    if (labelled) {
      const [, label, value] = labelled;
      if (/^inspection/i.test(label)) page.dates = requireDates(value, lines[i], file);
      if (/^report/i.test(label)) page.published = requireDates(value, lines[i], file).start;
    } else if (HMI.test(text)) {
      // The lead inspector's title on a line of its own.
    } else if (isJudgementTableStart(text)) {
      const table = parseJudgementTable(lines, i, file);
      page.judgements.push(...table.judgements);
      i = table.end - 1;
    } else if (/^(?:Inspection|Review) of\b/i.test(text)) {
      titleParts.push(text);
    } else if (text === 'and' && titleParts.length > 0) {
      titleParts.push(text);
    } else if (titleParts.length === 0 && !page.authority && isNameLine(text)) {
      page.authority = text;
    } else {
      break;
    }
  }
  page.title = titleParts.length > 0 ? titleParts.join(' ') : null;
  page.authority ??= authorityIn(page.title);
  page.bodyStart = i;
  return page;
}

/** A date the document labels must be readable: a typo here would silently file the report under no date. */
function requireDates(value: string, line: Line, file: string): DateRange {
  const dates = parseDateRange(value);
  if (!dates) {
    throw new SourceError(`no readable date in "${value.trim()}"`, {
      file,
      line: line.no,
      hint: 'write dates as "7 February 2022" or "7 February 2022 to 18 February 2022"',
    });
  }
  return dates;
}

/** A line that can only be a name: a few words, no digits, no sentence punctuation ("South Gloucestershire"). */
function isNameLine(text: string): boolean {
  return /^[A-Z][A-Za-z'’&,. -]*$/.test(text) && text.split(/\s+/).length <= 6 && !/[.,]$/.test(text);
}

/** The authority a title names: "Inspection of Gloucestershire local authority children's services". */
function authorityIn(title: string | null): string | null {
  if (!title) return null;
  const m = /\b(?:inspection|visit) (?:of|to) (.+?)(?:['’]s)?(?: local authority)? children['’]s (?:social care )?services\b/i.exec(
    title,
  );
  return m && !/^(?:services|children)\b/i.test(m[1]) ? m[1].trim() : null;
}

/**
 * A letter: its date line, then the address, "Dear …" and the subject line, which is the letter's title. The
 * visit's dates are in the sentence that says what the letter summarises.
 */
function letterHeader(lines: readonly Line[]): Page {
  const page = emptyPage();
  if (lines.length > 0 && isDateLine(lines[0].text)) {
    page.published = parseDate(lines[0].text);
    page.bodyStart = 1;
  }
  const salutation = lines.findIndex((line) => /^Dear\s/.test(line.text));
  if (salutation >= 0 && salutation + 1 < lines.length) {
    page.title = heading(lines[salutation + 1].text);
    page.consumed.add(salutation + 1);
  }
  page.authority = authorityIn(page.title);
  const flat = lines.map((line) => line.text).join(' ');
  const summary = /\bfindings of (?:the|a|our) (?:monitoring|focused) visit\b([^.]*)/i.exec(flat);
  const when = summary ? /\b(?:on|between)\s+(.*)$/i.exec(summary[1]) : null;
  page.dates = when ? parseDateRange(when[1]) : null;
  return page;
}

/** A council report: "REPORT TITLE:" and the meeting date in its key–value table. */
function councilHeader(lines: readonly Line[]): Page {
  const page = emptyPage();
  lines.forEach((line, i) => {
    const title = /^report title:\s*(.+)$/i.exec(line.text);
    if (title && page.title === null) {
      page.title = title[1].trim();
      page.consumed.add(i);
    }
    const date = /^(?:(?:cabinet|committee|council|meeting) date|date of meeting)\t(.+)$/i.exec(line.text);
    if (date && page.published === null) page.published = parseDate(date[1]);
  });
  page.authority = authorityIn(page.title);
  return page;
}

function emptyPage(): Page {
  return {
    title: null,
    authority: null,
    dates: null,
    published: null,
    judgements: [],
    bodyStart: 0,
    consumed: new Set(),
  };
}

const ROLE_ROW = /^(?:(lead|deputy lead|team|supernumerary|additional|assistant lead)\s+)?inspectors?\s*:\s*(.+)$/i;
const LETTER_INSPECTORS =
  /\bThe (?:lead )?inspectors? (?:were|was) ([^.]+?),? (?:Her|His) Majesty['’]s Inspectors?\b/i;

/**
 * Every inspector the document names, the lead first: a report's "Lead inspector:" / "Team inspectors:" rows
 * (wherever they stand), a letter's "The inspectors were A and B, Her Majesty's Inspectors", and failing both a
 * letter's signature.
 */
function findInspectors(lines: readonly Line[], format: Format): Pick<Header, 'inspectors' | 'leadInspector'> {
  const named: string[] = [];
  let lead: string | null = null;
  for (const line of lines) {
    const row = ROLE_ROW.exec(heading(line.text));
    if (!row) continue;
    const names = splitNames(row[2]);
    if (row[1]?.toLowerCase() === 'lead' && names.length > 0) lead ??= names[0];
    named.push(...names);
  }
  if (format.letter) {
    const flat = lines.map((line) => line.text).join(' ');
    const sentence = LETTER_INSPECTORS.exec(flat);
    if (sentence) named.push(...splitNames(sentence[1]));
    if (named.length === 0) named.push(...signature(lines));
  }
  const inspectors = [...new Set(lead ? [lead, ...named] : named)];
  return { inspectors, leadInspector: inspectors[0] ?? null };
}

/** "Andrew Waugh, Her Majesty's Inspector" and "Nicola Bennett and Emmy Tomsett" → the names alone. */
function splitNames(value: string): string[] {
  return value
    .split(/\s*,\s*|\s*;\s*|\s+and\s+/)
    .map((name) => name.trim())
    .filter((name) => name !== '' && !HMI.test(name) && !/^Ofsted Inspectors?$/i.test(name));
}

/** The name under "Yours sincerely". */
function signature(lines: readonly Line[]): string[] {
  const closing = lines.findIndex((line) => /^Yours (?:sincerely|faithfully)\b/i.test(line.text));
  const name = closing >= 0 ? lines[closing + 1] : undefined;
  return name && isNameLine(name.text) ? [name.text] : [];
}
