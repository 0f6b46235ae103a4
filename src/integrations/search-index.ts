/**
 * Builds the search index after the site is built: one Pagefind record per paragraph and per recommendation, read
 * from the report records (the MDX frontmatter), written to dist/pagefind/.
 *
 * No HTML is indexed at all, so headers, navigation, footers, citation boxes and other boilerplate cannot turn up
 * in results; a hit is always a passage of a report, at its own anchor.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { reportsDir } from '../lib/archive-paths.ts';
import { parseTaxonomy } from '../lib/link/themes.ts';
import { recordFromMdx } from '../lib/search/frontmatter.ts';
import { searchRecords } from '../lib/search/records.ts';

const THEMES_FILE = 'content/themes.json';
/**
 * Records in flight to Pagefind's indexing process at once. One at a time, the round trips dominate (about 3.5 times
 * slower); the index written is byte-identical whatever order the records arrive in.
 */
const BATCH = 500;

function failIfErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Search index: ${step} failed: ${errors.join('; ')}`);
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const folder = reportsDir();
        const reports = readdirSync(folder)
          .filter((name) => name.endsWith('.mdx'))
          .sort()
          .map((name) => recordFromMdx(readFileSync(join(folder, name), 'utf8'), name));
        const taxonomy = parseTaxonomy(JSON.parse(readFileSync(THEMES_FILE, 'utf8')));
        const records = searchRecords(reports, new Map(taxonomy.map((theme) => [theme.slug, theme.title])));

        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        failIfErrors('creating the index', errors);
        try {
          for (let from = 0; from < records.length; from += BATCH) {
            const batch = records.slice(from, from + BATCH);
            const responses = await Promise.all(batch.map((record) => index!.addCustomRecord(record)));
            responses.forEach((response, at) => failIfErrors(`indexing ${batch[at]!.url}`, response.errors));
          }
          failIfErrors('writing the index', (await index!.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) })).errors);
        } finally {
          await pagefind.close();
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`${records.length} passages of ${reports.length} reports indexed for search in ${seconds} s`);
      },
    },
  };
}
