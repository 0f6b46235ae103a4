/**
 * Each report's source file, served as the archive holds it, so anyone can check the record against the document;
 * and, for a source converted from a publication (a seed's text from Ofsted's PDF), that original publication too
 * (content/sources/originals/, named by the sidecar's "original"). The bytes must still be the ones the record
 * names: a changed file stops the build rather than publishing a source or an original that does not match its report.
 */
import type { APIRoute } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getArchive } from '../../lib/site/archive.ts';
import { sourcesDir } from '../../lib/archive-paths.ts';
import { sha256Of } from '../../lib/sha256.ts';
import { reportUrl } from '../../lib/site/urls.ts';
import { sourceFileUrl } from '../../lib/exports/urls.ts';

const CONTENT_TYPES = { text: 'text/plain; charset=utf-8', pdf: 'application/pdf' } as const;

interface ServedFile {
  file: string;
  sha256: string;
  format: keyof typeof CONTENT_TYPES;
  /** What the file is, for the error if its bytes changed. */
  role: 'source' | 'original';
  slug: string;
}

/**
 * One file per source in the sources folder, and one per original a record names. A build whose sources are
 * elsewhere and not named by ARCHIVE_SOURCES_DIR publishes no source files, and says so, rather than failing the
 * whole site; an original a record names must be there.
 */
export async function getStaticPaths() {
  const { reports } = await getArchive();
  const sources: ServedFile[] = reports
    .filter((report) => existsSync(join(sourcesDir(), report.source.file)))
    .map((report) => ({ ...report.source, role: 'source', slug: report.slug }));
  if (sources.length < reports.length) {
    console.warn(`[sources] ${reports.length - sources.length} of ${reports.length} source files are not in ${sourcesDir()}: set ARCHIVE_SOURCES_DIR to the folder the records were built from`);
  }
  const originals: ServedFile[] = reports.flatMap(({ source, slug }) => {
    if (!source.original) return [];
    if (!existsSync(join(sourcesDir(), source.original.file))) {
      throw new Error(`the sidecar of ${source.file} names the original ${source.original.file}, which is not in ${sourcesDir()}: add the file or remove "original" from the sidecar`);
    }
    return [{ ...source.original, format: 'pdf', role: 'original', slug }];
  });
  return [...sources, ...originals].map((served) => ({ params: { file: served.file }, props: served }));
}

export const GET: APIRoute = ({ props }) => {
  const { file, sha256, format, role, slug } = props as ServedFile;
  const bytes = readFileSync(join(sourcesDir(), file));
  if (sha256Of(bytes) !== sha256) {
    throw new Error(
      role === 'source'
        ? `${sourceFileUrl(file)} has changed since ${reportUrl(slug)} was built from it: run npm run build to ingest it again`
        : `${sourceFileUrl(file)} does not match the SHA-256 its sidecar records for ${reportUrl(slug)}: restore the file, or record its new SHA-256 in the sidecar's "original"`,
    );
  }
  return new Response(bytes, { headers: { 'Content-Type': CONTENT_TYPES[format] } });
};
