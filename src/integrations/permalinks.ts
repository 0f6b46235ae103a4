/**
 * Permanent links. Councillors paste our URLs (`/reports/<report>/#para-41`) into minutes that are kept for
 * decades, so once the archive has published a URL it must keep working.
 *
 * After each build of the repository's own archive this integration compares the build with
 * `content/permalinks.json` (src/lib/permalinks/manifest.ts) and FAILS the build, naming every URL that would
 * disappear, unless `content/redirects.json` (src/lib/permalinks/redirects.ts) sends it somewhere that exists. It
 * then writes what the redirects need: a page at each moved page's old address, `_redirects` for hosts that read it,
 * and the table of moved anchors that src/client/permalinks/follow-moved-anchor.ts, added to every page when an
 * anchor has moved, follows. URLs the build publishes that the list does not have yet are reported, never added
 * silently: `npm run permalinks:update` adds them.
 *
 * Builds from another folder of sources (`npm run build -- --sources <dir>`) are a different archive: the list and
 * the redirects are the repository's, so they are not applied there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { DEFAULT_REPORTS_DIR, reportsDir } from '../lib/archive-paths.ts';
import { collectPublished, disappearingUrls, MANIFEST_FILE, readManifest, unlistedUrls } from '../lib/permalinks/manifest.ts';
import { anchorMoves, readRedirects, redirectPage, redirectProblems, redirectsFile, REDIRECTS_FILE } from '../lib/permalinks/redirects.ts';

const FOLLOW_MOVED_ANCHOR = fileURLToPath(new URL('../client/permalinks/follow-moved-anchor.ts', import.meta.url));

/** A staged build (scripts/lib/publish.ts) reads its records from staging and says where they will be published. */
function isRepositoryArchive(): boolean {
  return resolve(process.env.ARCHIVE_PUBLISHES_TO || reportsDir()) === resolve(DEFAULT_REPORTS_DIR);
}

export default function permalinks(): AstroIntegration {
  let site = '';
  const applies = isRepositoryArchive();
  return {
    name: 'permalinks',
    hooks: {
      'astro:config:setup': ({ injectScript }) => {
        if (applies && Object.keys(anchorMoves(readRedirects())).length) injectScript('page', `import ${JSON.stringify(FOLLOW_MOVED_ANCHOR)};`);
      },
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (!applies) {
          logger.info(`not checked: ${reportsDir()} is not the repository's archive, so ${MANIFEST_FILE} does not describe it`);
          writeFileSync(join(outDir, '_redirects'), redirectsFile([]));
          return;
        }
        const redirects = readRedirects();
        const published = collectPublished(outDir);
        const problems = redirectProblems(redirects, published);
        if (problems.length) throw new Error(`${REDIRECTS_FILE} has problems:\n  ${problems.join('\n  ')}`);

        const manifest = readManifest();
        if (manifest === null) {
          logger.warn(`${MANIFEST_FILE} is missing, so nothing protects published links: run \`npm run permalinks:update\``);
        } else {
          const missing = disappearingUrls(manifest, published, redirects);
          if (missing.length) {
            throw new Error(
              `${missing.length} published URL${missing.length === 1 ? '' : 's'} would disappear:\n  ${missing.join('\n  ')}\n` +
                `Published links must keep working. Restore them, or add a redirect for each to ${REDIRECTS_FILE} ` +
                '({ "from": "/old/", "to": "/new/" } or { "from": "/reports/x/#para-3", "to": "/reports/y/#para-3" }).',
            );
          }
          const fresh = unlistedUrls(manifest, published);
          if (fresh.length) {
            logger.warn(
              `${fresh.length} new URL${fresh.length === 1 ? ' is' : 's are'} not yet in ${MANIFEST_FILE}, so not yet protected ` +
                `(run \`npm run permalinks:update\` and commit it): ${fresh.slice(0, 10).join(', ')}${fresh.length > 10 ? ', …' : ''}`,
            );
          }
        }

        mkdirSync(join(outDir, '_permalinks'), { recursive: true });
        writeFileSync(join(outDir, '_permalinks', 'anchors.json'), `${JSON.stringify(anchorMoves(redirects))}\n`);
        for (const { from, to } of redirects) {
          if (from.includes('#') || !from.endsWith('/')) continue;
          const file = join(outDir, `.${from}`, 'index.html');
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, redirectPage(to, new URL(to, site).href));
        }
        writeFileSync(join(outDir, '_redirects'), redirectsFile(redirects));
        logger.info(`${published.pages.length} pages and their anchors checked against ${MANIFEST_FILE}; ${redirects.length} redirects written`);
      },
    },
  };
}
