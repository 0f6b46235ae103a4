/**
 * A report page, shaped: what its layout shows, in the order it shows it, with every name, citation and URL made
 * here so src/layouts/ReportLayout.astro only presents. Pure: a record and the site's address in, data out.
 */
import type { Grade, Judgement, Paragraph, Recommendation, ReportRecord, Section } from '../../schemas/report.ts';
import { required } from '../required.ts';
import { citePassage, citeReport, paragraphNames, paragraphRangeLabel, recommendationName, type Citation, type PassageName } from './cite.ts';
import { documentTypeName, formatDate, formatDateRange } from './format.ts';
import { reportUrl } from './urls.ts';
import { reportJsonUrl, sourceFileUrl } from '../exports/urls.ts';

export interface ShapedParagraph {
  paragraph: Paragraph;
  name: PassageName;
  citation: Citation;
}
export interface ShapedRecommendation {
  recommendation: Recommendation;
  name: PassageName;
  citation: Citation;
}
export interface ReportPart {
  section: Section;
  recommendations: ShapedRecommendation[];
  paragraphs: ShapedParagraph[];
  /** "¶ 12–20" for the contents list, so a reader can find a paragraph by number without JavaScript. */
  range: string | null;
}

/** A line of the contents: a part, with the parts under its heading (a judgement's "Summary", "Inspection findings"). */
export interface ContentsEntry {
  part: ReportPart;
  subparts: ReportPart[];
}

export interface ReportPage {
  /** The page's <title> and og:title: always names the council. */
  title: string;
  /** "Inspection, 1 April 2022": the document among its authority's others. */
  shortName: string;
  description: string;
  /** Paragraphs before the first heading (a report's opening summary), shown first with no heading. */
  leading: ShapedParagraph[];
  /** Recommendations listed under no heading of their own, under `recommendationsHeading`. */
  unplacedRecommendations: ShapedRecommendation[];
  recommendationsHeading: string;
  parts: ReportPart[];
  /** The parts as the contents list them: each level-3 part under the level-2 part before it. */
  contents: ContentsEntry[];
  /** The judgements other than the overall one, which the page shows once, on its own, above them. */
  areaJudgements: Judgement[];
  overall: Grade | null;
  /** True when every area has the overall grade: the page then says so once rather than repeating the grade. */
  areasMatchOverall: boolean;
  citation: Citation;
  jsonLd: object;
}

/** "Inspection, 1 April 2022". */
export const documentShortName = (report: ReportRecord) => `${documentTypeName(report.documentType)}, ${formatDate(report.published)}`;

/**
 * The page title names the council even where the report's own title does not ("Inspection of children's social
 * care services"), so tabs, bookmarks and link previews say which council.
 */
export function reportTitle(report: ReportRecord): string {
  const title = report.title.toLowerCase().includes(report.authority.toLowerCase()) ? report.title : `${report.authority}: ${report.title}`;
  return `${title} (${formatDate(report.published)})`;
}

/** Parts grouped under their level-2 headings; a level-3 part with none before it stands on its own. */
export function contentsOf(parts: readonly ReportPart[]): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  for (const part of parts) {
    const parent = entries.at(-1);
    if (part.section.level > 2 && parent) parent.subparts.push(part);
    else entries.push({ part, subparts: [] });
  }
  return entries;
}

export function reportPage(report: ReportRecord, site: URL): ReportPage {
  const absolute = (path: string) => new URL(path, site).href;
  const names = paragraphNames(report.paragraphs);
  const shapeParagraph = (paragraph: Paragraph): ShapedParagraph => ({
    paragraph,
    name: required(names.get(paragraph.id), `the name of ${paragraph.id}`),
    citation: citePassage(report, paragraph.id, site),
  });
  const shapeRecommendation = (recommendation: Recommendation): ShapedRecommendation => ({
    recommendation,
    name: recommendationName(recommendation),
    citation: citePassage(report, recommendation.id, site),
  });

  const sectionIds = new Set(report.sections.map((s) => s.id));
  const parts = report.sections.map((section) => {
    const paragraphs = report.paragraphs.filter((p) => p.section === section.id).map(shapeParagraph);
    return {
      section,
      recommendations: report.recommendations.filter((r) => r.section === section.id).map(shapeRecommendation),
      paragraphs,
      range: paragraphRangeLabel(paragraphs.map((p) => p.name)),
    };
  });
  const type = documentTypeName(report.documentType);
  const dates = formatDateRange(report.inspectionStart, report.inspectionEnd);

  const areaJudgements = report.judgements.filter((j) => j.areaKey !== 'overall-effectiveness');
  return {
    title: reportTitle(report),
    shortName: documentShortName(report),
    description: `${type} of ${report.authority} children’s services${dates ? `, ${dates}` : ''}, published ${formatDate(report.published)}${report.overallEffectiveness ? `. Overall effectiveness: ${report.overallEffectiveness}` : ''}.`,
    leading: report.paragraphs.filter((p) => !sectionIds.has(p.section)).map(shapeParagraph),
    unplacedRecommendations: report.recommendations.filter((r) => r.section === null || !sectionIds.has(r.section)).map(shapeRecommendation),
    recommendationsHeading: report.framework === 'ILACS' ? 'What needs to improve' : 'Recommendations',
    parts,
    contents: contentsOf(parts),
    areaJudgements,
    overall: report.overallEffectiveness,
    areasMatchOverall: report.overallEffectiveness !== null && areaJudgements.length > 1 && areaJudgements.every((j) => j.grade === report.overallEffectiveness),
    citation: citeReport(report, null, absolute(reportUrl(report.slug))),
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Report',
      name: report.title,
      datePublished: report.published,
      inLanguage: 'en-GB',
      publisher: { '@type': 'Organization', name: report.source.publisher },
      // The record names the area, not the council's legal name ("… County Council", "… Borough Council").
      about: { '@type': 'GovernmentOrganization', name: `${report.authority} local authority` },
      spatialCoverage: { '@type': 'AdministrativeArea', name: report.authority },
      ...(report.inspectionStart && report.inspectionEnd ? { temporalCoverage: `${report.inspectionStart}/${report.inspectionEnd}` } : {}),
      url: absolute(reportUrl(report.slug)),
      license: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      ...(report.source.url ? { sameAs: report.source.url } : {}),
      isBasedOn: {
        '@type': 'MediaObject',
        contentUrl: absolute(sourceFileUrl(report.source.file)),
        encodingFormat: report.source.format === 'pdf' ? 'application/pdf' : 'text/plain',
        sha256: report.source.sha256,
      },
      encoding: { '@type': 'MediaObject', contentUrl: absolute(reportJsonUrl(report.slug)), encodingFormat: 'application/json' },
    },
  };
}
