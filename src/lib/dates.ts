/**
 * Dates in words, one definition for the whole project: the parser reads month names with the same table the site
 * and the synthetic corpora write them with.
 */

/** The months in English, January first. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "2022-04-01" → "1 April 2022", the way GOV.UK writes dates (no locale data needed, so builds are identical). */
export function formatDate(iso: string): string {
  const [year, month = 0, day] = iso.split('-').map(Number);
  const monthName = MONTHS[month - 1];
  if (!monthName) throw new Error(`formatDate: "${iso}" is not a date written YYYY-MM-DD`);
  return `${day} ${monthName} ${year}`;
}
