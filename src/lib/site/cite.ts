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
  /**
   * The label without its "¶", as the end of a range shows it ("¶ 12–20", "¶ 5–6.0 (2nd)"): "20", "6.0 (2nd)".
   * Null for what the report does not number (archive paragraphs, "A3") and for recommendations.
   */
  bareLabel: string | null;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const ordinalWord = (n: number) => ORDINALS[n - 1] ?? `${n}th`;
const ordinalShort = (n: number) => `${n}${n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

export const recommendationName = (r: Pick<Recommendation, 'number'>): PassageName => ({
  label: `Recommendation ${r.number}`,
  name: `recommendation ${r.number}`,
  bareLabel: null,
});

/** The name of a paragraph the report numbers `label`, the `nth` so numbered in the report (1 for most). */
function numberedName(label: string, nth: number): PassageName {
  const bareLabel = nth === 1 ? label : `${label} (${ordinalShort(nth)})`;
  return { label: `¶ ${bareLabel}`, name: nth === 1 ? `paragraph ${label}` : `paragraph ${label} (the ${ordinalWord(nth)} so numbered)`, bareLabel };
}

/** The name of a paragraph the report leaves unnumbered, by the archive's label for it ("A3"). */
const archiveName = (label: string): PassageName => ({ label, name: `archive paragraph ${label}`, bareLabel: null });

type NumberedName = PassageName & { bareLabel: string };

/**
 * "¶ 12–20", "¶ 7" or null: the run of paragraphs from the first to the last the report numbers, as a contents list
 * shows it so a reader can find a paragraph by number. Paragraphs the report leaves unnumbered ("A3") are passed over.
 */
export function paragraphRangeLabel(names: readonly PassageName[]): string | null {
  const numbered = names.filter((name): name is NumberedName => name.bareLabel !== null);
  const [first, last] = [numbered[0], numbered.at(-1)];
  if (!first || !last) return null;
  return first === last ? first.label : `${first.label}–${last.bareLabel}`;
}

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
      if (p.number === null) return [p.id, archiveName(p.label)];
      const nth = (seen.get(p.label) ?? 0) + 1;
      seen.set(p.label, nth);
      return [p.id, numberedName(p.label, nth)];
    }),
  );
}

/**
 * The name of a label this module built, read back: the search index carries only labels ("¶ 6.0 (2nd)"), and the
 * results page asks for the words a screen reader says for one. Throws on a label no rule here builds.
 */
export function nameOfLabel(label: string): PassageName {
  const recommendation = /^Recommendation (\d+)$/.exec(label);
  if (recommendation) return recommendationName({ number: Number(recommendation[1]) });
  const numbered = /^¶ (\S+)(?: \((\d+)(?:st|nd|rd|th)\))?$/.exec(label);
  if (numbered) return numberedName(numbered[1], numbered[2] ? Number(numbered[2]) : 1);
  if (/^A\d+$/.test(label)) return archiveName(label);
  throw new Error(`"${label}" is not a paragraph or recommendation label (cite.ts builds "¶ 29", "¶ 6.0 (2nd)", "A3", "Recommendation 3")`);
}

/** A name as a screen reader says it on its own or at the start of a sentence: "Paragraph 6.0 (the second so numbered)". */
export const spokenName = ({ name }: PassageName): string => name.charAt(0).toUpperCase() + name.slice(1);

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
