/**
 * The parser on small focused cases. Each folder of tests/fixtures/parse/ holds `input.txt` (a source document) or
 * `input.pdf.txt` (the text extracted from a PDF, pages separated by form feeds, so errors name pages), optionally
 * `sidecar.json` (its sidecar facts), and `expected.json`: either `{ "record": … }`, the whole record the parser
 * returns, or `{ "error": "…" }`, the whole message of the SourceError it throws.
 *
 * `UPDATE_FIXTURES=1 node --test tests/unit/parse-fixtures.test.ts` rewrites every expected.json from the parser's
 * output. Read each rewritten file before committing it: an expected file that records a bug makes the bug pass.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseSource } from '../../src/lib/parse/index.ts';
import { SourceError } from '../../src/lib/source-error.ts';
import { reportSchema, sidecarSchema } from '../../src/schemas/report.ts';

const ROOT = new URL('../fixtures/parse/', import.meta.url);
const UPDATE = process.env.UPDATE_FIXTURES === '1';

type Outcome = { record: unknown } | { error: string };

function outcome(dir: URL): Outcome {
  const format = existsSync(new URL('input.pdf.txt', dir)) ? 'pdf' : 'text';
  const text = readFileSync(new URL(format === 'pdf' ? 'input.pdf.txt' : 'input.txt', dir), 'utf8');
  const sidecarFile = new URL('sidecar.json', dir);
  const sidecar = sidecarSchema.parse(existsSync(sidecarFile) ? JSON.parse(readFileSync(sidecarFile, 'utf8')) : {});
  const sha256 = createHash('sha256').update(text).digest('hex');
  try {
    return { record: parseSource({ text, file: format === 'pdf' ? 'input.pdf' : 'input.txt', format, sha256, sidecar }) };
  } catch (error) {
    if (error instanceof SourceError) return { error: error.message };
    throw error;
  }
}

for (const name of readdirSync(ROOT).sort()) {
  const dir = new URL(`${name}/`, ROOT);
  test(`parse fixture: ${name}`, () => {
    const actual = outcome(dir);
    if ('record' in actual) reportSchema.parse(actual.record);
    const expectedFile = new URL('expected.json', dir);
    if (UPDATE) {
      writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedFile, 'utf8')) as Outcome);
  });
}
