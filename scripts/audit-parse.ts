/**
 * npm run audit:parse [-- --sources <dir>]
 *
 * Parses every source (content/sources by default) as the ingest does and reads each record against its text with
 * src/lib/parse/audit.ts: recommendations that are not the "What needs to improve" list, headings read as or glued
 * into paragraphs, stand-alone list items, footnote numbers stuck to words, names that are not inspectors, an
 * inspection with no overall grade. Prints one row per finding and a count per check; exits 1 if there is any.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SOURCES_DIR } from '../src/lib/archive-paths.ts';
import { extractPdfs } from '../src/lib/extract/pool.ts';
import { decodeSourceText, printedText } from '../src/lib/ingest/decode.ts';
import { parseSidecar } from '../src/lib/ingest/validate.ts';
import { auditRecord, type Finding } from '../src/lib/parse/audit.ts';
import { parseSource } from '../src/lib/parse/index.ts';
import { sha256Of } from '../src/lib/sha256.ts';
import { SourceError } from '../src/lib/source-error.ts';
import { parseCommandLine, stopWith } from './lib/command-line.ts';

const { values } = parseCommandLine(
  { options: { sources: { type: 'string', default: DEFAULT_SOURCES_DIR } } },
  'usage: npm run audit:parse [-- --sources <dir>]',
);

try {
  const dir = values.sources;
  const names = readdirSync(dir)
    .filter((name) => /\.(?:txt|pdf)$/.test(name))
    .sort();
  const pdfs = names.filter((name) => name.endsWith('.pdf'));
  const extracted = new Map((await extractPdfs(pdfs.map((name) => join(dir, name)))).map((e, k) => [pdfs[k], e]));
  const rows: Array<{ source: string } & Finding> = [];
  for (const name of names) {
    const bytes = readFileSync(join(dir, name));
    const sidecar = parseSidecar(readFileSync(join(dir, name.replace(/\.[a-z]+$/, '.json')), 'utf8'), name);
    const pdf = extracted.get(name);
    if (pdf && !pdf.ok) throw pdf.error;
    const text = pdf?.ok ? printedText(pdf.result.text) : decodeSourceText(bytes, name);
    const record = parseSource({ text, file: name, format: pdf ? 'pdf' : 'text', sha256: sha256Of(bytes), sidecar });
    rows.push(...auditRecord(record, text).map((finding) => ({ source: name, ...finding })));
  }
  console.log('| source | check | where | problem |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.source} | ${row.check} | ${row.where} | ${row.problem.replace(/\|/g, '\\|')} |`);
  const counts = Map.groupBy(rows, (row) => row.check);
  console.log(`\n${names.length} sources, ${rows.length} findings${[...counts].map(([check, found]) => `; ${check}: ${found.length}`).join('')}`);
  process.exitCode = rows.length > 0 ? 1 : 0;
} catch (error) {
  if (error instanceof SourceError) stopWith(error);
  throw error;
}
