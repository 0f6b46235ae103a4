/**
 * Reads the archive's records back from the `<slug>.mdx` files the ingest wrote, validated again with the same
 * report schema, for the site and its search index.
 *
 * Not through Astro's content layer: it copies every record into one data store that Vite then bundles into the
 * build as a single module. At 5,000 reports that store was 126 MB and took about a minute (syncing, then bundling)
 * before the first page was written, and held the records in memory twice; read here, they take a few seconds.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { reportSchema, type ReportRecord } from '../../schemas/report.ts';
import { readFrontmatter } from './mdx.ts';
import { describeIssues } from './validate.ts';

/** Every record in `dir`, in file-name order; a file that is not a valid record stops the build, named. */
export function loadReports(dir: string): ReportRecord[] {
  return reportFiles(dir).map(loadReport);
}

/** The record files in `dir`, in file-name order. */
export function reportFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => join(dir, name));
}

/** A record known by what orders it, read whole only when `load` is called: no more than one need be held at once. */
export interface ReportSource {
  published: string;
  slug: string;
  /** Read from the same lines (and checked on load like the others): the data exports name a later document's type. */
  documentType: ReportRecord['documentType'];
  load(): ReportRecord;
}

/** Bytes at the start of a record file that hold its slug, type and date: `renderReportMdx` writes them among the first keys. */
const HEAD_BYTES = 4096;
/**
 * A top-level string field of the frontmatter as `renderReportMdx` writes it (one key a line, indented by one space),
 * when it holds no escape; undefined otherwise.
 */
const topLevelString = (head: string, key: string) => new RegExp(`^ "${key}": "([^"\\\\\\n]*)",?$`, 'm').exec(head)?.[1];

/**
 * A record file as a `ReportSource`: its slug and date from the file's first lines (the whole frontmatter when they
 * are not there), the record read and validated when loaded, and checked to be the one those lines named.
 */
export function reportSource(file: string): ReportSource {
  const buffer = Buffer.alloc(HEAD_BYTES);
  const descriptor = openSync(file, 'r');
  let head: string;
  try {
    head = buffer.toString('utf8', 0, readSync(descriptor, buffer, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(descriptor);
  }
  let slug = topLevelString(head, 'slug');
  let published = topLevelString(head, 'published');
  // Any string: a value the schema does not allow fails when the record is loaded, as the check below does.
  let documentType = topLevelString(head, 'documentType') as ReportRecord['documentType'] | undefined;
  if (slug === undefined || published === undefined || documentType === undefined) ({ slug, published, documentType } = loadReport(file));
  const expected = { slug, published, documentType };
  return {
    ...expected,
    load() {
      const record = loadReport(file);
      if (record.slug !== expected.slug || record.published !== expected.published || record.documentType !== expected.documentType) {
        throw new Error(`${file}: changed while it was being read (slug "${record.slug}", published ${record.published}, type ${record.documentType}; a moment before "${expected.slug}", ${expected.published}, ${expected.documentType}). Run the build again.`);
      }
      return record;
    },
  };
}

/** One record file (`<slug>.mdx`), validated; a file that is not a valid record throws, naming it. */
export function loadReport(file: string): ReportRecord {
  const raw = readFrontmatter(readFileSync(file, 'utf8'), file);
  const result = reportSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(`${file}: not a valid report record: ${describeIssues(result.error, raw)}. Run \`npm run ingest\` to write it again from its source.`);
  }
  return result.data;
}
