/**
 * Dates as reports write them → ISO `YYYY-MM-DD`. Reports write ranges many ways ("7 February 2022 to 18 February
 * 2022", "21 November-15 December 2016", "12 to 16 March 2018", "between 7 th February 2022 and 18 th February
 * 2022"), often leaving month and year to the end date, and ordinals that a PDF split off ("22 nd June 2022").
 */

import { isCalendarDate } from '../../schemas/report.ts';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
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
  const day = parseDate(text);
  return day ? { start: day, end: day } : null;
}

/** The first single date in the text, or null. */
export function parseDate(text: string): string | null {
  const m = SINGLE.exec(text);
  return m ? isoDate(m[1], m[2], m[3]) : null;
}

/** True if the whole text is one date (a letter's date line). */
export function isDateLine(text: string): boolean {
  const m = SINGLE.exec(text);
  return m !== null && m[0].length === text.length;
}

/** ISO date, or null for a day that does not exist (31 February). */
function isoDate(day: string, month: string, year: string): string | null {
  const iso = `${year}-${String(MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}
