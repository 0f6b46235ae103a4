/**
 * npm run permalinks:update   build the repository's archive, then add every URL it publishes that
 *                             content/permalinks.json does not list yet. Only ever adds: a URL leaves the list only
 *                             by a deliberate edit, because readers may hold links to it for decades.
 *
 * The build itself still fails if a listed URL would disappear (src/integrations/permalinks.ts), so this command
 * cannot paper over a broken link: restore the URL or declare a redirect in content/redirects.json first.
 */
import { spawnSync } from 'node:child_process';
import { collectPublished, mergeManifests, readManifest, writeManifest, MANIFEST_FILE } from '../src/integrations/permalinks.ts';

const build = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error(`\nThe build failed, so ${MANIFEST_FILE} was not updated.`);
  process.exit(build.status ?? 1);
}

const before = readManifest() ?? { pages: [], files: [], anchors: {} };
const after = mergeManifests(before, collectPublished('dist'));
const count = (m: typeof before) => m.pages.length + m.files.length + Object.values(m.anchors).reduce((n, a) => n + a.length, 0);
writeManifest(after);
console.log(`${MANIFEST_FILE}: ${count(after) - count(before)} URLs added (${count(after)} listed). Commit it with the change that published them.`);
