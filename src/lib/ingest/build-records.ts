/**
 * The ingest's core, without I/O: sources (read by scripts/ingest.ts and scripts/fetch.ts) → parsed, linked and
 * validated records, and every problem found.
 */
import type { ReportRecord, Sidecar } from '../../schemas/report.ts';
import { parseSource } from '../parse/index.ts';
import { linkEach, type LinkingShare } from '../link/link-archive.ts';
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
 * fails, so a maintainer sees every bad file in one run. Strictly (the default) any problem means no records at
 * all; with `skipInvalid` (building from a folder of documents found in the wild) the bad ones are left out.
 */
export function buildRecords(
  sources: Array<LoadedSource | CachedSource>,
  taxonomy: Taxonomy,
  { skipInvalid = false, cache }: { skipInvalid?: boolean; cache?: IngestCache } = {},
): { records: ReportRecord[]; errors: SourceError[] } {
  const parsed = parseRecords(sources, { cache });
  if (parsed.errors.length > 0 && !skipInvalid) return { records: [], errors: parsed.errors };
  // In the order of the sources.
  const byIndex: ReportRecord[] = [];
  const linked = linkRecords(parsed.records, taxonomy, (record, index) => (byIndex[index] = record));
  const errors = [...parsed.errors, ...linked.errors];
  return { records: errors.length && !skipInvalid ? [] : byIndex.filter(Boolean), errors };
}

/**
 * Every source → its parsed, unlinked record (each source only once: two that would publish the same page are
 * both reported), and every problem found. A cached source's record is used as it is, and a freshly parsed one is
 * given to the cache. Kept apart from linking so that a caller holding many sources can let their text go before
 * the archive is linked.
 */
export function parseRecords(
  sources: Array<LoadedSource | CachedSource>,
  { cache }: { cache?: IngestCache } = {},
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
  return { records: parsed.filter((record) => !duplicates.some((d) => d.record === record)), errors };
}

/**
 * Links parsed records across the archive (linking always runs over every record, since a new report changes the
 * others') and validates each, handing each valid record to `accept` as soon as it is ready (in slug order, with
 * its index in `records`), and returning the records that failed validation as errors. The linked records are never all held here: a caller
 * that writes each one and lets it go keeps memory to about one record's worth beyond the linker's own. With a
 * `share`, only that share's records (see `LinkingShare`).
 */
export function linkRecords(
  records: readonly ReportRecord[],
  taxonomy: Taxonomy,
  accept: (record: ReportRecord, index: number) => void,
  share?: LinkingShare,
): { errors: SourceError[] } {
  const errors: SourceError[] = [];
  for (const { record, index } of linkEach(records, taxonomy, share)) {
    let valid: ReportRecord;
    try {
      valid = validateRecord(record, record.source.file);
    } catch (error) {
      errors.push(asSourceError(error, record.source.file));
      continue;
    }
    accept(valid, index);
  }
  return { errors };
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
