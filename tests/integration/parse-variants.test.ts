/**
 * The parser on the ways real reports vary, applied to the archive's 60 committed sources: each source's text is
 * rewritten as another year's template or another PDF's extraction would set it — other bullets (private-use glyph,
 * dash, a bullet alone on its line), a running footer with page numbers, no blank line before a heading, "What needs
 * to improve:" with a colon, a page break inside that list, its items without full stops and the next heading
 * straight under them, area headings ending with a full stop — and must give the same record facts (grades, recommendations, lead inspector, dates, authority) as the
 * source itself, and no finding of the parse audit (src/lib/parse/audit.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { DEFAULT_SOURCES_DIR } from '../../src/lib/archive-paths.ts';
import { extractPdfs } from '../../src/lib/extract/pool.ts';
import { printedText } from '../../src/lib/ingest/decode.ts';
import { parseSidecar } from '../../src/lib/ingest/validate.ts';
import { auditRecord } from '../../src/lib/parse/audit.ts';
import { parseSource, type SourceInput } from '../../src/lib/parse/index.ts';
import type { ReportRecord } from '../../src/schemas/report.ts';

const AREA_HEADING_LINE = /^((?:The experiences and progress|The impact of leaders)[^\n]*(?:\n[^\n]*)?: (?:good|outstanding|inadequate|requires improvement to be good))$/gm;

/** Each variation: a name and how it rewrites a source's text. */
const VARIATIONS: Record<string, (text: string) => string> = {
  'private-use bullets': (text) => text.replace(/^[•◼] /gm, '\uf0b7 '),
  'dash bullets': (text) => text.replace(/^[•◼] /gm, '- '),
  'a bullet alone on its line': (text) => text.replace(/^([◼•]) /gm, '$1\n'),
  'a running footer with page numbers': (text) =>
    text.includes('\f')
      ? text
          .split('\f')
          .map((page, k) => `${page.replace(/\n+$/, '')}\n\nInspection of Exampleshire children’s services\n${k + 1}\n`)
          .join('\f')
      : text,
  'no blank line before a heading': (text) =>
    text.replace(/\n\n(?=The (?:experiences and progress|impact of leaders)|What needs to improve|Recommendations\n)/g, '\n'),
  '"What needs to improve:"': (text) => text.replace(/^What needs to improve\??$/m, 'What needs to improve:'),
  'a page break inside the list': (text) => text.replace(/(What needs to improve[^\n]*\n[\s\S]*?\n)(\n[◼•])/, '$1\f$2'),
  'items without full stops, the next heading straight under them': (text) =>
    text.replace(/(What needs to improve[^\n]*\n)([\s\S]*?)\n+(?=The (?:experiences|impact))/, (_, heading: string, list: string) => `${heading}${list.replace(/\.(?=\n|$)/g, '')}\n`),
  'area headings ending with a full stop': (text) => text.replace(AREA_HEADING_LINE, '$1.'),
};

/** What a reader would notice changing. */
function facts(record: ReportRecord) {
  return {
    judgements: record.judgements.map((j) => `${j.areaKey}: ${j.grade}`).sort(),
    recommendations: record.recommendations.map((r) => r.text.replace(/\.$/, '').slice(0, 60)),
    leadInspector: record.leadInspector,
    dates: [record.inspectionStart, record.inspectionEnd],
    authority: record.authority,
    sections: record.sections.filter((s) => s.grade !== null).map((s) => s.grade),
  };
}

const sources: SourceInput[] = [];

before(async () => {
  const names = readdirSync(DEFAULT_SOURCES_DIR).filter((name) => /\.(?:txt|pdf)$/.test(name)).sort();
  const pdfs = names.filter((name) => name.endsWith('.pdf'));
  const extracted = new Map((await extractPdfs(pdfs.map((name) => join(DEFAULT_SOURCES_DIR, name)))).map((e, k) => [pdfs[k], e]));
  for (const name of names) {
    const pdf = extracted.get(name);
    const text = pdf ? (pdf.ok ? printedText(pdf.result.text) : assert.fail(pdf.error.message)) : readFileSync(join(DEFAULT_SOURCES_DIR, name), 'utf8');
    const sidecar = parseSidecar(readFileSync(join(DEFAULT_SOURCES_DIR, name.replace(/\.[a-z]+$/, '.json')), 'utf8'), name);
    sources.push({ text, file: name, format: pdf ? 'pdf' : 'text', sha256: 'variant', sidecar });
  }
});

for (const [variation, rewrite] of Object.entries(VARIATIONS)) {
  test(`every source read with ${variation} gives the same facts and no audit finding`, () => {
    assert.equal(sources.length, 60);
    let changed = 0;
    for (const source of sources) {
      const text = rewrite(source.text);
      if (text === source.text) continue;
      changed++;
      const record = parseSource({ ...source, text });
      assert.deepEqual(facts(record), facts(parseSource(source)), `${source.file} with ${variation}`);
      assert.deepEqual(auditRecord(record, text), [], `${source.file} with ${variation}`);
    }
    assert.ok(changed >= 10, `the variation changed only ${changed} sources: it no longer matches their text`);
  });
}
