/**
 * Dates as reports write them → ISO `YYYY-MM-DD`. Reports write ranges many ways ("7 February 2022 to 18 February
 * 2022", "21 November-15 December 2016", "12 to 16 March 2018", "between 7 th February 2022 and 18 th February
 * 2022"), often leaving month and year to the end date, and ordinals that a PDF split off ("22 nd June 2022"); a
 * few write them in figures, day first as in England ("12/09/2016 to 06/10/2016").
 */

import { isCalendarDate } from '../../schemas/report.ts';
import { MONTHS as MONTH_NAMES } from '../dates.ts';

const MONTHS = MONTH_NAMES.map((name) => name.toLowerCase());
const DAY = String.raw`(\d{1,2})(?:\s?(?:st|nd|rd|th))?`;
const MONTH = `(${MONTHS.join('|')})`;
const YEAR = String.raw`(\d{4})`;
/**
 * Between the two dates: a word, or any dash a PDF's fonts produce (hyphen, non-breaking hyphen, figure dash, en and
 * em dash, minus sign, and the box-drawing "─" some reports print).
 */
const RANGE_SEPARATOR = String.raw`(?:to|until|and|[-‐‑‒–—―−─])`;
const RANGE = new RegExp(
  String.raw`\b${DAY}(?:\s+${MONTH})?(?:\s+${YEAR})?\s*${RANGE_SEPARATOR}\s*${DAY}\s+${MONTH},?\s+${YEAR}\b`,
  'i',
);
const SINGLE = new RegExp(String.raw`\b${DAY}\s+${MONTH},?\s+${YEAR}\b`, 'i');
/** A date in figures, day/month/year ("12/09/2016", "6.10.2016"). */
const NUMERIC = String.raw`(\d{1,2})[/.](\d{1,2})[/.](\d{4})`;
const NUMERIC_RANGE = new RegExp(String.raw`\b${NUMERIC}\s*${RANGE_SEPARATOR}\s*${NUMERIC}\b`, 'i');
const NUMERIC_SINGLE = new RegExp(String.raw`\b${NUMERIC}\b`);
const ANY_DATE = new RegExp(`${SINGLE.source}|${NUMERIC_SINGLE.source}`, 'gi');

export interface DateRange {
  start: string;
  end: string;
}

/** The first date range (or single date, as a one-day range) in the text; null if there is none or it is no real date. */
export function parseDateRange(text: string): DateRange | null {
  const range = RANGE.exec(text);
  if (range) {
    const [, d1, m1, y1, d2, m2, y2] = range;
    const start = isoDate(d1, m1 ?? m2, y1 ?? y2);
    const end = isoDate(d2, m2, y2);
    return start && end ? { start, end } : null;
  }
  const numeric = NUMERIC_RANGE.exec(text);
  if (numeric) {
    const [, d1, m1, y1, d2, m2, y2] = numeric;
    const start = isoDate(d1, MONTHS[Number(m1) - 1] ?? '', y1);
    const end = isoDate(d2, MONTHS[Number(m2) - 1] ?? '', y2);
    return start && end ? { start, end } : null;
  }
  const day = parseDate(text);
  return day ? { start: day, end: day } : null;
}

/**
 * The whole span of the dates a label states: an inspection in two parts ("2 to 6 October 2017 and 16 to 20 October
 * 2017") ends on the second part's last day.
 */
export function parseDateSpan(label: string): DateRange | null {
  const text = withYears(label);
  const first = parseDateRange(text);
  if (!first) return null;
  let end = first.end;
  for (const m of text.matchAll(ANY_DATE)) {
    const day = parseDate(m[0]);
    if (day && day > end) end = day;
  }
  return { start: first.start, end };
}

/**
 * The text with a year after every day and month that has none, taken from the next year written: "2–6 October and
 * 16–20 October 2017" is "2–6 October 2017 and 16–20 October 2017", so the first part is read as the first.
 */
function withYears(text: string): string {
  return text.replace(DAY_MONTH_WITHOUT_YEAR, (match: string, ...rest: unknown[]) => {
    const offset = rest.at(-2) as number;
    const year = /\b\d{4}\b/.exec(text.slice(offset + match.length));
    return year ? `${match} ${year[0]}` : match;
  });
}

const DAY_MONTH_WITHOUT_YEAR = new RegExp(String.raw`\b\d{1,2}(?:\s?(?:st|nd|rd|th))?\s+${MONTH}\b(?!,?\s+\d{4})`, 'gi');

/** The first single date in the text, or null. */
export function parseDate(text: string): string | null {
  const m = SINGLE.exec(text);
  if (m) return isoDate(m[1], m[2], m[3]);
  const n = NUMERIC_SINGLE.exec(text);
  return n ? isoDate(n[1], MONTHS[Number(n[2]) - 1] ?? '', n[3]) : null;
}

/** True if the whole text is one date (a letter's date line). */
export function isDateLine(text: string): boolean {
  const m = SINGLE.exec(text);
  return m !== null && m[0].length === text.length;
}

/** ISO date, or null for a day that does not exist (31 February). */
function isoDate(day: string, month: string, year: string): string | null {
  const m = MONTHS.indexOf(month.toLowerCase());
  if (m < 0) return null;
  const iso = `${year}-${String(m + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}
