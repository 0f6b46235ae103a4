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
import type { Judgement, JudgementAreaKey } from '../../schemas/report.ts';
import { SourceError } from '../source-error.ts';
import { isDateLine, parseDate, parseDateRange, parseDateSpan, type DateRange } from './dates.ts';
import type { Format } from './detect.ts';
import { isJudgementTableStart, parseGradedStatement, parseJudgementTable } from './judgements.ts';
import type { Line } from './normalise.ts';
import { CLOSING, joinWrapped, MARKDOWN_HEADING, SALUTATION, stripFootnoteMarks } from './text.ts';

export interface Header {
  title: string | null;
  authority: string | null;
  dates: DateRange | null;
  published: string | null;
  inspectors: string[];
  /** The inspector named as lead, where the document says so; otherwise the first named. */
  leadInspector: string | null;
  judgements: Judgement[];
  /** Areas the judgement table marks "Not judged". */
  notJudged: JudgementAreaKey[];
  /** Whether a judgement table was found, even one whose every area is "Not judged". */
  judgementTable: boolean;
  /** Indexes of lines that carry only header facts, not body text. */
  consumed: Set<number>;
}

export function parseHeader(lines: readonly Line[], format: Format, file: string): Header {
  // A letter states its facts in sentences, which hard wraps cut: they are read from its text as one line.
  const flat = format.letter ? lines.map((line) => line.text).join(' ') : '';
  const page =
    format.family === 'council' ? councilHeader(lines) : format.letter ? letterHeader(lines) : titlePage(lines, file);
  return { ...page, ...findInspectors(lines, flat) };
}

type Page = Omit<Header, 'inspectors' | 'leadInspector'>;

/** A title-page line without its markdown heading marks and footnote marks. */
const plain = (text: string) => stripFootnoteMarks(text.replace(/^#+\s*/, ''));
const HMI = /^(?:Her|His) Majesty['’]s Inspectors?$|^HMI$/i;
/** A report's title: an inspection, a re-inspection after an inadequate judgement, or a review. */
const TITLE_START = /^(?:(?:Re-?)?inspection|Review) of\b/i;
/**
 * Title-page facts: "Inspection dates:", "Report published:" and "Lead inspector:", or as reports before the SIF
 * put them, "Published:", "Reporting inspector:" and "Age group:" (which the record has no field for).
 */
const LABELLED = /^(inspection dates?|(?:report )?published|(?:lead|reporting) inspector|age group)\s*:\s*(.*)$/i;

/**
 * An Ofsted report's title page (its first page, or up to its first heading): the authority and title, each
 * possibly wrapped over lines ("Royal Borough of Kensington and" / "Chelsea"), the labelled facts, the judgement
 * table and judgement sentences ("Children's services in Darlington Borough Council are" / "inadequate"). Other
 * text on the page (the summary that opens an ILACS report, a SIF report's explanation of its grade) is body text.
 */
function titlePage(lines: readonly Line[], file: string): Page {
  const page: Page = emptyPage();
  const titleParts: string[] = [];
  const authorityParts: string[] = [];
  const take = (from: number, to: number): string => {
    for (let k = from; k < to; k++) page.consumed.add(k);
    return lines
      .slice(from, to)
      .map((line) => plain(line.text))
      .join(' ');
  };
  let titleEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const text = plain(line.text);
    const isTitle = TITLE_START.test(text) || (/^and$/i.test(text) && titleParts.length > 0);
    // The authority's name stands above the title, or (2013 SIF reports) on the line straight after it.
    const isAuthority =
      !isTitle &&
      isNameLine(text) &&
      (titleParts.length === 0 || (i === titleEnd && authorityParts.length === 0 && !parseGradedStatement(text)));
    if (i > 0 && line.gap === 'page') break;
    if (MARKDOWN_HEADING.test(line.text) && !isTitle && !isAuthority) break;

    const labelled = LABELLED.exec(text);
    if (labelled) {
      const [, label] = labelled;
      const dated = /^inspection|published$/i.test(label);
      const end = dated ? datesEnd(lines, i, labelled[2]) : /inspector$/i.test(label) ? teamListEnd(lines, i, labelled[2]) : i + 1;
      const value = take(i, end).replace(/^[^:]*:\s*/, '');
      if (/^inspection/i.test(label)) page.dates = parseDateSpan(value) ?? requireDates(value, line, file);
      if (/published$/i.test(label)) page.published = requireDates(value, line, file).start;
      i = end - 1;
    } else if (HMI.test(text)) {
      take(i, i + 1);
    } else if (isJudgementTableStart(text)) {
      const table = parseJudgementTable(lines, i, file);
      page.judgements.push(...table.judgements);
      page.notJudged.push(...table.notJudged);
      page.judgementTable = true;
      take(i, table.end);
      i = table.end - 1;
    } else if (isTitle || isAuthority) {
      const end = wrappedEnd(lines, i, (next) =>
        isTitle
          ? !LABELLED.test(next) && !isJudgementTableStart(next) && !HMI.test(next) && !COUNCIL_NAME.test(next)
          : isNameLine(next) && !TITLE_START.test(next),
      );
      (isTitle ? titleParts : authorityParts).push(take(i, end));
      if (isTitle) titleEnd = end;
      i = end - 1;
    } else if (line.gap !== 'none' || i === 0) {
      const statement = gradedStatementAt(lines, i);
      if (statement) {
        page.judgements.push(statement.judgement);
        take(i, statement.end);
        i = statement.end - 1;
      }
    }
  }
  page.title = titleParts.length > 0 ? titleParts.join(' ') : null;
  page.authority = authorityName(authorityParts.join(' ')) ?? authorityName(authorityIn(page.title) ?? '');
  return page;
}

/**
 * The index after a dates label and the lines its dates go on over: a range wrapped after its dash ("14 November
 * 2016 –" / "8 December 2016"), a second part ("and 16 to 20 October 2017"), or, where the label stands alone, the
 * dates on the lines under it ("Part 1: 2 to 6 October 2017" / "Part 2: 16 to 20 October 2017").
 */
function datesEnd(lines: readonly Line[], i: number, value: string): number {
  let end = i + 1;
  let dated = parseDateRange(value) !== null;
  for (; end < lines.length && end <= i + DATE_LINES; end++) {
    const next = plain(lines[end].text);
    if (lines[end].gap === 'page' || (lines[end].gap === 'blank' && dated) || LABELLED.test(next)) break;
    const unfinished = !dated || /(?:\b(?:to|and|until)|[-–—,])$/.test(value);
    const part = /^(?:and|to|until|part|visit|week)\b/i.test(next);
    if (!(unfinished || part) || parseDateRange(unfinished ? `${value} ${next}` : next) === null) break;
    value = `${value} ${next}`;
    dated = true;
  }
  return end;
}

/** The most lines a title page's dates go on over after their label. */
const DATE_LINES = 3;

/** The index after a line and the lines that continue it (hard-wrapped, no blank line between). */
function wrappedEnd(lines: readonly Line[], i: number, continues: (text: string) => boolean): number {
  let end = i + 1;
  while (end < lines.length && lines[end].gap === 'none' && continues(plain(lines[end].text))) end++;
  return end;
}

/**
 * A judgement sentence wrapped over up to three lines, as a judgement and the index after its last line. The
 * longest reading wins: "…require improvement" / "to be good" is "Requires improvement to be good". The sentence
 * must end where its last line does, so a lowercase line straight after it is its rest: a summary's "Children in care
 * continue to receive a good" / "service, and…" only happens to break after a grade word.
 */
function gradedStatementAt(lines: readonly Line[], i: number): { judgement: Judgement; end: number } | null {
  let text = '';
  let found: { judgement: Judgement; end: number } | null = null;
  for (let end = i + 1; end <= i + 3 && end <= lines.length; end++) {
    const line = lines[end - 1];
    if (line.text.includes('\t') || (end > i + 1 && line.gap !== 'none')) break;
    text = text === '' ? line.text : `${text} ${line.text}`;
    const next = lines[end];
    if (next && next.gap === 'none' && /^[a-z]/.test(next.text)) continue;
    const statement = parseGradedStatement(text);
    if (statement) found = { judgement: { area: statement.area, areaKey: statement.areaKey, grade: statement.grade }, end };
  }
  return found;
}

/**
 * The authority as the archive names it: "Metropolitan Borough of Barnsley Council" is Barnsley, "Royal Borough
 * of Kensington and Chelsea" is Kensington and Chelsea, "City of Bradford Metropolitan District Council" is Bradford,
 * "Westminster City Council" is Westminster, and a review's "Exampleshire Safeguarding Children Board" is Exampleshire.
 * One spelling per authority, as Ofsted's current reports write it, so an authority's reports share one name on its
 * pages and in search filters: "St. Helens" is St Helens, "Brighton & Hove" is Brighton and Hove.
 */
function authorityName(name: string): string | null {
  const bare = name
    .replace(/\bSt\.\s*/g, 'St ')
    .replace(/\s*&\s*/g, ' and ')
    .replace(/^(?:the\s+)?(?:(?:London|Royal|Metropolitan|County)\s+Borough|City|County)\s+of\s+/i, '')
    .replace(/\s+(?:Local\s+)?Safeguarding\s+Children['’]?s?\s+(?:Board|Partnership)$/i, '')
    .replace(/\s+(?:Metropolitan\s+)?(?:Borough|City|County|District)?\s*Council$/i, '')
    .trim();
  return bare === '' ? null : bare;
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

/**
 * A council's name as a line of its own: "Wakefield Metropolitan District Council", "London Borough of Brent", "The
 * Royal Borough of Kensington and" (wrapped).
 */
const COUNCIL_NAME = /^[A-Z][A-Za-z'’&. -]* Council$|^(?:The )?(?:(?:London|Royal|Metropolitan) Borough|City|County) of [A-Z]/;

/** The most words an authority's name line has: "The Royal Borough of Kensington and Chelsea". */
const NAME_MAX_WORDS = 8;

/** A line that can only be a name: a few words, no digits, no sentence punctuation ("South Gloucestershire"). */
function isNameLine(text: string): boolean {
  return /^[A-Z][A-Za-z'’&,. -]*$/.test(text) && text.split(/\s+/).length <= NAME_MAX_WORDS && !/[.,]$/.test(text);
}

/**
 * The authority a title names: "Inspection of Gloucestershire local authority children's services", "Focused visit
 * to Exampleshire children's services", or a joint targeted area inspection's "Joint targeted area inspection of
 * Exampleshire" and "…of the multi-agency response to children's mental health in Bath and North East Somerset".
 */
function authorityIn(title: string | null): string | null {
  if (!title) return null;
  const services = CHILDRENS_SERVICES_OF.exec(title);
  if (services && !/^(?:services|children|(?:the |this )?local authority$)/i.test(services[1])) return services[1].trim();
  return JOINT_INSPECTION_OF.exec(title)?.[1] ?? null;
}

const CHILDRENS_SERVICES_OF =
  /\b(?:inspection|visit) (?:of|to) (.+?)(?:['’]s)?(?: local authority)? children['’]s (?:social care )?services\b/i;
/** The place ends the title: capitalised words, with the small words place names have ("Kingston upon Hull"). */
const JOINT_INSPECTION_OF =
  /\b[Jj]oint targeted area inspection\b(?:.* in | of )(?:the )?([A-Z][\p{L}'’.-]*(?: (?:and|upon|on|the|of|[A-Z][\p{L}'’.-]*))*)$/u;

/**
 * A letter: its date line (first, or under Ofsted's letterhead in a PDF), then the address, "Dear …" and the
 * subject line, which is the letter's title, possibly wrapped. The visit's dates are in the sentence that reports
 * the visit or inspection.
 */
function letterHeader(lines: readonly Line[]): Page {
  const page = emptyPage();
  const salutation = lines.findIndex((line) => SALUTATION.test(line.text));
  const dated = lines.slice(0, Math.max(salutation, 1)).findIndex((line) => isDateLine(line.text));
  if (dated >= 0) {
    page.published = parseDate(lines[dated].text);
    page.consumed.add(dated);
  }
  let body = salutation + 1;
  if (salutation >= 0 && body < lines.length) {
    // A subject wrapped over lines goes on in lowercase ("…response to children" / "and families who need help…").
    body = wrappedEnd(lines, salutation + 1, (next) => /^[a-z]/.test(next));
    page.title = lines
      .slice(salutation + 1, body)
      .map((line) => plain(line.text))
      .join(' ');
    for (let k = salutation + 1; k < body; k++) page.consumed.add(k);
  }
  page.authority = authorityName(authorityIn(page.title) ?? '');
  // Sentences are read from the letter's text: the date and address above have no full stops to end one.
  const sentences = lines
    .slice(body)
    .map((line) => line.text)
    .join(' ')
    .split(/(?<=\.)\s+/);
  const visit = sentences.find((sentence) => REPORTS_VISIT.test(sentence));
  page.dates = visit ? parseDateRange(visit) : null;
  return page;
}

/**
 * What the sentence that says when the visit or inspection was says: "This letter summarises the findings of the
 * monitoring visit to … on 5 September 2019", "Between 4 and 8 March 2019, Ofsted, the CQC, HMICFRS and HMI
 * Probation carried out a joint inspection of …".
 */
const REPORTS_VISIT = /\b(?:findings of (?:the|a|our) .*?\b(?:visit|inspection)|(?:carried out|undertook) an? .*?\binspection)\b/i;

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
  page.authority = authorityName(authorityIn(page.title) ?? '');
  return page;
}

function emptyPage(): Page {
  return {
    title: null,
    authority: null,
    dates: null,
    published: null,
    judgements: [],
    notJudged: [],
    judgementTable: false,
    consumed: new Set(),
  };
}

/**
 * A row of the inspection team: a capitalised label ending "inspector(s):" ("Lead inspector:", "Deputy lead
 * inspectors:", "Team inspectors:", "Shadow inspector:", "Regulatory inspector:"), the role in group 1, with what a
 * changed team adds to the label ("Lead inspector (until 3 March 2015):", "Lead inspector from 4 March:"). The
 * names are in group 2, or on the lines under a label standing alone. A lowercase "inspectors:" is a sentence going
 * on ("Children told" / "inspectors: ‘my social worker…’").
 */
const ROLE_ROW =
  /^(?:([A-Z][a-z]+(?: [a-z]+)?) [Ii]|I)nspectors?(?:\s*\([^)]{0,60}\)|\s+(?:from|until|to|for) [^:]{1,40})?\s*:\s*(.*)$/;
/** Roles that lead the inspection: "Lead", "Acting lead". A deputy lead is never the lead, even after taking over. */
const LEAD_ROLE = /^(?:acting )?lead$/i;
/**
 * A letter's sentence naming its inspectors: "The inspectors were A and B, Her Majesty's Inspectors", "Her
 * Majesty's Inspectors for this visit were A and B", "The visit was carried out by His Majesty's Inspectors A and B".
 */
const LETTER_INSPECTORS = [
  /\bThe (?:lead )?inspectors? (?:were|was) ([^.]+?),? (?:Her|His) Majesty['’]s Inspectors?\b/i,
  /\b(?:Her|His) Majesty['’]s Inspectors? for this (?:visit|inspection) (?:were|was) ([^.]+)/i,
  /\bcarried out by (?:Her|His) Majesty['’]s Inspectors? ([^.]+)/i,
];
/**
 * What a team list puts after a name: "HMI", "(OI)", "SHMI", "Senior HMI", "HMI Designate", "AI", "SCRI",
 * "Associate Inspector", "(Ofsted Inspector)", "Her Majesty's Inspector". It ends the name, comma or not
 * ("Karen Wareing (HMI) Fiona Millns (OI)").
 */
const ROLE_TAG =
  /\(?\b(?:(?:Senior |Acting )?S?HMI(?: [Dd]esignate)?|OI|AI|SCRI|(?:Associate|Ofsted|Additional|(?:Her|His) Majesty['’]s) Inspectors?|[Aa]cting|[Dd]esignate)\b\)?/g;
/** A bracketed note that is a role: "(HMI)", "(Ofsted Inspector)". */
const ROLE_NOTE = new RegExp(`^\\(\\s*(?:${ROLE_TAG.source})\\s*\\)$`);
/**
 * One person's name: capitalised words, hyphens and apostrophes inside them, an optional "Dr", initials ("Jo A.
 * Smith") and the small words of surnames ("Ana de la Cruz").
 */
const PERSON = /^(?:Dr\.? )?[A-Z][\p{L}'’-]*(?: (?:(?:de|da|di|du|van|von|der|den|le|la|del|dos) )*[A-Z](?:[\p{L}'’-]*|\.)){0,3}$/u;

/**
 * Every inspector the document names, the lead first: a report's "Lead inspector:" / "Team inspectors:" rows
 * (wherever they stand, a long list wrapped over lines), a letter's "The inspectors were A and B, Her Majesty's
 * Inspectors", and failing both a letter's signature.
 */
function findInspectors(lines: readonly Line[], letter: string): Pick<Header, 'inspectors' | 'leadInspector'> {
  const named: string[] = [];
  let lead: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const row = lines[i].text.includes('nspector') ? ROLE_ROW.exec(plain(lines[i].text)) : null;
    if (!row) continue;
    const end = teamListEnd(lines, i, row[2]);
    const list = lines
      .slice(i + 1, end)
      .reduce((joined, line) => joinWrapped(joined, line.text), row[2]);
    i = end - 1;
    const names = splitNames(list).filter(namesSomeone);
    if (LEAD_ROLE.test(row[1] ?? '') && names.length > 0) lead ??= names[0];
    named.push(...names);
  }
  if (letter !== '') {
    const sentence = LETTER_INSPECTORS.map((pattern) => pattern.exec(letter)).find((m) => m !== null);
    if (sentence) named.push(...splitNames(sentence[1]));
    if (named.length === 0) named.push(...signature(lines));
  }
  const inspectors = [...new Set(lead ? [lead, ...named] : named)];
  return { inspectors, leadInspector: inspectors[0] ?? null };
}

/** The index after a team row and the lines its list goes on over. */
function teamListEnd(lines: readonly Line[], i: number, list: string): number {
  let end = i + 1;
  for (; end < lines.length && continuesTeamList(list, lines[end]); end++) list = joinWrapped(list, lines[end].text);
  return end;
}

/**
 * Whether the next line carries on a team list that a PDF wrapped: it follows without a gap, holds only names, and
 * the list stopped mid-name ("…, Cathy" / "Blair"), at a separator ("…, Debora Barazetti-" / "Scott, …") or the
 * line is a list of its own ("Fiona Insley (OI) Claire Brown (HMI), …"). A name alone after a finished list is
 * the heading that follows it ("Information about this local authority area" fails the name test anyway).
 */
function continuesTeamList(list: string, next: Line): boolean {
  // A label standing alone has its names under it, after a blank line too.
  if (list === '') return next.gap !== 'page' && namesOnly(next.text);
  if (/\.$/.test(list) || !namesOnly(next.text)) return false;
  const unfinished = /(?:[,;-]|\band)$/.test(list) || !/\s/.test(splitNames(list).at(-1) ?? '');
  // A page break may cut a name ("…, Cathy" / page / "Blair HMI"), but only a cut list goes on after one.
  if (next.gap !== 'none') return unfinished && next.gap === 'page';
  return unfinished || /[,;(]/.test(next.text);
}

/** A line holding only people's names, with their roles. */
function namesOnly(text: string): boolean {
  const names = splitNames(text);
  return names.length > 0 && names.every((name) => PERSON.test(name));
}

/**
 * "Andrew Waugh, Her Majesty's Inspector", "Nick McMullen SHMI; Tony Gallagher HMI", "A and B" → the names. What
 * a changed team notes beside a name ("(until 3 March 2015)", "(weeks 1 and 2)", "from 4 March 2015") is no part of it.
 */
function splitNames(value: string): string[] {
  return value
    .replace(/\([^)]*\)/g, (note) => (ROLE_NOTE.test(note) ? note : ','))
    .replace(PERIOD_NOTE, ',')
    .replace(ROLE_TAG, ',')
    .split(/\s*[,;/]\s*|\s+and\s+/)
    .map((name) => name.replace(/\.$/, '').trim())
    .filter((name) => name !== '');
}

/** A period of the inspection beside a name, unbracketed: "from 4 March 2015", "until 3 March", "in week 2". */
const PERIOD_NOTE = /\b(?:from|until|to|in) (?:\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+(?: \d{4})?|weeks? \w+(?: (?:and|to) \w+)?)\b/g;

/**
 * A name that names someone: one person's name, not "N/A", "None" or "Vacant" (no one in that role) nor a first
 * name cut off from its surname.
 */
function namesSomeone(name: string): boolean {
  return /\s/.test(name) && PERSON.test(name) && !/^(?:n\/?a|none|vacant|not applicable)$/i.test(name);
}

/**
 * The name under "Yours sincerely", where the signature says it is an inspector's ("Her Majesty's Inspector"): a
 * joint inspection's letter is signed by directors of the inspectorates, who did not inspect.
 */
function signature(lines: readonly Line[]): string[] {
  const closing = lines.findIndex((line) => CLOSING.test(line.text));
  const [name, role] = closing >= 0 ? lines.slice(closing + 1, closing + 3) : [];
  return name && role && isNameLine(name.text) && HMI.test(plain(role.text)) ? [name.text] : [];
}
