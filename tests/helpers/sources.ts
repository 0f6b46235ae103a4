/**
 * A text source of content/sources parsed as the ingest parses it: its bytes, the sidecar beside it (if any) read
 * through the sidecar schema, its SHA-256. One definition for every test that starts from a real source.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseSource } from '../../src/lib/parse/index.ts';
import { sha256Of } from '../../src/lib/sha256.ts';
import { sidecarSchema, type ReportRecord } from '../../src/schemas/report.ts';

export const SOURCES_DIR = new URL('../../content/sources/', import.meta.url);

/** `file` is a .txt name in content/sources (e.g. `gloucestershire-2022-04-01-inspection.txt`). */
export function parseTextSource(file: string): ReportRecord {
  const bytes = readFileSync(new URL(file, SOURCES_DIR));
  const sidecarFile = new URL(file.replace(/\.txt$/, '.json'), SOURCES_DIR);
  const sidecar = sidecarSchema.parse(existsSync(sidecarFile) ? JSON.parse(readFileSync(sidecarFile, 'utf8')) : {});
  return parseSource({ text: bytes.toString('utf8'), file, format: 'text', sha256: sha256Of(bytes), sidecar });
}

/** Every .txt source of content/sources (the five seeds and the council reports), parsed, in file-name order. */
export function parseTextSources(): ReportRecord[] {
  return readdirSync(SOURCES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map(parseTextSource);
}
