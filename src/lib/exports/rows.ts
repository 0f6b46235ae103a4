/**
 * The tables the archive exports (documents, judgements, recommendations, verdicts): their columns, each with its
 * meaning, and the pure functions that turn report records into rows. The column lists are the published contract:
 * the CSV header, the JSON key order, /data/schema.json and the /data/ page are all generated from them, so a name
 * cannot change in one place only. Renaming or removing a column is a breaking change: note it in DATA_CHANGES.
 */
import type { ReportRecord } from '../../schemas/report.ts';
import { chronological } from '../site/shape.ts';
import { anchorUrl, ofstedProviderUrl, recommendationUrl, reportUrl } from '../site/urls.ts';
import { findLocalAuthority, type LocalAuthority } from '../site/local-authorities.ts';
import { originalLinks } from '../site/original.ts';
import { absoluteUrl, reportJsonUrl, sourceFileUrl, type Dataset } from './urls.ts';

/** How a value is written: lists are JSON arrays, and `;`-joined in CSV; null is JSON null, and empty in CSV. */
export type ColumnType = 'string' | 'integer' | 'date' | 'url' | 'list';

export interface Column<Name extends string = string> {
  name: Name;
  type: ColumnType;
  /** True where the value may be missing (null in JSON, an empty field in CSV). */
  nullable: boolean;
  description: string;
}

type Value = string | number | null | readonly string[];
export type Row<Name extends string> = { [K in Name]: Value };

export const column = <Name extends string>(name: Name, type: ColumnType, description: string, nullable = false): Column<Name> => ({
  name,
  type,
  nullable,
  description,
});

const DOCUMENT_COLUMNS = [
  column('slug', 'string', 'The document’s permanent name, <authority>-<published>-<type>; its page is /reports/<slug>/.'),
  column('title', 'string', 'The document title, as the document states it.'),
  column('authority', 'string', 'The local authority whose children’s services the document is about.'),
  column('authority_slug', 'string', 'The authority’s permanent name; its page is /authorities/<authority_slug>/.'),
  column('document_type', 'string', 'One of: inspection, monitoring-visit, focused-visit, lscb-review, looked-after-children-inspection, council-report, other.'),
  column('framework', 'string', 'The inspection framework, SIF (2013–2017) or ILACS (2018 onwards), where one applies.', true),
  column('published', 'date', 'Publication date, YYYY-MM-DD.'),
  column('inspection_start', 'date', 'First day of the inspection or visit, YYYY-MM-DD.', true),
  column('inspection_end', 'date', 'Last day of the inspection or visit, YYYY-MM-DD.', true),
  column('lead_inspector', 'string', 'The lead inspector the document names.', true),
  column('inspectors', 'list', 'Every inspector the document names, the lead first.'),
  column('overall_effectiveness', 'string', 'The overall effectiveness grade, for graded inspections.', true),
  column('judgement_count', 'integer', 'How many graded judgements the document makes (rows of judgements.csv).'),
  column('recommendation_count', 'integer', 'How many recommendations it makes (rows of recommendations.csv).'),
  column('paragraph_count', 'integer', 'How many paragraphs of text it has.'),
  column('themes', 'list', 'Slugs of the themes the document touches, most frequent first; each theme’s page is /themes/<slug>/.'),
  column('publisher', 'string', 'Who published the document: Ofsted, or the council for council reports.'),
  column('licence', 'string', 'The licence of the text.'),
  column('original_url', 'url', 'Where the publisher published the original, where known.', true),
  column('source_url', 'url', 'The source file the archive was built from, as the archive holds it.'),
  column('source_sha256', 'string', 'SHA-256 of the source file, to check a copy against.'),
  column('url', 'url', 'The document’s page in the archive.'),
  column('json_url', 'url', 'The whole record as JSON: every paragraph, section, footnote and link.'),
  column('original_copy_url', 'url', 'The original PDF as the publisher published it, in the archive’s copy, where the archive holds it.', true),
  column('ofsted_page_url', 'url', 'The authority’s page on Ofsted’s reports website, which lists every report Ofsted has published on it: the way to an Ofsted original whose own address is not known.', true),
] as const;

const JUDGEMENT_COLUMNS = [
  column('authority', 'string', 'The local authority.'),
  column('authority_slug', 'string', 'The authority’s permanent name; its page is /authorities/<authority_slug>/.'),
  column('document', 'string', 'Slug of the document that makes the judgement (the slug column of documents.csv).'),
  column('document_title', 'string', 'The document title.'),
  column('document_type', 'string', 'The document type (see documents.csv).'),
  column('framework', 'string', 'SIF or ILACS, where one applies.', true),
  column('published', 'date', 'Publication date of the document, YYYY-MM-DD.'),
  column('area', 'string', 'The judgement area as the report words it, e.g. “The experiences and progress of children in care and care leavers”.'),
  column('area_key', 'string', 'The area lined up across frameworks: overall-effectiveness, help-and-protection, in-care, care-leavers, adoption, leadership, lscb.'),
  column('grade', 'string', 'One of: Outstanding, Good, Requires improvement to be good, Requires improvement, Adequate, Inadequate.'),
  column('url', 'url', 'The document’s page, which shows the judgement in its table.'),
] as const;

const RECOMMENDATION_COLUMNS = [
  column('authority', 'string', 'The local authority.'),
  column('authority_slug', 'string', 'The authority’s permanent name; its page is /authorities/<authority_slug>/.'),
  column('document', 'string', 'Slug of the document that makes the recommendation (the slug column of documents.csv).'),
  column('document_title', 'string', 'The document title.'),
  column('published', 'date', 'Publication date of the document, YYYY-MM-DD.'),
  column('number', 'integer', 'The report’s own number for the recommendation; for unnumbered lists, its position from 1.'),
  column('text', 'string', 'The recommendation, whole.'),
  column('themes', 'list', 'Slugs of the themes the recommendation is on.'),
  column('url', 'url', 'The recommendation in its report: the report page at #rec-<number>.'),
  column('page_url', 'url', 'The recommendation’s own page: its evidence in the report and what later documents said.'),
] as const;

const VERDICT_COLUMNS = [
  column('authority', 'string', 'The local authority.'),
  column('authority_slug', 'string', 'The authority’s permanent name; its recommendation tracker is /authorities/<authority_slug>/recommendations/.'),
  column('document', 'string', 'Slug of the document that makes the recommendation.'),
  column('published', 'date', 'Publication date of that document, YYYY-MM-DD.'),
  column('number', 'integer', 'The recommendation’s number in its document (the number column of recommendations.csv).'),
  column('recommendation', 'string', 'The recommendation, whole.'),
  column('themes', 'list', 'Slugs of the themes the recommendation is on; the tracker groups by the first.'),
  column('later_document', 'string', 'Slug of a later document of the same authority that examines the matter.'),
  column('later_document_type', 'string', 'Its type: inspection, monitoring-visit, focused-visit, lscb-review, council-report…'),
  column('later_published', 'date', 'Its publication date, YYYY-MM-DD.'),
  column(
    'verdict',
    'string',
    'What it found: improved, still-a-concern, mixed or not-addressed (inspections and visits); action-committed, restated or not-addressed (council reports); mentioned where the archive cannot tell.',
  ),
  column('sentence', 'string', 'The later document’s sentence that carries the verdict, verbatim; empty for mentioned and not-addressed.', true),
  column('paragraph_url', 'url', 'The passage of the later document the verdict points at.', true),
  column('page_url', 'url', 'The recommendation’s own page, which shows every verdict with its sentence.'),
] as const;

export const COLUMNS = {
  documents: DOCUMENT_COLUMNS,
  judgements: JUDGEMENT_COLUMNS,
  recommendations: RECOMMENDATION_COLUMNS,
  verdicts: VERDICT_COLUMNS,
} satisfies Record<Dataset, readonly Column[]>;

type NameOf<C extends readonly Column[]> = C[number]['name'];
export type DocumentRow = Row<NameOf<typeof DOCUMENT_COLUMNS>>;
export type JudgementRow = Row<NameOf<typeof JUDGEMENT_COLUMNS>>;
export type RecommendationRow = Row<NameOf<typeof RECOMMENDATION_COLUMNS>>;
export type VerdictRow = Row<NameOf<typeof VERDICT_COLUMNS>>;

/**
 * One row per document, oldest first (same-day documents by slug), as every export is ordered. `authorityOf` finds
 * an authority's reference data (its Ofsted URN).
 */
export function documentRows(
  records: readonly ReportRecord[],
  site: URL,
  authorityOf: (name: string) => LocalAuthority | null = findLocalAuthority,
): DocumentRow[] {
  return chronological(records).map((r) => documentRow(r, site, authorityOf));
}

function documentRow(r: ReportRecord, site: URL, authorityOf: (name: string) => LocalAuthority | null): DocumentRow {
  const authority = authorityOf(r.authority);
  const copy = originalLinks(r, authority).find((link) => link.kind === 'archive-copy');
  return {
    slug: r.slug,
    title: r.title,
    authority: r.authority,
    authority_slug: r.authoritySlug,
    document_type: r.documentType,
    framework: r.framework,
    published: r.published,
    inspection_start: r.inspectionStart,
    inspection_end: r.inspectionEnd,
    lead_inspector: r.leadInspector,
    inspectors: r.inspectors,
    overall_effectiveness: r.overallEffectiveness,
    judgement_count: r.judgements.length,
    recommendation_count: r.recommendations.length,
    paragraph_count: r.paragraphs.length,
    themes: r.themes,
    publisher: r.source.publisher,
    licence: r.source.licence,
    original_url: r.source.url,
    source_url: absoluteUrl(sourceFileUrl(r.source.file), site),
    source_sha256: r.source.sha256,
    url: absoluteUrl(reportUrl(r.slug), site),
    json_url: absoluteUrl(reportJsonUrl(r.slug), site),
    original_copy_url: copy ? absoluteUrl(copy.href, site) : null,
    ofsted_page_url: authority ? ofstedProviderUrl(authority.urn) : null,
  };
}

/** One row per graded judgement, documents oldest first, judgements in the order the report gives them. */
export function judgementRows(records: readonly ReportRecord[], site: URL): JudgementRow[] {
  return chronological(records).flatMap((r) => judgementRowsOf(r, site));
}

function judgementRowsOf(r: ReportRecord, site: URL): JudgementRow[] {
  return r.judgements.map((j) => ({
    authority: r.authority,
    authority_slug: r.authoritySlug,
    document: r.slug,
    document_title: r.title,
    document_type: r.documentType,
    framework: r.framework,
    published: r.published,
    area: j.area,
    area_key: j.areaKey,
    grade: j.grade,
    url: absoluteUrl(reportUrl(r.slug), site),
  }));
}

/** One row per recommendation, documents oldest first, recommendations in the report's order. */
export function recommendationRows(records: readonly ReportRecord[], site: URL): RecommendationRow[] {
  return chronological(records).flatMap((r) => recommendationRowsOf(r, site));
}

function recommendationRowsOf(r: ReportRecord, site: URL): RecommendationRow[] {
  return r.recommendations.map((rec) => ({
    authority: r.authority,
    authority_slug: r.authoritySlug,
    document: r.slug,
    document_title: r.title,
    published: r.published,
    number: rec.number,
    text: rec.text,
    themes: rec.themes,
    url: absoluteUrl(anchorUrl(r.slug, rec.id), site),
    page_url: absoluteUrl(recommendationUrl(r.slug, rec.number), site),
  }));
}

/**
 * One row per recommendation and later document that examines its matter (the authority trackers, as data):
 * documents oldest first, recommendations in order, later documents oldest first.
 */
export function verdictRows(records: readonly ReportRecord[], site: URL): VerdictRow[] {
  const bySlug = new Map(records.map((r) => [r.slug, r]));
  return chronological(records).flatMap((r) => verdictRowsOf(r, bySlug, site));
}

/** What a verdict row says of the later document: all a writer that reads one record at a time must keep of each. */
export type LaterDocument = Pick<ReportRecord, 'slug' | 'documentType' | 'published'>;

function verdictRowsOf(r: ReportRecord, bySlug: ReadonlyMap<string, LaterDocument>, site: URL): VerdictRow[] {
  return r.recommendations.flatMap((rec) =>
    (r.links.find((l) => l.number === rec.number)?.verdicts ?? []).flatMap((v) => {
      const later = bySlug.get(v.report);
      if (!later) return [];
      return [
        {
          authority: r.authority,
          authority_slug: r.authoritySlug,
          document: r.slug,
          published: r.published,
          number: rec.number,
          recommendation: rec.text,
          themes: rec.themes,
          later_document: later.slug,
          later_document_type: later.documentType,
          later_published: later.published,
          verdict: v.verdict,
          sentence: v.sentence,
          paragraph_url: v.paragraphId ? absoluteUrl(anchorUrl(later.slug, v.paragraphId), site) : null,
          page_url: absoluteUrl(recommendationUrl(r.slug, rec.number), site),
        },
      ];
    }),
  );
}

/**
 * The rows of any one export, document by document (oldest first): each document's rows as one batch, made only
 * when the batch is asked for. At 5,000 reports the verdicts export is 450,000 rows and 250 MB of JSON; written
 * batch by batch (serialise.ts), it never has to be held whole as rows or as one string.
 */
export function* datasetRowsByDocument(dataset: Dataset, records: readonly ReportRecord[], site: URL): Generator<Array<Row<string>>> {
  const bySlug = new Map(records.map((r) => [r.slug, r]));
  for (const r of chronological(records)) yield documentDatasetRows(dataset, r, bySlug, site);
}

/** One document's rows of an export; `bySlug` names every document of the archive, for the verdicts' later documents. */
export function documentDatasetRows(dataset: Dataset, r: ReportRecord, bySlug: ReadonlyMap<string, LaterDocument>, site: URL): Array<Row<string>> {
  switch (dataset) {
    case 'documents':
      return [documentRow(r, site, findLocalAuthority)];
    case 'judgements':
      return judgementRowsOf(r, site);
    case 'recommendations':
      return recommendationRowsOf(r, site);
    case 'verdicts':
      return verdictRowsOf(r, bySlug, site);
  }
}

/** How many rows an export has, counted document by document. */
export function datasetRowCount(dataset: Dataset, records: readonly ReportRecord[], site: URL): number {
  let count = 0;
  for (const batch of datasetRowsByDocument(dataset, records, site)) count += batch.length;
  return count;
}

/** The rows of any one export, for routes that serve them all from one file. */
export function datasetRows(dataset: Dataset, records: readonly ReportRecord[], site: URL): Array<Row<string>> {
  return [...datasetRowsByDocument(dataset, records, site)].flat();
}
