/**
 * npm run fetch                                   every children's services document on Ofsted's reports website that
 *                                                 the archive does not hold: downloaded, checked, filed, then built
 * npm run fetch -- --authority Barnsley           only these authorities (name or URN; repeatable)
 *              --since 2023-01-01                 only documents published on or after the date
 *              --dry-run                          say what would be downloaded; download and write nothing
 *              --no-build                         file the new sources but do not ingest and build
 *              --sources <dir>                    file into another folder of sources (default content/sources)
 *              --base-url <url> --files-url <url> the site (default https://reports.ofsted.gov.uk), and where the files its
 *                                                 links name on https://files.ofsted.gov.uk are downloaded from (a mirror,
 *                                                 or the tests' stand-in); sidecars record the address as listed
 *              --interval <ms> --timeout <ms> --retries <n> --backoff <ms>   politeness (default 1000, 60000, 4, 2000)
 *              --reference <csv>                  the list of authorities that --authority names are looked up in
 *              --cache <dir>                      the ingest cache the checked records go to (default .cache/ingest)
 *              --repository <url>                 named in the User-Agent (default: the GitHub repository in Actions)
 *
 * Each document is checked with the archive's own pipeline (extract, parse, validate) before it is filed as
 * <authority>-<published>-<type>.pdf with a sidecar of the listing's facts; a document the pipeline refuses is
 * reported and left out. A file is written under a temporary name and renamed into place whole, sidecar first, so
 * an interrupted run leaves every source complete. Ends with a table: new, unchanged, refused, failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SOURCES_DIR, LOCAL_AUTHORITIES_FILE } from '../src/lib/archive-paths.ts';
import { buildRecords } from '../src/lib/ingest/build-records.ts';
import { sha256Of } from '../src/lib/sha256.ts';
import { DEFAULT_CACHE_DIR, openIngestCache } from '../src/lib/ingest/cache.ts';
import { MAX_SOURCE_BYTES } from '../src/lib/ingest/decode.ts';
import { checkSourceName } from '../src/lib/ingest/source-name.ts';
import { parseSidecar } from '../src/lib/ingest/validate.ts';
import { parseTaxonomy } from '../src/lib/link/themes.ts';
import { slugify } from '../src/lib/parse/text.ts';
import { SourceError } from '../src/lib/source-error.ts';
import type { Sidecar } from '../src/schemas/report.ts';
import { resolveAuthorities } from '../src/lib/fetch/authorities.ts';
import { parseLocalAuthorities } from '../src/lib/site/local-authorities.ts';
import { createClient, FetchError } from '../src/lib/fetch/http.ts';
import { planFetch, sidecarFor, type Candidate, type HeldSource } from '../src/lib/fetch/plan.ts';
import {
  DEFAULT_BASE_URL,
  DEFAULT_FILES_URL,
  downloadUrl,
  listingUrl,
  parseListing,
  parseProviderPage,
  SiteStructureError,
  type Provider,
  type Publication,
} from '../src/lib/fetch/site.ts';
import { progressReporter, summaryTable, type Outcome } from '../src/lib/fetch/summary.ts';

/** Names of files being written: never a source name (ingest reads .pdf, .txt and .json), swept away at the start. */
const PARTIAL = '.fetch-partial';
/** More listing pages than this means the site ignores `start` and repeats itself. */
const MAX_LISTING_PAGES = 50;

const { values } = parseArgs({
  options: {
    authority: { type: 'string', multiple: true, default: [] },
    since: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    sources: { type: 'string', default: DEFAULT_SOURCES_DIR },
    reference: { type: 'string', default: LOCAL_AUTHORITIES_FILE },
    'base-url': { type: 'string', default: DEFAULT_BASE_URL },
    'files-url': { type: 'string', default: DEFAULT_FILES_URL },
    interval: { type: 'string', default: '1000' },
    timeout: { type: 'string', default: '60000' },
    retries: { type: 'string', default: '4' },
    backoff: { type: 'string', default: '2000' },
    repository: { type: 'string' },
    cache: { type: 'string', default: DEFAULT_CACHE_DIR },
  },
});

function usage(problem: string): never {
  console.error(`${problem}\nUsage: npm run fetch -- [--authority <name|URN>]… [--since YYYY-MM-DD] [--dry-run] [--no-build] [--base-url <url>]`);
  process.exit(2);
}

function numberOption(name: 'interval' | 'timeout' | 'retries' | 'backoff'): number {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < 0) usage(`--${name} ${JSON.stringify(values[name])}: expected a number of ${name === 'retries' ? 'retries' : 'milliseconds'}`);
  return value;
}

if (values.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.since)) usage(`--since ${JSON.stringify(values.since)}: expected a date such as 2023-01-01`);
for (const name of ['base-url', 'files-url'] as const) {
  if (!URL.canParse(values[name])) usage(`--${name} ${JSON.stringify(values[name])}: expected an address such as https://reports.ofsted.gov.uk`);
}
const sourcesDir = values.sources;
if (!existsSync(sourcesDir)) usage(`${sourcesDir}: the sources folder does not exist`);

/** The User-Agent names the project and where to find it, so the site's operators know who is asking. */
function userAgent(): string {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string; repository?: string | { url: string } };
  const fromPackage = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const fromCi = process.env.GITHUB_REPOSITORY ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}` : undefined;
  const repository = values.repository ?? fromCi ?? fromPackage ?? 'an open archive of Ofsted children\'s services reports';
  return `${pkg.name}/${pkg.version} (${URL.canParse(repository) ? '+' : ''}${repository})`;
}

const progress = progressReporter(process.stderr);
const client = createClient({
  userAgent: userAgent(),
  intervalMs: numberOption('interval'),
  timeoutMs: numberOption('timeout'),
  retries: numberOption('retries'),
  backoffMs: numberOption('backoff'),
  onRetry: (url, reason, waitMs) => progress.step(`${reason} from ${url}; trying again in ${(waitMs / 1000).toFixed(1)} s`),
});

/** Every source the folder holds (and the originals kept beside seeds), with its SHA-256 and its sidecar's address. */
function heldSources(dir: string): HeldSource[] {
  const held: HeldSource[] = [];
  for (const folder of [dir, join(dir, 'originals')]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!['.pdf', '.txt'].includes(extname(name).toLowerCase())) continue;
      const sidecarPath = join(folder, name.replace(/\.[^.]+$/, '.json'));
      const url = existsSync(sidecarPath) ? (parseSidecar(readFileSync(sidecarPath, 'utf8'), basename(sidecarPath)).url ?? null) : null;
      held.push({ file: folder === dir ? name : `originals/${name}`, sha256: sha256Of(readFileSync(join(folder, name))), url });
    }
  }
  return held;
}

/** Writes a file under a temporary name beside its target, then renames it into place: it appears whole or not at all. */
function writeWhole(path: string, content: string | Uint8Array): void {
  const partial = join(resolve(path, '..'), `.${basename(path)}${PARTIAL}`);
  writeFileSync(partial, content);
  renameSync(partial, path);
}

/** What a previous run killed mid-write (by SIGKILL or a power cut) may have left: temporary files, never sources. */
function sweepPartials(dir: string): void {
  for (const name of readdirSync(dir)) if (name.endsWith(PARTIAL)) rmSync(join(dir, name), { force: true });
}

async function getPage(url: string): Promise<string> {
  progress.step(`reading ${url}`);
  return new TextDecoder().decode((await client.get(url)).body);
}

/**
 * Every provider of the listing, page by page, `start` advancing by as many as the page held (the site serves at
 * most 100 whatever `rows` asks), until a page holds none, or only ones already seen (a site ignoring `start`).
 */
async function listProviders(baseUrl: string): Promise<Provider[]> {
  const providers = new Map<string, Provider>();
  for (let page = 0, start = 0; page < MAX_LISTING_PAGES; page++) {
    const url = listingUrl(baseUrl, start);
    const found = parseListing(await getPage(url), url);
    if (page === 0 && found.length === 0) throw new SiteStructureError('no provider links (<a href="…/provider/…/<URN>">)', url);
    const before = providers.size;
    for (const provider of found) providers.set(provider.urn, provider);
    if (found.length === 0 || providers.size === before) break;
    start += found.length;
  }
  return [...providers.values()];
}

/** A document's name in messages, before it has its archive name: "Barnsley, children's services inspection, 2021-11-19". */
const describe = ({ provider, publication }: Candidate) => `${provider.name}, ${publication.kind.toLowerCase()}, ${publication.published}`;

/**
 * Downloads one document, checks it with the archive's pipeline and files it. Never throws for a problem with the
 * document or the download: that is the outcome.
 */
async function fetchDocument(candidate: Candidate, held: HeldSource[], check: Checker): Promise<Outcome> {
  const { url } = candidate.publication;
  const document = describe(candidate);
  const from = downloadUrl(url, { baseUrl: values['base-url'], filesUrl: values['files-url'] });
  if (!from) return { status: 'failed', document, url, reason: `not downloaded: the link leads away from ${values['base-url']} and ${DEFAULT_FILES_URL}` };
  let body: Uint8Array;
  try {
    const response = await client.get(from, { maxBytes: MAX_SOURCE_BYTES.pdf });
    if (/text\/html/i.test(response.contentType)) {
      return { status: 'failed', document, url, reason: `the server sent a web page (${response.contentType}) where a PDF was expected` };
    }
    body = response.body;
  } catch (error) {
    if (error instanceof FetchError) return { status: 'failed', document, url, reason: error.message };
    throw error;
  }

  const sha256 = sha256Of(body);
  const same = held.find((h) => h.sha256 === sha256);
  if (same) {
    recordAddress(same, sidecarFor(candidate));
    return { status: 'unchanged', file: same.file, url };
  }

  const sidecar = sidecarFor(candidate);
  const provisional = `${slugify(candidate.provider.name)}-${candidate.publication.published}-${candidate.documentType}.pdf`;
  const checked = await check(body, sha256, sidecar, provisional);
  if ('reason' in checked) return { status: 'refused', document, url, reason: checked.reason };
  const file = `${checked.slug}.pdf`;
  try {
    checkSourceName(file); // the rule every source comes in by (src/lib/ingest/source-name.ts)
  } catch (error) {
    return { status: 'refused', document, url, reason: (error as Error).message };
  }
  const taken = held.find((h) => h.file.replace(/\.[^.]+$/, '') === checked.slug);
  if (taken) {
    return { status: 'refused', document, url, reason: `it would publish the same page as ${taken.file} (/reports/${checked.slug}/), which is a different file: compare the two and keep one` };
  }
  // The sidecar first: a PDF is only ever read with its facts beside it.
  writeWhole(join(sourcesDir, `${checked.slug}.json`), `${JSON.stringify(sidecar, null, 2)}\n`);
  writeWhole(join(sourcesDir, file), body);
  held.push({ file, sha256, url });
  return { status: 'new', file, url };
}

/**
 * A held source found again at an address its sidecar did not record (the bundled corpus came without addresses):
 * its sidecar gains the address and URN, so the next run knows it without downloading it. Nothing else changes,
 * so its page keeps its URL.
 */
function recordAddress(held: HeldSource, listed: Sidecar): void {
  if (held.url || held.file.startsWith('originals/')) return;
  const sidecarPath = join(sourcesDir, held.file.replace(/\.[^.]+$/, '.json'));
  const current = existsSync(sidecarPath) ? parseSidecar(readFileSync(sidecarPath, 'utf8'), basename(sidecarPath)) : {};
  writeWhole(sidecarPath, `${JSON.stringify({ ...current, url: listed.url, urn: listed.urn }, null, 2)}\n`);
  held.url = listed.url ?? null;
}

type Checker = (bytes: Uint8Array, sha256: string, sidecar: Sidecar, file: string) => Promise<{ slug: string } | { reason: string }>;

/** The archive's own pipeline, as ingest runs it: extract the text, parse, link, validate. Its record warms the ingest cache. */
async function pipelineChecker(): Promise<Checker> {
  const { extractPdfText } = await import('../src/lib/extract/pdf.ts');
  const taxonomy = parseTaxonomy(JSON.parse(readFileSync('content/themes.json', 'utf8')));
  const cache = openIngestCache(values.cache);
  return async (bytes, sha256, sidecar, file) => {
    try {
      const { text } = await extractPdfText(bytes, file);
      const { records, errors } = buildRecords([{ file, format: 'pdf', text, sha256, sidecar }], taxonomy, { cache });
      if (errors.length) return { reason: errors.map((e) => e.message).join('; ') };
      return { slug: records[0]!.slug };
    } catch (error) {
      if (error instanceof SourceError) return { reason: error.message };
      return { reason: `could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}

/** The --authority values → URN and name of each, through the reference list; a usage error for an unknown one. */
function wantedAuthorities(asked: string[]): Map<string, string> {
  if (!existsSync(values.reference)) usage(`${values.reference}: the reference list of local authorities is missing, so --authority names cannot be looked up`);
  const authorities = parseLocalAuthorities(readFileSync(values.reference, 'utf8'), values.reference);
  try {
    return new Map(resolveAuthorities(asked, authorities).map((a) => [a.urn, a.name]));
  } catch (error) {
    usage((error as Error).message);
  }
}

async function main(): Promise<number> {
  const wanted = values.authority.length ? wantedAuthorities(values.authority) : null;
  sweepPartials(sourcesDir);
  const held = heldSources(sourcesDir);

  const outcomes: Outcome[] = [];
  const listed = await listProviders(values['base-url']);
  const providers = wanted ? listed.filter((p) => wanted.has(p.urn)) : listed;
  for (const [urn, name] of wanted ?? []) {
    if (!listed.some((p) => p.urn === urn)) {
      outcomes.push({ status: 'failed', document: `${name} (URN ${urn})`, url: listingUrl(values['base-url'], 0), reason: "not in Ofsted's listing of local authority children's services" });
    }
  }
  const found: Array<{ provider: Provider; publications: Publication[] }> = [];
  for (const [i, provider] of providers.entries()) {
    progress.step(`[${i + 1}/${providers.length}] ${provider.name}: reading its publications`);
    try {
      found.push({ provider, publications: parseProviderPage(await getPage(provider.url), provider.url) });
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      outcomes.push({ status: 'failed', document: `${provider.name}: its page of publications`, url: provider.url, reason: error.message });
    }
  }
  const plan = planFetch(found, held, { since: values.since });
  progress.done();

  const count = found.reduce((n, f) => n + f.publications.length, 0);
  console.log(`${providers.length} authorit${providers.length === 1 ? 'y' : 'ies'} on ${values['base-url']}: ${count} publications, ` +
    `${plan.download.length + plan.unchanged.length} of them children's services documents${values.since ? ` since ${values.since}` : ''}, ${plan.download.length} to download.`);
  const unknown = [...plan.otherKinds].filter(([, k]) => !k.known);
  if (unknown.length) {
    console.log(`Left out, as kinds of document no rule in src/lib/fetch/site.ts knows: ${unknown.map(([kind, k]) => `"${kind}" (${k.count})`).join(', ')}.`);
  }
  outcomes.push(...plan.unchanged.map((c): Outcome => ({ status: 'unchanged', file: c.file, url: c.publication.url })));

  if (values['dry-run']) {
    for (const candidate of plan.download) console.log(`would download: ${describe(candidate)} (${candidate.publication.url})`);
    for (const o of outcomes) if (o.status === 'failed') console.log(`failed: ${o.document}: ${o.reason} (${o.url})`);
    console.log(`\nDry run: ${plan.download.length} to download, ${plan.unchanged.length} already held. Nothing was downloaded or written.`);
    return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
  }

  const check = plan.download.length ? await pipelineChecker() : null;
  for (const [i, candidate] of plan.download.entries()) {
    progress.step(`[${i + 1}/${plan.download.length}] ${describe(candidate)}: downloading`);
    const outcome = await fetchDocument(candidate, held, check!);
    progress.done();
    if (!process.stderr.isTTY || outcome.status !== 'unchanged') console.error(`${outcome.status}: ${'file' in outcome ? outcome.file : outcome.document}`);
    outcomes.push(outcome);
  }
  progress.done();
  console.log(`\n${summaryTable(outcomes)}`);

  const added = outcomes.some((o) => o.status === 'new');
  if (added && !values['no-build']) {
    // The repository's archive is built as `npm run add` builds it, listing the new URLs in the permalink manifest;
    // another folder of sources as `npm run build -- --sources` builds it.
    const [step, args] = sourcesDir === DEFAULT_SOURCES_DIR ? ['scripts/update-permalinks.ts', []] : ['scripts/build.ts', ['--sources', sourcesDir]];
    console.log('\nBuilding the archive with the new sources…');
    const build = spawnSync(process.execPath, [step, ...args], { stdio: 'inherit' });
    if (build.status !== 0) return build.status ?? 1;
    if (sourcesDir === DEFAULT_SOURCES_DIR) console.log('Commit content/sources, content/reports and content/permalinks.json together.');
  }
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    progress.done();
    // The site changing or not answering, or a bad sidecar, is the maintainer's to fix and says what to do; anything
    // else is a bug, so show where. Pages are all read before any document is downloaded.
    if (error instanceof SiteStructureError || error instanceof SourceError) console.error(error.message);
    else if (error instanceof FetchError) console.error(`Could not read ${error.url}: ${error.message}.`);
    else console.error(error instanceof Error ? error.stack : error);
    if (!(error instanceof Error) || error.name !== 'Error') console.error('Stopped: no document was downloaded or written.');
    process.exit(1);
  },
);
