/**
 * Rows → the bytes of an export. Both formats take the column list, so the CSV header and the JSON key order are
 * the published column order whatever order a row's keys were set in.
 */
import { stringify } from 'csv-stringify/sync';
import type { ReportRecord } from '../../schemas/report.ts';
import type { Column, Row } from './rows.ts';

/** Joins a list in one CSV field; no theme slug or inspector name contains it. */
export const LIST_SEPARATOR = ';';

/**
 * RFC 4180: a header row, CRLF between records, fields quoted where they hold a comma, a quote or a line break
 * (paragraph text holds "\n"), UTF-8 without a byte-order mark so the first column is named exactly as documented.
 */
export function toCsv<Name extends string>(rows: ReadonlyArray<Row<Name>>, columns: ReadonlyArray<Column<Name>>): string {
  return writeBatches(csvWriter(columns), [rows]);
}

/**
 * Writes an export batch by batch as its rows come: `rows` gives the text of one batch, `end` what closes the file.
 * Pushed, not pulled, so one pass over the records can write every export at once (src/lib/exports/write.ts).
 */
export interface ExportWriter<Name extends string> {
  rows(rows: ReadonlyArray<Row<Name>>): string;
  end(): string;
}

/** An export's whole text from its batches of rows, as a writer writes them one after another. */
export function writeBatches<Name extends string>(writer: ExportWriter<Name>, batches: Iterable<ReadonlyArray<Row<Name>>>): string {
  let text = '';
  for (const rows of batches) text += writer.rows(rows);
  return text + writer.end();
}

/** The CSV of `toCsv`, written batch by batch of rows: the header with the first batch, each row ending in CRLF. */
export function csvWriter<Name extends string>(columns: ReadonlyArray<Column<Name>>): ExportWriter<Name> {
  let header = true;
  const rows = (batch: ReadonlyArray<Row<Name>>): string => {
    if (batch.length === 0 && !header) return '';
    const text = stringify(
      batch.map((row) => columns.map(({ name }) => csvField(row[name]))),
      {
        header,
        columns: columns.map(({ name }) => name),
        record_delimiter: 'windows',
        // csv-stringify stops quoting fields that hold a lone "\n" once record_delimiter is set; readers need them quoted.
        quote_record_delimiter: true,
      },
    );
    header = false;
    return text;
  };
  return { rows, end: () => (header ? rows([]) : '') };
}

function csvField(value: Row<string>[string]): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return spreadsheetSafe(typeof value === 'string' ? value : value.join(LIST_SEPARATOR));
}

/** What a spreadsheet reads as the start of a formula: =, +, -, @, and a tab or carriage return before one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)` in an authority, a recommendation starting
 * "- "), prefixed with an apostrophe, as spreadsheet-safe exports do (OWASP's CSV injection advice): spreadsheets
 * then show the text as it is. Numbers are written as numbers; the JSON exports carry every value unchanged.
 */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A JSON array of objects, keys in column order, two-space indented, ending in a newline. */
export function toJson<Name extends string>(rows: ReadonlyArray<Row<Name>>, columns: ReadonlyArray<Column<Name>>): string {
  return writeBatches(jsonWriter(columns), [rows]);
}

/**
 * The JSON of `toJson`, written batch by batch of rows. Each object is laid out as `JSON.stringify(rows, null, 2)`
 * lays out an array's items: on its own lines, indented one level (line breaks inside strings are escaped, so every
 * line break of an object's text is layout).
 */
export function jsonWriter<Name extends string>(columns: ReadonlyArray<Column<Name>>): ExportWriter<Name> {
  let first = true;
  return {
    rows(batch) {
      if (batch.length === 0) return '';
      const items = batch.map((row) => `  ${JSON.stringify(Object.fromEntries(columns.map(({ name }) => [name, row[name]])), null, 2).replace(/\n/g, '\n  ')}`);
      const text = `${first ? '[\n' : ',\n'}${items.join(',\n')}`;
      first = false;
      return text;
    },
    end: () => (first ? '[]\n' : '\n]\n'),
  };
}

/** The size of each record's JSON, noted when it is made for /reports/<slug>.json: its data view prints it. */
const jsonBytes = new WeakMap<ReportRecord, number>();

/**
 * A report record as published at /reports/<slug>.json and shown on its data view: the record exactly as the site read
 * and validated it, so its keys are in the order src/schemas/report.ts declares them.
 */
export function reportJson(record: ReportRecord): string {
  const json = `${JSON.stringify(record, null, 2)}\n`;
  jsonBytes.set(record, Buffer.byteLength(json));
  return json;
}

/** How many bytes `reportJson(record)` is, without making it again where the build already has. */
export function reportJsonBytes(record: ReportRecord): number {
  return jsonBytes.get(record) ?? Buffer.byteLength(reportJson(record));
}

export interface RecordParts {
  /** The record without its lists of objects: what the document is, in a screenful. */
  head: string;
  /** Each list of objects (paragraphs, recommendations, links…), in schema order: its length and its first item. */
  lists: Array<{ field: string; count: number; first: string }>;
}

/**
 * A record cut for reading: the data view shows the head, then for each list of objects its length and its first
 * item, as a sample of its shape; the whole record is the JSON download beside it. (The whole record on the page
 * was about 150 KB of highlighted HTML per report, and at 5,000 reports a quarter of the build's time.)
 */
export function recordParts(record: ReportRecord): RecordParts {
  const isObjectList = (value: unknown): value is object[] => Array.isArray(value) && value.some((item) => typeof item === 'object');
  const entries = Object.entries(record);
  return {
    head: JSON.stringify(Object.fromEntries(entries.filter(([, value]) => !isObjectList(value))), null, 2),
    lists: entries.flatMap(([field, value]) => (isObjectList(value) ? [{ field, count: value.length, first: JSON.stringify(value[0], null, 2) }] : [])),
  };
}
