/**
 * The whole-archive data exports (/data/<dataset>.json and .csv), written once the pages are built: straight to
 * disk as they are made (src/lib/exports/write.ts), since Astro gathers a route's whole body in memory before it
 * writes it. Listed before the offline integration, which hashes every built file. `astro dev` does not serve them.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { reportsDir } from '../lib/archive-paths.ts';
import { reportFiles, reportSource } from '../lib/ingest/report-loader.ts';
import { writeDataExports } from '../lib/exports/write.ts';
import { builtSite } from '../lib/site/address.ts';

export default function dataExports(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'data-exports',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const files = await writeDataExports(reportFiles(reportsDir()).map(reportSource), fileURLToPath(dir), builtSite(site));
        logger.info(`${files.length} exports written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
