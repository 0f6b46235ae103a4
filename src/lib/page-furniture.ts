/**
 * Page furniture: running headers and footers, and page numbers standing alone. One rule for both ways a document's
 * pages arrive: laid out from a PDF (src/lib/extract/pdf.ts) and as text with form feeds between pages
 * (src/lib/parse/normalise.ts), so a report loses the same lines whichever form it came in.
 */

/** How many non-blank lines at the top and at the bottom of a page may be running headers or footers. */
const FURNITURE_ZONE = 3;

/** A page number as printed: "7", "Page 7", "7 of 12". */
export function isPageNumber(line: string): boolean {
  return /^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$/iu.test(line.trim());
}

/** Furniture is compared with its digits blanked: footers carry page numbers and dates. */
function furnitureKey(line: string): string {
  return line.replace(/\d+/gu, '#').replace(/\s+/gu, ' ').trim();
}

const nonBlankIndexes = (lines: readonly string[]) => lines.flatMap((line, i) => (line.trim() ? [i] : []));
/** Indexes of the first few non-blank lines of a page, where running headers stand. */
const topZone = (lines: readonly string[]) => nonBlankIndexes(lines).slice(0, FURNITURE_ZONE);
/** Indexes of the last few non-blank lines of a page, where running footers stand. */
const bottomZone = (lines: readonly string[]) => nonBlankIndexes(lines).slice(-FURNITURE_ZONE);

/**
 * Running headers and footers, as each page's indexes of lines to drop: lines in the top or bottom few non-blank
 * lines of a page whose text (digits blanked) recurs in the same zone, top or bottom, on at least half the pages,
 * and on three pages at least, so a short document's real lines are never mistaken for furniture. The zones are
 * counted apart because a report's footer often repeats its title, which the first page has at its top: that is the
 * title, not furniture.
 */
export function repeatedFurniture(pages: readonly (readonly string[])[]): Set<number>[] {
  const threshold = Math.max(3, Math.ceil(pages.length / 2));
  const drop = pages.map(() => new Set<number>());
  const title = pages[0] ? titleLines(pages[0]) : new Set<number>();
  for (const zone of [topZone, bottomZone]) {
    const zoneKeys = pages.map((lines) => new Set(zone(lines).map((i) => furnitureKey(lines[i]))));
    const counts = new Map<string, number>();
    for (const keys of zoneKeys) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    pages.forEach((lines, p) => {
      for (const i of zone(lines)) {
        if ((counts.get(furnitureKey(lines[i])) ?? 0) >= threshold && !(p === 0 && title.has(i))) drop[p].add(i);
      }
    });
  }
  return drop;
}

/**
 * The first page's title, which a running header may repeat word for word ("Inspection of Camden local authority" /
 * "children's services" on every page): a report's title at the top of the page with the title page's facts
 * ("Inspection dates:", "Lead inspector:") under it is the title, and stays.
 */
function titleLines(lines: readonly string[]): Set<number> {
  const top = nonBlankIndexes(lines).slice(0, TITLE_PAGE_LINES);
  const start = top.findIndex((i) => REPORT_TITLE.test(lines[i].trim()));
  const fact = top.findIndex((i, k) => k > start && TITLE_PAGE_FACT.test(lines[i].trim()));
  return new Set(start >= 0 && fact > start ? top.slice(start, fact) : []);
}

const REPORT_TITLE = /^(?:(?:re-?)?inspection|review) of\b|^joint targeted area inspection\b/i;
const TITLE_PAGE_FACT = /^(?:inspection dates?|(?:report )?published|(?:lead|reporting) inspector)\s*:/i;
/** How far down the first page its title and facts stand. */
const TITLE_PAGE_LINES = 8;
