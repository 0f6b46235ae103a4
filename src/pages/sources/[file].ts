/**
 * Each report's source file, served as the archive holds it, so anyone can check the record against the document.
 * The bytes must still be the ones the record was built from: a changed file stops the build rather than publishing
 * a source that does not match its report.
 */
import type { APIRoute } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getArchive } from '../../lib/site/archive.ts';
import { sourcesDir } from '../../lib/archive-paths.ts';
import type { ReportRecord } from '../../schemas/report.ts';

const CONTENT_TYPES = { text: 'text/plain; charset=utf-8', pdf: 'application/pdf' } as const;

/**
 * One file per report whose source is in the sources folder. A build whose sources are elsewhere and not named by
 * ARCHIVE_SOURCES_DIR publishes no source files, and says so, rather than failing the whole site.
 */
export async function getStaticPaths() {
  const { reports } = await getArchive();
  const found = reports.filter((report) => existsSync(join(sourcesDir(), report.source.file)));
  if (found.length < reports.length) {
    console.warn(`[sources] ${reports.length - found.length} of ${reports.length} source files are not in ${sourcesDir()}: set ARCHIVE_SOURCES_DIR to the folder the records were built from`);
  }
  return found.map((report) => ({ params: { file: report.source.file }, props: { source: report.source, slug: report.slug } }));
}

interface Props {
  source: ReportRecord['source'];
  slug: string;
}

export const GET: APIRoute<Props> = ({ props }) => {
  const { source, slug } = props;
  const bytes = readFileSync(join(sourcesDir(), source.file));
  if (createHash('sha256').update(bytes).digest('hex') !== source.sha256) {
    throw new Error(`/sources/${source.file} has changed since /reports/${slug}/ was built from it: run npm run build to ingest it again`);
  }
  return new Response(bytes, { headers: { 'Content-Type': CONTENT_TYPES[source.format] } });
};
