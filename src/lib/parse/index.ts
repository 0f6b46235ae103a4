/**
 * The parser: one source document's text → one report record (see src/schemas/report.ts). Pure: no file I/O;
 * every problem with the source is a SourceError naming the file and line.
 *
 * Stages: normalise (clean lines) → detect (which family, and so which rules) → header (the facts the document
 * states about itself, and its judgement table) → blocks (headings and paragraphs, with wraps and page breaks
 * undone) → sections, paragraphs and recommendations with their anchors. Themes, evidence links and follow-ups
 * are left empty for the linking step.
 */
import type { DocumentType, Judgement, Paragraph, Recommendation, ReportRecord, Section, Sidecar } from '../../schemas/report.ts';
import { SourceError } from '../source-error.ts';
import { buildBody, reportStarts, type Footnote } from './blocks.ts';
import { detectFormat, type Format } from './detect.ts';
import { parseHeader, type Header } from './header.ts';
import { mergeHeadingJudgements } from './judgements.ts';
import { normalise, type Line } from './normalise.ts';
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
  try {
    const lines = normalise(input.text);
    const format = requireFormat(lines, input.file);
    requireOneReport(lines, input.file);
    const parts = parseParts(lines, format, input);
    return assembleRecord(parts, requireFacts(parts, input), input);
  } catch (error) {
    throw input.format === 'pdf' && error instanceof SourceError ? onPdfPage(error, input.text) : error;
  }
}

/**
 * An error about a line of a PDF's extracted text, which nobody sees, placed on the PDF's page instead: pages are
 * separated by form feeds in the text, each opening its page's first line.
 */
function onPdfPage(error: SourceError, text: string): SourceError {
  if (error.line === null) return error;
  let page = 1;
  let line = 1;
  for (let k = 0; k < text.length && line <= error.line; k++) {
    if (text[k] === '\n') line++;
    else if (text[k] === '\f') page++;
  }
  return new SourceError(error.problem, { file: error.file, page, hint: error.hint });
}

/**
 * One file, one report. A file holding several reports one after another (each after the last one's back page)
 * would be cut to the first: it is refused, saying how many it seems to hold. A review of the LSCB appended after a
 * report's back page is part of that report.
 */
function requireOneReport(lines: readonly Line[], file: string): void {
  const starts = reportStarts(lines).filter((i) => !LSCB_REVIEW_TITLE.test(lines[i].text));
  if (starts.length === 0) return;
  throw new SourceError(
    `this file seems to hold ${starts.length + 1} reports one after another; the second begins "${lines[starts[0]].text}"`,
    {
      file,
      line: lines[starts[0]].no,
      hint: 'split it into one file per report (each with its own sidecar) and add them one by one',
    },
  );
}

const LSCB_REVIEW_TITLE = /^Review of the effectiveness of the Local Safeguarding Children Board\b/i;

/** What the stages read from one document, before it is checked for completeness and assembled into a record. */
interface Parts {
  lines: Line[];
  format: Format;
  header: Header;
  documentType: DocumentType;
  judgements: Judgement[];
  recommendations: Recommendation[];
  sections: Section[];
  paragraphs: Paragraph[];
  footnotes: Footnote[];
}

function requireFormat(lines: readonly Line[], file: string): Format {
  const format = detectFormat(lines);
  if (format) return format;
  const first = lines[0];
  throw new SourceError(`cannot tell what kind of document this is${first ? ` (it begins "${quote(first.text)}")` : ''}`, {
    file,
    line: first?.no ?? null,
    hint:
      'expected an Ofsted inspection report (SIF or ILACS), a monitoring or focused visit letter, or a council ' +
      'report with a key–value cover table; check the text extracted properly',
  });
}

/** The stages in order: header, body, then the body's sections, paragraphs and recommendations. */
function parseParts(lines: Line[], format: Format, { file, sidecar }: SourceInput): Parts {
  const header = parseHeader(lines, format, file);
  const councilRecommendations = format.family === 'council' ? keyValueRecommendations(lines) : null;
  const consumed = new Set(header.consumed);
  if (councilRecommendations) consumed.add(councilRecommendations.index);

  const body = buildBody(lines, consumed, format, file);
  const { sections, idOf } = buildSections(body.sections, body.blocks, format);
  const recommendationBlocks = body.blocks.filter((block) => isRecommendation(block, body.sections, format));
  const paragraphBlocks = body.blocks.filter((block) => !isRecommendation(block, body.sections, format));
  const documentType = sidecar.documentType ?? format.documentType;
  // The judgement table is required before headings are merged into it: without it, the merge has nothing to check.
  requireJudgementTable(format, documentType, header, file, lines[0]?.no ?? null);
  return {
    lines,
    format,
    header,
    documentType,
    judgements: format.grades ? mergeHeadingJudgements(header.judgements, body.sections, file) : [],
    recommendations: councilRecommendations
      ? councilRecommendations.texts.map((recText, k) => recommendation(k + 1, recText, idOf(-1) || null))
      : buildRecommendations(recommendationBlocks, idOf, file),
    sections,
    paragraphs: buildParagraphs(paragraphBlocks, idOf, new Set(body.footnotes.map((note) => note.number)), {
      first: sidecar.firstArchiveParagraph,
      retired: new Set(sidecar.retiredArchiveParagraphs),
    }),
    footnotes: body.footnotes,
  };
}

function requireJudgementTable(format: Format, documentType: DocumentType, header: Header, file: string, firstLine: number | null): void {
  if (!format.grades || documentType !== 'inspection' || header.judgements.length > 0 || header.judgementTable) return;
  throw new SourceError('no judgement table found on the first page of the inspection report', {
    file,
    line: firstLine,
    hint:
      'an inspection report grades its areas in a table under the title ("Judgement<TAB>Grade" rows); ' +
      'check the first page was extracted whole, or give the sidecar the right "documentType"',
  });
}

const sidecarOf = (file: string) => file.replace(/\.[a-z]+$/, '.json');

/** The facts every record needs. */
interface Required {
  published: string;
  authority: string;
  title: string;
}

/**
 * The facts every record needs, or an error naming the first that is missing and what to do. The sidecar supplies
 * facts the text lacks: a date the text states wins over the sidecar's. The authority is read by rule, not stated,
 * so a sidecar's (given "where the text does not name it plainly") corrects the reading.
 */
function requireFacts({ header, lines, paragraphs }: Parts, { file, sidecar }: SourceInput): Required {
  // What the title page should state is missing: the error points at the document's first line (a PDF's page 1).
  const top = lines[0]?.no ?? null;
  if (!header.title) {
    throw new SourceError(`no document title found${lines[0] ? ` (the text begins "${quote(lines[0].text)}")` : ''}`, {
      file,
      line: top,
      hint:
        'an Ofsted report opens with "Inspection of …" and a letter names its subject under "Dear …": check the title ' +
        'page or letter came through whole (for a PDF, that its text can be selected and copied)',
    });
  }
  const published = header.published ?? sidecar.published;
  if (!published) {
    throw new SourceError(`no publication date: the text states none (no "Report published:" line, no dated letter)`, {
      file,
      line: top,
      hint: `add "published": "YYYY-MM-DD" to the sidecar ${sidecarOf(file)}`,
    });
  }
  const authority = sidecar.authority ?? header.authority;
  if (!authority) {
    throw new SourceError(`no local authority: the title "${quote(header.title)}" names none`, {
      file,
      line: top,
      hint: `add "authority" (as the council is called, e.g. "Camden") to the sidecar ${sidecarOf(file)}`,
    });
  }
  if (paragraphs.length === 0) {
    throw new SourceError('no body text found', {
      file,
      line: top,
      hint: 'check the extracted text is not empty or all headings (for a PDF, that it is not a scan without a text layer)',
    });
  }
  return { published, authority, title: header.title };
}

/** Text quoted in an error: the start of it. */
function quote(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function assembleRecord(parts: Parts, { published, authority, title }: Required, input: SourceInput): ReportRecord {
  const { header, documentType, judgements } = parts;
  const { file, sidecar, sha256, format } = input;
  const inspectionStart = header.dates?.start ?? null;
  const authoritySlug = slugify(authority);
  return {
    slug: `${authoritySlug}-${published}-${documentType}`,
    title,
    authority,
    authoritySlug,
    documentType,
    framework: FRAMEWORK_VISITS.has(documentType)
      ? (inspectionStart ?? published) >= ILACS_FROM
        ? 'ILACS'
        : 'SIF'
      : parts.format.framework,
    inspectionStart,
    inspectionEnd: header.dates?.end ?? null,
    published,
    leadInspector: header.leadInspector,
    inspectors: header.inspectors,
    judgements,
    notJudged: header.notJudged,
    overallEffectiveness: judgements.find((j) => j.areaKey === 'overall-effectiveness')?.grade ?? null,
    recommendations: parts.recommendations,
    sections: parts.sections,
    paragraphs: parts.paragraphs,
    footnotes: parts.footnotes,
    themes: [],
    links: [],
    source: {
      file,
      format,
      sha256,
      publisher: sidecar.publisher ?? 'Ofsted',
      licence: sidecar.licence ?? 'Open Government Licence v3.0',
      url: sidecar.url ?? null,
      // Left out when the sidecar names none (so the parser's output and its fixtures are as before originals
      // existed): validation, which every record passes before it is used, records null. Hence the type's `as`.
      ...(sidecar.original && { original: sidecar.original }),
    } as ReportRecord['source'],
  };
}
