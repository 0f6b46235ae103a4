/**
 * npm run permalinks:update   build the repository's archive, then add every URL it publishes that
 *                             content/permalinks.json does not list yet. Only ever adds: a URL leaves the list only
 *                             by a deliberate edit, because readers may hold links to it for decades.
 *
 * The build itself still fails if a listed URL would disappear (src/integrations/permalinks.ts), so this command
 * cannot paper over a broken link: restore the URL or declare a redirect in content/redirects.json first. The
 * records, dist/ and the list are published together, after the list has been checked against its own pattern.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_REPORTS_DIR, DEFAULT_SOURCES_DIR } from '../src/lib/archive-paths.ts';
import { collectPublished, mergeManifests, readManifest, writeManifest, MANIFEST_FILE, type PermalinkManifest } from '../src/integrations/permalinks.ts';
import { stageSite } from './build.ts';
import { stopWith } from './lib/command-line.ts';
import { beginPublication, publish, PublishError, REPOSITORY, stopOnInterrupt, type Move } from './lib/publish.ts';

const count = (m: PermalinkManifest) => m.pages.length + m.files.length + Object.values(m.anchors).reduce((n, a) => n + a.length, 0);

/**
 * The manifest with every URL the staged site publishes, written into staging and read back through the manifest's
 * own schema, so it never lists a URL that would make every later build refuse it.
 */
export function stageManifest(stagedSite: string): { move: Move; added: number; listed: number } {
  const before = readManifest() ?? { pages: [], files: [], anchors: {} };
  const after = mergeManifests(before, collectPublished(stagedSite));
  const staged = join(REPOSITORY.staging, 'permalinks.json');
  mkdirSync(REPOSITORY.staging, { recursive: true });
  writeManifest(after, staged);
  try {
    readManifest(staged);
  } catch (error) {
    const issues = (error as { issues?: Array<{ path: PropertyKey[] }> }).issues ?? [];
    const written = JSON.parse(readFileSync(staged, 'utf8')) as unknown; // the issues' paths index the file as written
    const urls = issues.map(({ path }) => path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown>)?.[key], written));
    throw new PublishError(
      `${MANIFEST_FILE} would list ${urls.map((url) => JSON.stringify(url)).join(', ') || 'a URL'}, which its own pattern refuses ` +
        '(a site path with no spaces or #). Nothing was published: rename the source or page that publishes it.',
    );
  }
  return { move: { staged, live: MANIFEST_FILE }, added: count(after) - count(before), listed: count(after) };
}

if (import.meta.main) {
  try {
    stopOnInterrupt();
    beginPublication(REPOSITORY);
    const { moves, site } = await stageSite(DEFAULT_SOURCES_DIR, DEFAULT_REPORTS_DIR);
    const manifest = stageManifest(site);
    publish(REPOSITORY, [...moves, manifest.move]);
    console.log(`${MANIFEST_FILE}: ${manifest.added} URLs added (${manifest.listed} listed). Commit it with the change that published them.`);
  } catch (error) {
    stopWith(error);
  }
}
