/**
 * The ingest cache: a source whose bytes, sidecar and parser are unchanged is not extracted or parsed again.
 *
 * An entry is the record `parseSource` made (before linking, which always runs over the whole archive), stored as
 * JSON under `.cache/ingest/<key>.json`. The key is the SHA-256 of the source's own SHA-256, its sidecar and the
 * parser version; the parser version is a hash of every file whose change could change a record (the parser, the
 * PDF extractor, the decoder, the schema, pdf.js's version), so editing the parser invalidates every entry without
 * anyone having to remember to. The file name is not in the key: a renamed source reuses its entry and gets its new
 * name on the way out. Entries are written to a temporary name and renamed, so a run stopped half-way leaves
 * whole entries or none. Nothing is ever read from the cache that is not valid JSON of the right key.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sha256Of, versionOfFiles } from '../sha256.ts';
import type { ReportRecord, Sidecar } from '../../schemas/report.ts';

export const DEFAULT_CACHE_DIR = '.cache/ingest';

/** Everything a record is made by, relative to the project root: folders are read whole, recursively. */
export const PARSER_INPUTS = [
  'src/lib/parse',
  'src/lib/extract',
  'src/lib/ingest/decode.ts',
  'src/lib/ingest/build-records.ts',
  'src/lib/page-furniture.ts',
  'src/schemas/report.ts',
  'node_modules/pdfjs-dist/package.json',
] as const;

function filesOf(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A hash of the parser's own source files: any edit to them gives a new version. */
export function parserVersion(root = '.', inputs: readonly string[] = PARSER_INPUTS): string {
  const files = inputs.flatMap((input) => filesOf(join(root, input)));
  return versionOfFiles(files.values().map((file) => ({ name: relative(root, file), bytes: readFileSync(file) })));
}

/** Sidecar fields in a fixed order, so `{a, b}` and `{b, a}` are the same sidecar. */
function canonical(sidecar: Sidecar): string {
  return JSON.stringify(Object.fromEntries(Object.entries(sidecar).sort(([a], [b]) => a.localeCompare(b))));
}

export function cacheKey(sourceSha256: string, sidecar: Sidecar, version: string): string {
  return sha256Of(`${sourceSha256}\0${canonical(sidecar)}\0${version}`);
}

export interface IngestCache {
  /** The record parsed earlier from these bytes and sidecar by this parser version, named as `file`; or undefined. */
  get(sourceSha256: string, sidecar: Sidecar, file: string): ReportRecord | undefined;
  set(sourceSha256: string, sidecar: Sidecar, record: ReportRecord): void;
}

export function openIngestCache(dir = DEFAULT_CACHE_DIR, version = parserVersion()): IngestCache {
  const pathOf = (sha: string, sidecar: Sidecar) => join(dir, `${cacheKey(sha, sidecar, version)}.json`);
  return {
    get(sha, sidecar, file) {
      const path = pathOf(sha, sidecar);
      if (!existsSync(path)) return undefined;
      try {
        const record = JSON.parse(readFileSync(path, 'utf8')) as ReportRecord;
        if (record.source?.sha256 !== sha) return undefined;
        return { ...record, source: { ...record.source, file } };
      } catch {
        return undefined; // An unreadable entry is a miss: the source is parsed again and the entry rewritten.
      }
    },
    set(sha, sidecar, record) {
      mkdirSync(dir, { recursive: true });
      const path = pathOf(sha, sidecar);
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(record));
      renameSync(temporary, path);
    },
  };
}
