/**
 * node scripts/search-index.ts --out <folder>
 *
 * Builds the search index of the archive's records (ARCHIVE_REPORTS_DIR, or content/reports) into
 * `<folder>/search-index/`, replacing what was there. The site build runs it alongside Astro's page generation
 * (src/integrations/search-index.ts), on the other core, and moves the result into the built site.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { reportsDir } from '../src/lib/archive-paths.ts';
import { reportFiles, reportSource } from '../src/lib/ingest/report-loader.ts';
import { parseTaxonomy } from '../src/lib/link/themes.ts';
import { writeSearchIndex } from '../src/lib/search/write-index.ts';

const THEMES_FILE = 'content/themes.json';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
  console.error('usage: node scripts/search-index.ts --out <folder>');
  process.exit(2);
}
const started = performance.now();
// Read one at a time as they are indexed: only their dates and slugs first, to number them.
const reports = reportFiles(reportsDir()).map(reportSource);
const taxonomy = parseTaxonomy(JSON.parse(readFileSync(THEMES_FILE, 'utf8')));
rmSync(join(values.out, 'search-index'), { recursive: true, force: true });
const passages = await writeSearchIndex(reports, new Map(taxonomy.map((theme) => [theme.slug, theme.title])), values.out);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
// Its own peak, which the scale benchmark reads from this line to show it beside the build's.
// maxRSS is in kilobytes (1,024 bytes); the benchmark's megabytes are 10^6 bytes.
const peakMegabytes = Math.round((process.resourceUsage().maxRSS * 1024) / 1e6);
console.log(`${reports.length} reports (${passages} passages) indexed for search in ${seconds} s, peak memory ${peakMegabytes} MB`);
