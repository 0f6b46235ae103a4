/**
 * The ingest's core, without I/O: sources (read by scripts/ingest.ts and scripts/fetch.ts) → parsed, linked and
 * validated records, and every problem found.
 */
import type { ReportRecord, Sidecar } from '../../schemas/report.ts';
import { parseSource } from '../parse/index.ts';
import { linkArchive } from '../link/link-archive.ts';
import type { Taxonomy } from '../link/themes.ts';
import { SourceError } from '../source-error.ts';
import type { IngestCache } from './cache.ts';
import { printedText } from './decode.ts';
import { validateRecord } from './validate.ts';

/** A source document as read from disk: its bytes' text (PDFs already extracted) and its sidecar facts. */
export interface LoadedSource {
  file: string;
  format: 'text' | 'pdf';
  text: string;
  sha256: string;
  sidecar: Sidecar;
}

/** A source the ingest cache already holds the parsed record of (src/lib/ingest/cache.ts): not read again. */
export interface CachedSource {
  file: string;
  record: ReportRecord;
}

/**
 * Every source → one validated, linked record, and every problem found. All sources are parsed even after one
 * fails, so a maintainer sees every bad file in one run. A cached source's record is used as it is, and a freshly
 * parsed one is given to the cache; linking always runs over every record, since a new report changes the others'. Strictly (the default) any problem means no records at
 * all; with `skipInvalid` (building from a folder of documents found in the wild) the bad ones are left out.
 */
export function buildRecords(
  sources: Array<LoadedSource | CachedSource>,
  taxonomy: Taxonomy,
  { skipInvalid = false, cache }: { skipInvalid?: boolean; cache?: IngestCache } = {},
): { records: ReportRecord[]; errors: SourceError[] } {
  const errors: SourceError[] = [];
  const parsed: ReportRecord[] = [];
  for (const source of sources) {
    try {
      if ('record' in source) {
        parsed.push(source.record);
        continue;
      }
      // PDF text is cleaned of characters its fonts carry but its pages do not print (see printedText).
      const record = parseSource(source.format === 'pdf' ? { ...source, text: printedText(source.text) } : source);
      cache?.set(source.sha256, source.sidecar, record);
      parsed.push(record);
    } catch (error) {
      errors.push(asSourceError(error, source.file));
    }
  }
  const duplicates = duplicateSlugErrors(parsed);
  errors.push(...duplicates.map((d) => d.error));
  if (errors.length > 0 && !skipInvalid) return { records: [], errors };
  const unique = parsed.filter((record) => !duplicates.some((d) => d.record === record));

  const records: ReportRecord[] = [];
  for (const record of linkArchive(unique, taxonomy)) {
    try {
      records.push(validateRecord(record, record.source.file));
    } catch (error) {
      errors.push(asSourceError(error, record.source.file));
    }
  }
  return { records: errors.length && !skipInvalid ? [] : records, errors };
}

/** Two sources that describe the same document would publish one URL twice; say which files collide. */
function duplicateSlugErrors(records: ReportRecord[]): Array<{ record: ReportRecord; error: SourceError }> {
  const firstFileOf = new Map<string, string>();
  const errors: Array<{ record: ReportRecord; error: SourceError }> = [];
  for (const record of records) {
    const earlier = firstFileOf.get(record.slug);
    if (earlier) {
      errors.push({
        record,
        error: new SourceError(`it would publish the same page as ${earlier} (/reports/${record.slug}/)`, {
          file: record.source.file,
          hint: 'remove the duplicate source, or give one a sidecar with the right published date or documentType',
        }),
      });
    } else firstFileOf.set(record.slug, record.source.file);
  }
  return errors;
}

/** Anything a parser throws is reported against the file it was parsing; an unexpected crash says so. */
export function asSourceError(error: unknown, file: string): SourceError {
  if (error instanceof SourceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SourceError(`could not be read: ${message}`, {
    file,
    hint: 'this looks like a bug in the archive; please report it with the file',
  });
}
