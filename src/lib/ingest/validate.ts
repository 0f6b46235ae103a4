import type { z } from 'zod';
import { reportSchema, sidecarSchema, unpublishableCharacter, type ReportRecord, type Sidecar } from '../../schemas/report.ts';
import { SourceError } from '../source-error.ts';

/** One line per problem, naming the field path and quoting the value found, e.g. `published: expected … (got "1 April")`. */
export function describeIssues(error: z.ZodError, data: unknown): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
      const found = valueAt(data, issue.path);
      const quoted = found === undefined ? '' : ` (got ${JSON.stringify(found)?.slice(0, 80)})`;
      return `${path || '(record)'}: ${issue.message}${quoted}`;
    })
    .join('; ');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The judgements every SIF and ILACS inspection makes (with others that vary: adoption, care leavers, the LSCB, and
 * the overall grade, which ILACS reports from April 2026 no longer give).
 */
const GRADED_BY_EVERY_INSPECTION = new Map([
  ['help-and-protection', 'children who need help and protection'],
  ['in-care', 'children in care'],
  ['leadership', 'leadership'],
]);

/**
 * A record as the parser and linker made it → the validated record, or an error naming the source file. Beyond the
 * schema, two promises the site makes: every anchor on a report page is unique (a pasted #para-4 must lead to one
 * place), and an inspection shows the grades its framework always gives (one published without them, because
 * its judgement table was lost, would read as ungraded).
 */
export function validateRecord(record: unknown, file: string): ReportRecord {
  const result = reportSchema.safeParse(record);
  if (!result.success) {
    throw new SourceError(`the record does not fit the report schema: ${describeIssues(result.error, record)}`, {
      file,
      hint: 'this is a parser bug or a document format it does not know yet; see docs/architecture.md',
    });
  }
  const valid = result.data;
  const unpublishable = firstUnpublishableString(valid, '');
  if (unpublishable) {
    const { path, code, text, index } = unpublishable;
    throw new SourceError(`${path} contains ${code} (near "${text.slice(Math.max(0, index - 30), index)}"), a character XML forbids, so its feeds could not carry it`, {
      file,
      hint: 'delete the character from the source or its sidecar (it is invisible in the document), then run again',
    });
  }
  const ids = [...valid.sections, ...valid.recommendations, ...valid.paragraphs].map((item) => item.id);
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (repeated.length) {
    throw new SourceError(`the anchors ${repeated.map((id) => `#${id}`).join(', ')} would each mark more than one place on the page`, {
      file,
      hint: 'this is a parser bug: each paragraph, recommendation and heading needs its own anchor (see src/schemas/report.ts)',
    });
  }
  const graded = new Set<string>([...valid.judgements.map((j) => j.areaKey), ...valid.notJudged]);
  const ungraded = [...GRADED_BY_EVERY_INSPECTION].filter(([key]) => !graded.has(key)).map(([, words]) => words);
  if (valid.documentType === 'inspection' && valid.framework !== null && ungraded.length) {
    throw new SourceError(`this ${valid.framework} inspection report has no grade for ${ungraded.join(', ')}: its judgement table was not found`, {
      file,
      hint:
        'an inspection report states its grades in a judgement table on its first page: if the table was lost when the ' +
        'text was made, restore it (one `area<TAB>grade` row per judgement); if the document grades nothing, it is not ' +
        'an inspection report: set "documentType" in its sidecar (content/sources/README.md)',
    });
  }
  return valid;
}

/** The first string anywhere in a record that holds a character the archive cannot publish, with where it is. */
function firstUnpublishableString(value: unknown, path: string): { path: string; text: string; index: number; code: string } | null {
  if (typeof value === 'string') {
    const found = unpublishableCharacter(value);
    return found && { path, text: value, ...found };
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = firstUnpublishableString(item, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/** The text of a sidecar `<source>.json` → its facts, or an error naming the sidecar file. */
export function parseSidecar(json: string, file: string): Sidecar {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new SourceError(`the sidecar is not valid JSON: ${(error as Error).message}`, {
      file,
      hint: 'see content/sources/README.md for the sidecar fields',
    });
  }
  const result = sidecarSchema.safeParse(data);
  if (result.success) return result.data;
  throw new SourceError(`the sidecar has unexpected facts: ${describeIssues(result.error, data)}`, {
    file,
    hint: 'correct each field named above as it says; allowed fields: publisher, published, licence, url, original, authority, documentType, urn, firstArchiveParagraph, retiredArchiveParagraphs (content/sources/README.md)',
  });
}
