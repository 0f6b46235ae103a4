/**
 * The parser: one source document's text → one report record (see src/schemas/report.ts). Pure: no file I/O;
 * every problem with the source is a SourceError naming the file and line.
 *
 * Stages: normalise (clean lines) → detect (which family, and so which rules) → header (the facts the document
 * states about itself, and its judgement table) → blocks (headings and paragraphs, with wraps and page breaks
 * undone) → sections, paragraphs and recommendations with their anchors. Themes, evidence links and follow-ups
 * are left empty for the linking step.
 */
import type { DocumentType, ReportRecord, Sidecar } from '../../schemas/report.ts';
import { SourceError } from '../source-error.ts';
import { buildBody } from './blocks.ts';
import { detectFormat } from './detect.ts';
import { parseHeader } from './header.ts';
import { mergeHeadingJudgements } from './judgements.ts';
import { normalise } from './normalise.ts';
import { buildParagraphs, buildSections } from './paragraphs.ts';
import { buildRecommendations, isRecommendation, keyValueRecommendations, recommendation } from './recommendations.ts';
import { slugify } from './text.ts';

export interface SourceInput {
  text: string;
  file: string;
  format: 'text' | 'pdf';
  sha256: string;
  sidecar: Sidecar;
}

/**
 * Monitoring and focused visits are made under an inspection framework: ILACS from 2018 on, the SIF before. Other
 * letters (a joint targeted area inspection's, say) belong to neither.
 */
const ILACS_FROM = '2018-01-01';
const FRAMEWORK_VISITS = new Set<DocumentType>(['monitoring-visit', 'focused-visit']);

export function parseSource(input: SourceInput): ReportRecord {
  const { text, file, sidecar } = input;
  const lines = normalise(text);
  const format = detectFormat(lines);
  if (!format) {
    throw new SourceError('cannot tell what kind of document this is', {
      file,
      hint:
        'expected an Ofsted inspection report (SIF or ILACS), a monitoring or focused visit letter, or a council ' +
        'report with a key–value cover table; check the text extracted properly',
    });
  }

  const header = parseHeader(lines, format, file);
  const councilRecommendations = format.family === 'council' ? keyValueRecommendations(lines) : null;
  const consumed = new Set(header.consumed);
  if (councilRecommendations) consumed.add(councilRecommendations.index);

  const body = buildBody(lines, consumed, format);
  const { sections, idOf } = buildSections(body.sections, body.blocks, format);
  const recommendationBlocks = body.blocks.filter((block) => isRecommendation(block, body.sections));
  const paragraphBlocks = body.blocks.filter((block) => !isRecommendation(block, body.sections));
  const paragraphs = buildParagraphs(paragraphBlocks, idOf);
  const recommendations = councilRecommendations
    ? councilRecommendations.texts.map((recText, k) => recommendation(k + 1, recText, idOf(-1) || null))
    : buildRecommendations(recommendationBlocks, idOf, file);

  const documentType = sidecar.documentType ?? format.documentType;
  if (format.grades && documentType === 'inspection' && header.judgements.length === 0) {
    throw new SourceError('no judgement table found on the first page of the inspection report', {
      file,
      hint:
        'an inspection report grades its areas in a table under the title ("Judgement<TAB>Grade" rows); ' +
        'check the first page was extracted whole, or give the sidecar the right "documentType"',
    });
  }
  const judgements = format.grades ? mergeHeadingJudgements(header.judgements, body.sections, file) : [];

  // The sidecar supplies facts the text lacks: a date the text states wins over the sidecar's. The authority and the
  // document type are read by rule, not stated, so a sidecar's (given "where the text does not name it plainly")
  // corrects the reading.
  const published = header.published ?? sidecar.published;
  if (!published) {
    throw new SourceError('no publication date: the text states none', {
      file,
      hint: `add "published": "YYYY-MM-DD" to the sidecar ${file.replace(/\.[a-z]+$/, '.json')}`,
    });
  }
  const authority = sidecar.authority ?? header.authority;
  if (!authority) {
    throw new SourceError('no local authority: the title names none', {
      file,
      hint: `add "authority" to the sidecar ${file.replace(/\.[a-z]+$/, '.json')}`,
    });
  }
  if (!header.title) {
    throw new SourceError('no document title found', {
      file,
      line: lines[0]?.no ?? null,
      hint: 'the title page or the letter\'s subject line did not come through; check the extracted text',
    });
  }
  if (paragraphs.length === 0) {
    throw new SourceError('no body text found', { file, hint: 'check the extracted text is not empty or all headings' });
  }

  const inspectionStart = header.dates?.start ?? null;
  const authoritySlug = slugify(authority);
  return {
    slug: `${authoritySlug}-${published}-${documentType}`,
    title: header.title,
    authority,
    authoritySlug,
    documentType,
    framework: FRAMEWORK_VISITS.has(documentType)
      ? (inspectionStart ?? published) >= ILACS_FROM
        ? 'ILACS'
        : 'SIF'
      : format.framework,
    inspectionStart,
    inspectionEnd: header.dates?.end ?? null,
    published,
    leadInspector: header.leadInspector,
    inspectors: header.inspectors,
    judgements,
    overallEffectiveness: judgements.find((j) => j.areaKey === 'overall-effectiveness')?.grade ?? null,
    recommendations,
    sections,
    paragraphs,
    footnotes: body.footnotes,
    themes: [],
    links: [],
    source: {
      file,
      format: input.format,
      sha256: input.sha256,
      publisher: sidecar.publisher ?? 'Ofsted',
      licence: sidecar.licence ?? 'Open Government Licence v3.0',
      url: sidecar.url ?? null,
      // Left out when the sidecar names none: the schema then records null.
      ...(sidecar.original && { original: sidecar.original }),
    },
  };
}
