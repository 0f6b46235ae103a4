// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import searchIndex from './src/integrations/search-index.ts';
import permalinks from './src/integrations/permalinks.ts';
import offline from './src/integrations/offline.ts';
import dataExports from './src/integrations/data-exports.ts';
import { siteAddress } from './src/lib/site/address.ts';

export default defineConfig({
  // The public address, from ARCHIVE_SITE_URL (or this machine's preview address): see src/lib/site/address.ts.
  site: siteAddress(process.env).href,
  trailingSlash: 'always',
  // Benchmarks build other corpora side by side without touching the archive's own dist/.
  outDir: process.env.ARCHIVE_OUT_DIR ?? './dist',
  // …each with its own content cache, so two corpora never share a data store.
  ...(process.env.ARCHIVE_OUT_DIR && { cacheDir: `${process.env.ARCHIVE_OUT_DIR}.astro-cache` }),
  // dataExports and searchIndex before offline: the service worker lists every built file with its hash, and the
  // search index is precached, each report's search files listed.
  // permalinks last: it checks every file the others have written against content/permalinks.json.
  // No MDX integration: no page is MDX, and the records' .mdx files are read by src/lib/ingest/report-loader.ts.
  integrations: [sitemap(), dataExports(), searchIndex(), offline(), permalinks()],
  build: { inlineStylesheets: 'never', concurrency: 4 },
  // Never inline scripts into pages (Vite would inline those under 4 kB): the Content-Security-Policy allows
  // scripts from this site's files only, never inline ones.
  vite: { build: { assetsInlineLimit: 0 } },
});
