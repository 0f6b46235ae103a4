/**
 * The report record (/reports/<slug>.json) documented from the one schema, src/schemas/report.ts: its JSON Schema,
 * published at /data/report.schema.json, and the flat list of fields the /data/ page shows. Descriptions come from
 * the schema's own `.describe()`; the few fields it leaves undescribed are explained here, and a unit test fails if a
 * field ends up with no explanation at all.
 */
import { z } from 'zod';
import { reportSchema } from '../../schemas/report.ts';

/** Explanations for the fields src/schemas/report.ts does not describe, by field path (`[]` steps into a list). */
const EXPLANATIONS: Record<string, string> = {
  authoritySlug: 'The authority’s permanent name; its page is /authorities/<authoritySlug>/.',
  documentType: 'What kind of document it is, on a controlled vocabulary.',
  leadInspector: 'The lead inspector the document names, if any.',
  overallEffectiveness: 'The overall effectiveness grade, for graded inspections.',
  recommendations: 'The recommendations (ILACS: “What needs to improve”), in the report’s order.',
  sections: 'The headings of the document, in order.',
  'sections[].title': 'The heading, as the document words it.',
  paragraphs: 'Every paragraph of text, in order, each at its permanent anchor.',
  footnotes: 'The footnotes, in order.',
  'footnotes[].number': 'The footnote number, as printed.',
  'footnotes[].text': 'The footnote text.',
  'links[].number': 'The number of the recommendation the links belong to.',
  'links[].evidence[].paragraphId': 'Anchor of the supporting paragraph in the same report.',
  source: 'The file the record was built from, and where the document came from.',
  'source.format': 'Whether the source file is text or a PDF.',
  'source.sha256': 'SHA-256 of the source file, to check a copy against.',
};

/** The pattern the schema gives ISO dates, YYYY-MM-DD. */
const ISO_DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  description?: string;
  [key: string]: unknown;
};

export interface RecordField {
  /** `paragraphs[].id`: a dot per nested object, `[]` per list. */
  path: string;
  type: string;
  description: string;
}

/** The record's JSON Schema (draft 2020-12) with every field explained. */
export function recordJsonSchema(schemaUrl: string): JsonSchema {
  const schema = z.toJSONSchema(reportSchema, { io: 'output' }) as JsonSchema;
  walk(schema, '', (node, path) => {
    node.description ??= EXPLANATIONS[path];
  });
  return { $id: schemaUrl, title: 'A report record of the Children’s Services Inspection Archive', ...schema };
}

/** Every field of the record, depth first in schema order, for the /data/ page. */
export function recordFields(schema: JsonSchema): RecordField[] {
  const fields: RecordField[] = [];
  walk(schema, '', (node, path) => fields.push({ path, type: typeName(node), description: node.description ?? '' }));
  return fields;
}

/** Visits every property below `node`, passing its path; lists and nullable values are looked through. */
function walk(node: JsonSchema, path: string, visit: (node: JsonSchema, path: string) => void): void {
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const childPath = path ? `${path}.${name}` : name;
    visit(child, childPath);
    walk(objectInside(child) ?? {}, `${childPath}${isList(child) ? '[]' : ''}`, visit);
  }
}

const isList = (node: JsonSchema) => node.type === 'array';

function objectInside(node: JsonSchema): JsonSchema | undefined {
  if (node.properties) return node;
  if (node.items) return objectInside(node.items);
  return node.anyOf?.map(objectInside).find(Boolean);
}

/** "string", "date or null", "list of object", "one of: SIF, ILACS or null". */
function typeName(node: JsonSchema): string {
  if (node.anyOf) return node.anyOf.map(typeName).join(' or ');
  if (node.pattern === ISO_DATE_PATTERN) return 'date';
  if (node.enum) return `one of: ${node.enum.join(', ')}`;
  if (isList(node)) return `list of ${node.items ? typeName(node.items) : 'any'}`;
  return Array.isArray(node.type) ? node.type.join(' or ') : (node.type ?? 'any');
}
