/**
 * extractPdfText and the worker pool on PDFs this test writes itself: a small report with a wrapped judgement
 * table, running footers and a footnote, and each kind of broken file the extractor must explain.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { extractPdfText } from '../../src/lib/extract/pdf.ts';
import { extractPdfs } from '../../src/lib/extract/pool.ts';
import { SourceError } from '../../src/lib/source-error.ts';

/** A run of Helvetica text placed at (x, y) on an A4 page. */
interface Run {
  x: number;
  y: number;
  size: number;
  text: string;
}

const escapePdfString = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
const textContent = (runs: readonly Run[]) =>
  runs.map((r) => `BT /F1 ${r.size} Tf 1 0 0 1 ${r.x} ${r.y} Tm (${escapePdfString(r.text)}) Tj ET`).join('\n');

/**
 * A minimal, valid PDF: one Helvetica font, one content stream per page, a correct cross-reference table.
 * With `encrypted`, a standard security handler whose password check no password passes, as a
 * password-protected file behaves.
 */
function buildPdf(pageContents: readonly string[], { encrypted = false } = {}): Uint8Array {
  const objects: string[] = ['', '<< /Type /Catalog /Pages 2 0 R >>'];
  const kids = pageContents.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pageContents.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  pageContents.forEach((content, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
    );
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
  if (encrypted) objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${hex32(11)}> /U <${hex32(99)}> /P -44 >>`);
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let i = 1; i < objects.length; i++) {
    offsets.push(pdf.length);
    pdf += `${i} 0 obj\n${objects[i]}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  const encryption = encrypted ? ` /Encrypt ${objects.length - 1} 0 R` : '';
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R${encryption} /ID [<${hex32(1).slice(0, 32)}> <${hex32(1).slice(0, 32)}>] >>\n`;
  pdf += `startxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/** The running footer of a 2023+ report: the title line, then the dates with the page number far right. */
const footer = (page: number): Run[] => [
  { x: 72, y: 52, size: 9, text: "Inspection of Testshire local authority children's services" },
  { x: 72, y: 40, size: 9, text: '20 to 24 January 2025' },
  { x: 515, y: 40, size: 9, text: String(page) },
];

/** Page 1: a title and a judgement table whose area and grade cells wrap over two lines. */
const reportPage1: Run[] = [
  { x: 72, y: 760, size: 20, text: 'Inspection of Testshire local authority' },
  { x: 72, y: 736, size: 20, text: "children's services" },
  { x: 79, y: 680, size: 11, text: 'Judgement' },
  { x: 320, y: 680, size: 11, text: 'Grade' },
  { x: 79, y: 650, size: 11, text: 'The impact of leaders on social work' },
  { x: 79, y: 637, size: 11, text: 'practice with children and families' },
  { x: 320, y: 650, size: 11, text: 'Requires improvement' },
  { x: 320, y: 637, size: 11, text: 'to be good' },
  { x: 79, y: 607, size: 11, text: 'The experiences and progress of' },
  { x: 79, y: 594, size: 11, text: 'children who need help and protection' },
  { x: 320, y: 607, size: 11, text: 'Good' },
  { x: 79, y: 564, size: 11, text: 'Overall effectiveness' },
  { x: 320, y: 564, size: 11, text: 'Requires improvement to be good' },
  { x: 72, y: 520, size: 12, text: 'Children in Testshire get help from a multi-' },
  { x: 72, y: 505, size: 12, text: 'agency team that knows them well.' },
  ...footer(1),
];

/** Page 2: a heading with a footnote mark, numbered paragraphs and the footnote itself. */
const reportPage2: Run[] = [
  { x: 72, y: 760, size: 12, text: 'What needs to improve?' },
  { x: 200, y: 765, size: 7, text: '1' },
  { x: 72, y: 730, size: 12, text: '1.' },
  { x: 100, y: 730, size: 12, text: 'Leaders know their services well and act on what' },
  { x: 100, y: 715, size: 12, text: 'they learn.' },
  { x: 72, y: 100, size: 7, text: '1' },
  { x: 77, y: 96, size: 9, text: 'The areas for improvement are cross-referenced with the national framework.' },
  ...footer(2),
];

const reportPage3: Run[] = [
  { x: 72, y: 760, size: 12, text: '2.' },
  { x: 100, y: 760, size: 12, text: 'Social workers visit children regularly.' },
  ...footer(3),
];

const report = () => buildPdf([reportPage1, reportPage2, reportPage3].map(textContent));

describe('extractPdfText on a generated report', () => {
  test('rebuilds the judgement table as area<TAB>grade rows and drops running footers', async () => {
    const { text, pages } = await extractPdfText(report(), 'testshire.pdf');
    assert.equal(pages, 3);
    assert.deepEqual(text.split('\f'), [
      [
        'Inspection of Testshire local authority',
        "children's services",
        '',
        'Judgement\tGrade',
        'The impact of leaders on social work practice with children and families\tRequires improvement to be good',
        'The experiences and progress of children who need help and protection\tGood',
        'Overall effectiveness\tRequires improvement to be good',
        '',
        'Children in Testshire get help from a multi-agency',
        'team that knows them well.',
        '',
      ].join('\n'),
      [
        'What needs to improve?',
        '',
        '1. Leaders know their services well and act on what',
        'they learn.',
        '',
        '1 The areas for improvement are cross-referenced with the national framework.',
        '',
      ].join('\n'),
      '2. Social workers visit children regularly.\n',
    ]);
  });

  test('leaves the caller’s buffer usable', async () => {
    const data = report();
    await extractPdfText(data, 'testshire.pdf');
    assert.equal(new TextDecoder().decode(data.subarray(0, 5)), '%PDF-');
  });
});

/** Runs `extract` and returns the SourceError it must throw. */
async function sourceErrorOf(data: Uint8Array, file = 'broken.pdf'): Promise<SourceError> {
  const error = await extractPdfText(data, file).then(
    () => assert.fail('expected a SourceError'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof SourceError, `expected a SourceError, got ${String(error)}`);
  assert.equal(error.file, file);
  assert.ok(error.hint, 'every extraction error says what to do');
  return error;
}

describe('extractPdfText explains files it cannot read', () => {
  test('an HTML page saved as .pdf', async () => {
    const html = '<!DOCTYPE html>\n<html><head><title>Ofsted | Find an inspection report</title></head><body></body></html>';
    const error = await sourceErrorOf(new TextEncoder().encode(html));
    assert.match(error.message, /this \.pdf file is an HTML page, not a PDF/);
    assert.match(error.message, /Find an inspection report/);
    const withByteOrderMark = new TextEncoder().encode('\uFEFF\n  <html lang="en"><body>Page not found</body></html>');
    assert.match((await sourceErrorOf(withByteOrderMark)).message, /HTML page, not a PDF/);
  });

  test('some other file', async () => {
    const error = await sourceErrorOf(new TextEncoder().encode('PK\u0003\u0004 a zip archive'));
    assert.match(error.message, /not a PDF: it starts with "PK/);
  });

  test('an empty file', async () => {
    assert.match((await sourceErrorOf(new Uint8Array(0))).message, /the file is empty/);
  });

  test('a truncated download', async () => {
    const whole = report();
    const error = await sourceErrorOf(whole.subarray(0, Math.floor(whole.length / 2)));
    assert.match(error.message, /the PDF is truncated/);
  });

  test('a corrupt PDF', async () => {
    const error = await sourceErrorOf(new TextEncoder().encode('%PDF-1.4\nnothing a PDF reader can use\n%%EOF\n'));
    assert.match(error.message, /the PDF is corrupt/);
  });

  test('a password-protected PDF', async () => {
    const error = await sourceErrorOf(buildPdf([textContent(reportPage3)], { encrypted: true }));
    assert.match(error.message, /encrypted and needs a password/);
  });

  test('a scan with no text layer', async () => {
    const error = await sourceErrorOf(buildPdf(['0 0 0 rg 72 72 400 600 re f', '0.5 g 72 72 200 200 re f']));
    assert.match(error.message, /no text layer: its 2 page\(s\) are images only/);
  });
});

describe('extractPdfs', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'extract-pool-'));
    await writeFile(join(dir, 'good.pdf'), report());
    await writeFile(join(dir, 'page.pdf'), '<html><body>Not found</body></html>');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('returns every file’s outcome in input order, failures captured rather than thrown', async () => {
    const files = ['good.pdf', 'page.pdf', 'missing.pdf', 'good.pdf'].map((name) => join(dir, name));
    const results = await extractPdfs(files, { workers: 2 });
    assert.deepEqual(
      results.map((r) => [r.file, r.ok]),
      files.map((file, i) => [file, i === 0 || i === 3]),
    );
    const [good, html, missing] = results;
    assert.ok(good?.ok && good.result.text.includes('Overall effectiveness\tRequires improvement to be good'));
    assert.ok(html && !html.ok && html.error instanceof SourceError);
    assert.match(html.error.message, /HTML page, not a PDF/);
    assert.ok(missing && !missing.ok && missing.error instanceof SourceError);
    assert.match(missing.error.message, /cannot read the file: ENOENT/);
  });

  test('an empty list needs no workers', async () => {
    assert.deepEqual(await extractPdfs([]), []);
  });
});
