import type { Paragraph, Recommendation, ReportRecord } from '../../schemas/report.ts';
import { formatDate } from './format.ts';
import { anchorUrl } from './urls.ts';

export interface Citation {
  plain: string;
  markdown: string;
}

/** A "[", "]" or "\" in a title would end the link text early or vanish; escaped, they print as themselves. */
const markdownLinkText = (text: string) => text.replace(/[\\[\]]/g, '\\$&');

/**
 * A citation a councillor can paste into minutes: publisher, title, date, the paragraph or recommendation, and
 * the permanent URL. `part` is how the report itself names the part ("paragraph 41", "recommendation 3"); null
 * cites the whole document.
 */
export function citeReport(record: ReportRecord, part: string | null, url: string): Citation {
  const published = formatDate(record.published);
  const where = part ? `, ${part}` : '';
  return {
    plain: `${record.source.publisher} (${published}). ${record.title}${where}. ${url}`,
    markdown: `[${markdownLinkText(`${record.source.publisher}, ${record.title} (${published})${where}`)}](${url})`,
  };
}

/** How the archive names a paragraph or recommendation: the one definition every page, feed and citation uses. */
export interface PassageName {
  /** What the page shows beside it: "¶ 29", "¶ 6.0 (2nd)", "A3", "Recommendation 3". Never a bare number. */
  label: string;
  /** In words, for citations and accessible names: "paragraph 29", "archive paragraph A3", "recommendation 3". */
  name: string;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const ordinalWord = (n: number) => ORDINALS[n - 1] ?? `${n}th`;
const ordinalShort = (n: number) => `${n}${n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

export const recommendationName = (r: Pick<Recommendation, 'number'>): PassageName => ({
  label: `Recommendation ${r.number}`,
  name: `recommendation ${r.number}`,
});

/**
 * Every paragraph's name in one report. Ofsted's own numbers show as "¶ 41"; the archive's numbers for unnumbered
 * paragraphs as "A3", named as archive numbering so they are never mistaken for Ofsted's. A report that prints the
 * same number twice (a council report's two "6.0") gets "(2nd)" on the second, in its label and its citation, so
 * the two can be told apart wherever they are quoted.
 */
export function paragraphNames(paragraphs: readonly Paragraph[]): Map<string, PassageName> {
  const seen = new Map<string, number>();
  return new Map(
    paragraphs.map((p) => {
      if (p.number === null) return [p.id, { label: p.label, name: `archive paragraph ${p.label}` }];
      const nth = (seen.get(p.label) ?? 0) + 1;
      seen.set(p.label, nth);
      return [
        p.id,
        nth === 1
          ? { label: `¶ ${p.label}`, name: `paragraph ${p.label}` }
          : { label: `¶ ${p.label} (${ordinalShort(nth)})`, name: `paragraph ${p.label} (the ${ordinalWord(nth)} so numbered)` },
      ];
    }),
  );
}

const namesByReport = new WeakMap<ReportRecord, Map<string, PassageName>>();

/** The name of a paragraph (para-n, ap-k) or recommendation (rec-n) of a report, by its anchor. */
export function passageName(report: ReportRecord, anchor: string): PassageName {
  const recommendation = report.recommendations.find((r) => r.id === anchor);
  if (recommendation) return recommendationName(recommendation);
  let names = namesByReport.get(report);
  if (!names) namesByReport.set(report, (names = paragraphNames(report.paragraphs)));
  const name = names.get(anchor);
  if (!name) throw new Error(`${report.slug} has no paragraph or recommendation #${anchor}`);
  return name;
}

/** The citation of one paragraph or recommendation, at its permanent anchor on the site's address. */
export function citePassage(report: ReportRecord, anchor: string, site: URL): Citation {
  return citeReport(report, passageName(report, anchor).name, new URL(anchorUrl(report.slug, anchor), site).href);
}
