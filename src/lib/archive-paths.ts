/**
 * Where the archive's generated records live. The repository's own archive is `content/reports`; a build from
 * another folder of sources (`npm run build -- --sources <dir>`) writes its records elsewhere and points the site
 * at them through ARCHIVE_REPORTS_DIR (and at its sources through ARCHIVE_SOURCES_DIR, for the source downloads), so
 * the committed archive is never overwritten.
 */
export const DEFAULT_SOURCES_DIR = 'content/sources';
export const DEFAULT_REPORTS_DIR = 'content/reports';

export function reportsDir(): string {
  return process.env.ARCHIVE_REPORTS_DIR || DEFAULT_REPORTS_DIR;
}

export function sourcesDir(): string {
  return process.env.ARCHIVE_SOURCES_DIR || DEFAULT_SOURCES_DIR;
}

/** Reference data on every English local authority (see content/reference/README.md). */
export const LOCAL_AUTHORITIES_FILE = 'content/reference/local-authorities.csv';
