/**
 * A second reading of a parsed record against its source text, for what the parser's rules can get silently wrong
 * (issue 12's families), and an area graded twice or not at all: each finding names the record's anchor or field and
 * quotes the text. It uses none of the parser's joining rules, so a rule that goes wrong cannot agree with itself. Run over the archive's sources by
 * `npm run audit:parse` (scripts/audit-parse.ts) and, asserting no finding, by tests/integration/parse-audit.test.ts.
 */
import type { ReportRecord } from '../../schemas/report.ts';
import { normalise, type Line } from './normalise.ts';
import { listItem } from './text.ts';

export interface Finding {
  /** What kind of fault. */
  check:
    | 'recommendations-count'
    | 'heading-as-paragraph'
    | 'glued-heading'
    | 'stand-alone-item'
    | 'glued-footnote'
    | 'inspector-name'
    | 'overall-grade'
    | 'graded-areas';
  /** The anchor or field it is about ("ap-12", "rec-3", "inspectors"). */
  where: string;
  /** What is wrong, quoting the text. */
  problem: string;
}

export function auditRecord(record: ReportRecord, sourceText: string): Finding[] {
  return [
    ...recommendationsCount(record, sourceText),
    ...paragraphFindings(record, normalise(sourceText)),
    ...inspectorFindings(record),
    ...overallGrade(record),
    ...gradedAreas(record),
  ];
}

const quote = (text: string) => `"${text.length > 70 ? `${text.slice(0, 70)}…` : text}"`;

/**
 * An ILACS inspection's recommendations are its "What needs to improve" list: counted here from the source's lines
 * as the bullets between that heading and the first area heading after it (an item's wrapped lines carry no bullet;
 * a sub-item's dash or hollow bullet is part of its item).
 */
function recommendationsCount(record: ReportRecord, text: string): Finding[] {
  if (record.framework !== 'ILACS' || record.documentType !== 'inspection') return [];
  const lines = normalise(text);
  const start = lines.findIndex((line) => WHAT_NEEDS_TO_IMPROVE.test(line.text));
  if (start < 0) return [{ check: 'recommendations-count', where: 'recommendations', problem: 'no "What needs to improve" heading in the source' }];
  let bullets = 0;
  let introducing = false;
  for (const line of lines.slice(start + 1)) {
    if (AREA_HEADING.test(line.text) || /^\d{1,3}\.\s/.test(line.text)) break;
    const item = listItem(line.text, line.indent);
    // Items an item introduces ("…so that:" / "practice evaluation audits measure…") are set with the same bullet.
    if (item && item.depth === 0 && !(introducing && /^[a-z]/.test(item.text))) {
      bullets++;
      introducing = false;
    }
    if (item || line.gap === 'none') introducing ||= /:$/.test(line.text);
  }
  if (bullets === record.recommendations.length) return [];
  return [
    {
      check: 'recommendations-count',
      where: 'recommendations',
      problem: `the "What needs to improve" list has ${bullets} bullets, the record ${record.recommendations.length} recommendations`,
    },
  ];
}

const WHAT_NEEDS_TO_IMPROVE = /^(?:#+\s*)?what needs to improve\b/i;
/** The heading of an ILACS judgement area, which ends the list. */
const AREA_HEADING = /^(?:#+\s*)?(?:the (?:experiences and progress|impact of leaders)|overall effectiveness)\b/i;

/** A graded ILACS area heading or a standard heading inside a paragraph, after the end of a sentence. */
const GLUED_HEADING =
  /[.!?]["'’”)]? (?:The (?:experiences and progress of [^.]{5,80}|impact of leaders on social work practice[^.]{0,40}): (?:good|outstanding|inadequate|requires improvement)|What needs to improve\b|Recommendations$|Executive summary\b|Summary for children and young people\b|Information about this (?:inspection|local authority area)\b)/;
/** A word with a footnote number stuck to it: "schools3", "area.4" — not "Covid-19", "S47", "Year 11". */
const GLUED_FOOTNOTE = /\b[a-z]{3,}[.,]?[1-9]\b/;
/** An annex's heading: "Annex A: Information about the local authority area". */
const ANNEX = /^(?:Annex|Appendix) [A-Z0-9]{1,3}: [^.]*$/;
/** An item of a list of previous grades: "Adoption performance: good". */
const GRADE_ITEM = /^[A-Z][^:.]{3,90}: (?:good|outstanding|inadequate|adequate|requires improvement(?: to be good)?)\.?$/i;
/** Ofsted's own headings, which a paragraph of this shape is. */
const LIKE_HEADING = /^[A-Z][\p{L}'’ ,&()-]{2,80}$/u;

function paragraphFindings(record: ReportRecord, lines: readonly Line[]): Finding[] {
  const findings: Finding[] = [];
  record.paragraphs.forEach((paragraph, k) => {
    const text = paragraph.text;
    const where = paragraph.id;
    const glued = GLUED_HEADING.exec(text);
    if (glued) findings.push({ check: 'glued-heading', where, problem: `a heading inside the paragraph: ${quote(glued[0].slice(2))}` });
    if (!text.includes('\n') && !text.includes('\t') && (LIKE_HEADING.test(text) || ANNEX.test(text)) && text.split(' ').length <= 10) {
      findings.push({ check: 'heading-as-paragraph', where, problem: `reads as a heading: ${quote(text)}` });
    }
    const previous = record.paragraphs[k - 1];
    const introduced = previous?.section === paragraph.section && /:["'’”)]?$/.test(previous.text) && !introducesTable(previous.text, lines);
    if (paragraph.number !== null) {
      // A numbered paragraph is the report's own.
    } else if (introduced) {
      findings.push({ check: 'stand-alone-item', where, problem: `stands apart from the sentence introducing it: ${quote(text)}` });
    } else if (GRADE_ITEM.test(text)) {
      findings.push({ check: 'stand-alone-item', where, problem: `an item of a list of grades standing alone: ${quote(text)}` });
    } else if (/^[a-z]/.test(text)) {
      findings.push({ check: 'stand-alone-item', where, problem: `starts mid-sentence: ${quote(text)}` });
    } else if (!/[\n\t:]/.test(text) && !/[.!?]["'’”)]*$/.test(text) && text.split(' ').length <= 15 && !LIKE_HEADING.test(text)) {
      // (A "Label: value" row, such as the inspection team's, is a paragraph of its own.)
      findings.push({ check: 'stand-alone-item', where, problem: `a fragment standing alone: ${quote(text)}` });
    }
    const footnote = GLUED_FOOTNOTE.exec(text);
    if (footnote) findings.push({ check: 'glued-footnote', where, problem: `a footnote number stuck to a word: ${quote(footnote[0])}` });
  });
  return findings;
}

/**
 * Whether a sentence ending with a colon introduces a table the parser took as the judgement table ("…contribute to
 * overall effectiveness are:"): what follows it in the record is then rightly a paragraph of its own.
 */
function introducesTable(text: string, lines: readonly Line[]): boolean {
  const end = text.slice(-30);
  const k = lines.findIndex((line) => line.text.endsWith(end));
  return k >= 0 && lines[k + 1]?.text.includes('\t') === true;
}

/** A person's name: two to five capitalised words (an optional "Dr", initials, particles such as "de la"), nothing else. */
const PERSON = /^(?:Dr\.? )?[A-Z][\p{L}'’-]+(?: (?:[a-z]{2,3} )*[A-Z](?:[\p{L}'’-]*|\.)){1,4}$/u;
const NOT_A_NAME = /\b(?:N\/A|HMI|Acting|Designate|Inspector|Senior|Lead|Deputy|None|Vacant)\b/i;

function inspectorFindings(record: ReportRecord): Finding[] {
  const findings: Finding[] = [];
  for (const name of record.inspectors) {
    if (!PERSON.test(name) || NOT_A_NAME.test(name)) {
      findings.push({ check: 'inspector-name', where: 'inspectors', problem: `not a person's name: ${quote(name)}` });
    }
  }
  if (record.leadInspector !== null && record.inspectors[0] !== record.leadInspector) {
    findings.push({ check: 'inspector-name', where: 'leadInspector', problem: `the lead ${quote(record.leadInspector)} is not listed first` });
  }
  return findings;
}

/** An inspection under a graded framework has an overall grade. */
function overallGrade(record: ReportRecord): Finding[] {
  if (record.documentType !== 'inspection' || record.framework === null || record.overallEffectiveness !== null) return [];
  if (record.notJudged.includes('overall-effectiveness')) return [];
  return [{ check: 'overall-grade', where: 'overallEffectiveness', problem: 'an inspection report with no overall grade' }];
}

/**
 * An inspection grades each area of its framework once: the SIF help and protection, children looked after,
 * adoption, care leavers and leadership; ILACS help and protection, children in care (with care leavers, or apart
 * from 2023) and leaders. An area graded twice was invented by a sentence read as a grade; one missing was lost.
 */
function gradedAreas(record: ReportRecord): Finding[] {
  if (record.documentType !== 'inspection' || record.framework === null) return [];
  const keys = record.judgements.map((judgement) => judgement.areaKey);
  const findings: Finding[] = [];
  for (const key of new Set(keys)) {
    if (keys.indexOf(key) !== keys.lastIndexOf(key)) findings.push({ check: 'graded-areas', where: 'judgements', problem: `"${key}" is graded twice` });
  }
  const expected = record.framework === 'SIF' ? SIF_AREAS : ILACS_AREAS;
  for (const key of expected) {
    if (!keys.includes(key) && !record.notJudged.includes(key)) {
      findings.push({ check: 'graded-areas', where: 'judgements', problem: `"${key}" is not graded` });
    }
  }
  return findings;
}

const SIF_AREAS = ['help-and-protection', 'in-care', 'adoption', 'care-leavers', 'leadership'] as const;
const ILACS_AREAS = ['help-and-protection', 'in-care', 'leadership'] as const;
