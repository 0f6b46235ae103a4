/**
 * Reads the archive's records back from the `<slug>.mdx` files the ingest wrote, validated again with the same
 * report schema, for the site and its search index.
 *
 * Not through Astro's content layer: it copies every record into one data store that Vite then bundles into the
 * build as a single module. At 5,000 reports that store was 126 MB and took about a minute (syncing, then bundling)
 * before the first page was written, and held the records in memory twice; read here, they take a few seconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportSchema, type ReportRecord } from '../../schemas/report.ts';
import { readFrontmatter } from './mdx.ts';
import { describeIssues } from './validate.ts';

/** Every record in `dir`, in file-name order; a file that is not a valid record stops the build, named. */
export function loadReports(dir: string): ReportRecord[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => loadReport(join(dir, name)));
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
