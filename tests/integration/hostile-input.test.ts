/**
 * Hostile and broken sources, through the real command line. Each folder of tests/fixtures/hostile/ is one case:
 * the source (with its sidecar, if any) or an `input.ts` that gives it at test time (files too big, or PDFs, never committed),
 * and `expected.json`, which is either
 *   { "error": ["…", "…"] }   `ingest --json` exits 1, prints nothing on stdout, and its message on stderr contains
 *                             every substring (file, line or page, what is wrong) and a hint of what to do; and a
 *                             full ingest of the seed sources plus this one writes nothing and leaves the previous
 *                             output byte for byte as it was;
 *   { "record": { … } }       `ingest --json` exits 0 and the record has these facts. Objects list only the fields
 *                             checked; arrays are checked whole, element by element; { "$includes": [..] } checks a
 *                             string contains each part;
 *                             its Atom feed is well-formed XML; with "csv": { "<dataset>": ["…"] }, that dataset's CSV export of the record holds each
 *                             part (spreadsheet formulas neutralised, say);
 *   { "run": ["add", …], "error": ["…"] }
 *                             the command (add, ingest, build or permalinks:update, with these arguments) run in a
 *                             small built archive (tests/helpers/small-archive.ts) with the case's files beside it,
 *                             exits 1 with a clear message holding every substring, and the archive's sources,
 *                             records, permalink manifest and dist/ are exactly as they were.
 * Every run is held to a 160 MB heap: bad input must be handled within reasonable memory.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { documentsFeed } from '../../src/lib/exports/feeds.ts';
import { COLUMNS, datasetRows } from '../../src/lib/exports/rows.ts';
import { toCsv } from '../../src/lib/exports/serialise.ts';
import type { Dataset } from '../../src/lib/exports/urls.ts';
import type { ReportRecord } from '../../src/schemas/report.ts';
import { changes, makeSmallArchive, parseXml, run, snapshot as archiveSnapshot, type Command } from '../helpers/small-archive.ts';

const CASES = 'tests/fixtures/hostile';
const HEAP_MB = 160;
const work = mkdtempSync(join(tmpdir(), 'hostile-'));
after(() => rmSync(work, { recursive: true, force: true }));

type Expected = { error: string[]; run?: [Command, ...string[]] } | { record: Record<string, unknown>; csv?: Partial<Record<Dataset, string[]>> };

function ingest(args: string[]) {
  return spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, 'scripts/ingest.ts', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
}

/** Copies a case's source and sidecar (or writes its generated source) into `dir`; returns the source's path. */
async function placeSource(caseDir: string, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  if (existsSync(join(caseDir, 'input.ts'))) {
    // A generated source exports its bytes (`FILE` and `CONTENT`), or for one too big to hold, `writeInput`.
    const input = (await import(resolve(caseDir, 'input.ts'))) as { FILE: string; CONTENT?: string; writeInput?: (dir: string) => string };
    if (input.writeInput) return input.writeInput(dir);
    const path = join(dir, input.FILE);
    writeFileSync(path, input.CONTENT!, 'latin1');
    return path;
  }
  const names = readdirSync(caseDir).filter((name) => name !== 'expected.json');
  for (const name of names) copyFileSync(join(caseDir, name), join(dir, name));
  const sources = names.filter((name) => /\.(?:txt|pdf)$/i.test(name));
  assert.equal(sources.length, 1, `${caseDir} must hold exactly one .txt or .pdf source`);
  return join(dir, sources[0]!);
}

/** Where `actual` differs from the facts in `expected`, as one line per difference. */
function differences(actual: unknown, expected: unknown, path: string): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    if (actual.length !== expected.length) return [`${path}: expected ${expected.length} items, got ${actual.length}: ${JSON.stringify(actual).slice(0, 400)}`];
    return expected.flatMap((item, i) => differences(actual[i], item, `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if ('$includes' in expected) {
      const parts = (expected as { $includes: string[] }).$includes;
      if (typeof actual !== 'string') return [`${path}: expected a string, got ${JSON.stringify(actual)}`];
      return parts.filter((part) => !actual.includes(part)).map((part) => `${path}: ${JSON.stringify(actual)} lacks ${JSON.stringify(part)}`);
    }
    if (actual === null || typeof actual !== 'object') return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([key, value]) => differences((actual as Record<string, unknown>)[key], value, `${path}.${key}`));
  }
  return Object.is(actual, expected) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** Every file under a folder with its bytes, to prove a failed run left it exactly as it was. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir, name)).isFile());
  return new Map(files.sort().map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));
}

// The five seed texts (not the archive's PDFs: each case ingests them again), ingested once: the "previous output"
// every failed run must leave untouched.
const SEEDS = join(work, 'seeds');
const previousOutput = join(work, 'previous-reports');
before(() => {
  const seed = (name: string) => name.endsWith('.txt') || (name.endsWith('.json') && existsSync(join('content/sources', name.replace(/\.json$/, '.txt'))));
  mkdirSync(SEEDS);
  for (const name of readdirSync('content/sources').filter(seed)) copyFileSync(join('content/sources', name), join(SEEDS, name));
  const result = ingest(['--sources', SEEDS, '--out', previousOutput]);
  assert.equal(result.status, 0, `the seed sources must ingest cleanly first:\n${result.stderr}`);
});

// The small archive the command cases run in, made when the first of them needs it.
const archive = join(work, 'archive');
let archiveBuilt: Map<string, string> | null = null;

for (const name of readdirSync(CASES).sort()) {
  const caseDir = join(CASES, name);
  if (!statSync(caseDir).isDirectory()) continue;
  const expected = JSON.parse(readFileSync(join(caseDir, 'expected.json'), 'utf8')) as Expected;

  if ('run' in expected && expected.run) {
    const [command, ...args] = expected.run;
    test(`${name}: \`npm run ${command}\` refuses with a clear message and the archive is as it was`, () => {
      if (!archiveBuilt) {
        makeSmallArchive(archive);
        archiveBuilt = archiveSnapshot(archive);
      }
      for (const file of readdirSync(caseDir).filter((file) => file !== 'expected.json')) copyFileSync(join(caseDir, file), join(archive, file));
      const result = run(archive, command, args);
      assert.equal(result.status, 1, `expected exit 1; stderr:\n${result.stderr}`);
      for (const part of expected.error) assert.ok(result.stderr.includes(part), `stderr lacks ${JSON.stringify(part)}:\n${result.stderr}`);
      assert.doesNotMatch(result.stderr, /^\s+at /m, `a clear message, not a stack trace:\n${result.stderr}`);
      assert.deepEqual(changes(archiveBuilt, archiveSnapshot(archive)), [], 'the archive must be exactly as it was');
    });
  } else if ('error' in expected) {
    test(`${name}: refused with a clear message, nothing printed`, async () => {
      const source = await placeSource(caseDir, join(work, name, 'alone'));
      const result = ingest(['--json', source]);
      assert.equal(result.status, 1, `expected exit 1; stderr:\n${result.stderr}`);
      assert.equal(result.stdout, '', 'a refused source prints no record');
      for (const part of expected.error) assert.ok(result.stderr.includes(part), `stderr lacks ${JSON.stringify(part)}:\n${result.stderr}`);
      assert.match(result.stderr, /\n {2}→ \S/, `the message says what to do:\n${result.stderr}`);
      assert.doesNotMatch(result.stderr, /^\s+at /m, `a clear message, not a stack trace:\n${result.stderr}`);
    });

    test(`${name}: among good sources, the whole run writes nothing`, async () => {
      const run = join(work, name, 'whole-run');
      const sources = join(run, 'sources');
      cpSync(SEEDS, sources, { recursive: true });
      await placeSource(caseDir, sources);
      const out = join(run, 'reports');
      cpSync(previousOutput, out, { recursive: true });
      const result = ingest(['--sources', sources, '--out', out]);
      assert.equal(result.status, 1, `expected exit 1; stderr:\n${result.stderr}`);
      for (const part of expected.error) assert.ok(result.stderr.includes(part), `stderr lacks ${JSON.stringify(part)}:\n${result.stderr}`);
      assert.match(result.stderr, /Nothing was written/);
      assert.deepEqual(snapshot(out), snapshot(previousOutput), 'the previous output must be byte-identical');
      assert.deepEqual(readdirSync(run).sort(), ['reports', 'sources'], 'no staging folder left behind');
    });
  } else {
    test(`${name}: ingested, and the record holds the expected facts`, async () => {
      const source = await placeSource(caseDir, join(work, name));
      const result = ingest(['--json', source]);
      assert.equal(result.status, 0, `expected exit 0; stderr:\n${result.stderr}`);
      const record = JSON.parse(result.stdout) as ReportRecord;
      assert.deepEqual(differences(record, expected.record, 'record'), []);
      assert.doesNotThrow(() => parseXml(documentsFeed([record], new URL('https://archive.test/'))), 'the record\'s Atom feed must be well-formed XML');
      for (const [dataset, parts] of Object.entries(expected.csv ?? {}) as Array<[Dataset, string[]]>) {
        const csv = toCsv(datasetRows(dataset, [record], new URL('https://archive.test/')), COLUMNS[dataset]);
        for (const part of parts) assert.ok(csv.includes(part), `${dataset}.csv lacks ${JSON.stringify(part)}:\n${csv}`);
      }
    });
  }
}
