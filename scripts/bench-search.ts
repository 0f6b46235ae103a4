/**
 * The search benchmark: the archive's search page, a query typed against the same query opened from the address.
 *
 *   node scripts/bench-search.ts [--dist dist] [--runs 3] [--results bench/results/search.md] [--query "…" …] [--http2] [--in-place]
 *                                [--driver playwright|cdp]
 *
 * Build first (`npm run build`). For each query, in a new browser context (cold cache), a reader opens the search
 * page, clicks the search box and types the query; measured are
 *   - bytes: every response body the server sent, gzip where the type compresses (HTML, CSS, JS, JSON, SVG),
 *     from opening the page until the network has been idle for IDLE_MS after the excerpts were painted, counted at
 *     the server;
 *   - time: from the last keystroke (its keydown) to the first paint of results (the first change of the results
 *     list after that keydown, then the next frame), and to the first paint with the first passage's excerpt; and
 *     whether the links first painted are the finished search's (the same passages in the same order).
 * And the same page opened with the query in its address, nothing typed: the bytes the finished query alone needs,
 * which the typed search must not exceed. Medians of --runs. The site is served from a copy of the build taken at
 * the start, so a rebuild meanwhile cannot disturb the run; `--in-place` serves the folder itself, for a site nothing
 * rebuilds, such as one put together for the run (1.3 GB at 5,000 reports takes minutes to copy on a loaded machine).
 * The server speaks HTTP/1.1, over which Chromium opens six connections to a host, so the seventh request at once
 * waits for one of the first six; `--http2` serves the same over HTTP/2 (TLS with a certificate made for the run), as
 * most static hosts do, where they all go at once. `--driver cdp` drives the browser over the DevTools protocol alone
 * instead of Playwright, which has every request reported to its Node process (scripts/lib/bench-browser.ts): the
 * same measure, without the driver's cost per request, to set beside Playwright's figures.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ALL_PASSAGE_INDEXES_URL, PASSAGE_FILES_PATH, POSTINGS_PATH } from '../src/lib/search/passage-index.ts';
import { FACETS_URL, INDEX_META_URL, TERMS_PATH, type IndexMeta } from '../src/lib/search/report-index.ts';
import { VOCABULARY_PATH } from '../src/lib/search/suggest.ts';
import { DRIVER_LABEL, driverOf, launchBenchBrowser, type BenchBrowser } from './lib/bench-browser.ts';

const QUERIES = ['bed and breakfast', 'return home interviews', 'private fostering', 'social work academy', 'the'];
/** A brisk typist: about 100 ms between keys. */
const KEY_DELAY_MS = 100;
const IDLE_MS = 500;

const { values: options } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '3' },
    results: { type: 'string', default: 'bench/results/search.md' },
    /** Measure these queries instead of the fixed ones (to look into one; the published figures use all). */
    query: { type: 'string', multiple: true },
    /** Serve over HTTP/2 instead of HTTP/1.1 (figures labelled as such: the published ones are HTTP/1.1's). */
    http2: { type: 'boolean', default: false },
    'in-place': { type: 'boolean', default: false },
    /** Who drives the browser: Playwright, or the DevTools protocol alone (no request reported to the driver). */
    driver: { type: 'string', default: 'playwright' },
  },
});
const driver = driverOf(options.driver);
const built = resolve(options.dist!);
const runs = Number(options.runs);

// ---- the server: the copy of the site, counting every byte it sends ---------------------------------------------

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
};
const compressible = (path: string) => extname(path) in TYPES;

interface Traffic {
  bytes: number;
  requests: Array<{ path: string; bytes: number }>;
  inFlight: number;
  lastActivity: number;
}

/** A copy of the build, to serve for the whole run. */
function copySite(): string {
  const site = mkdtempSync(join(tmpdir(), 'bench-search-'));
  cpSync(built, site, { recursive: true });
  return site;
}

/** A self-signed certificate for 127.0.0.1, made for this run: HTTP/2 in a browser needs TLS. */
function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function startServer(site: string, traffic: Traffic): Promise<{ server: { close(): void }; origin: string }> {
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    traffic.inFlight++;
    traffic.lastActivity = performance.now();
    const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
    const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
    const body = file.startsWith(site + sep) && existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null;
    const done = (bytes: number) => {
      traffic.bytes += bytes;
      traffic.requests.push({ path, bytes });
      traffic.inFlight--;
      traffic.lastActivity = performance.now();
    };
    if (!body) {
      response.writeHead(404).end();
      done(0);
      return;
    }
    const gzip = compressible(file) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
    const sent = gzip ? gzipSync(body) : body;
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? (extname(file) === '.wasm' ? 'application/wasm' : 'application/octet-stream'),
      'content-length': sent.length,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      // As a static host would send them (the contexts start with empty caches anyway); with no-store, Chromium
      // would fetch the favicon again at every address-bar change.
      'cache-control': 'public, max-age=3600',
    });
    response.end(sent, () => done(sent.length));
  };
  // HTTP/2's compatibility API answers the same calls as HTTP/1.1's request and response.
  const server = options.http2 ? createSecureServer(certificate(), serve as unknown as (request: Http2ServerRequest, response: Http2ServerResponse) => void) : createServer(serve);
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      ready({ server, origin: `${options.http2 ? 'https' : 'http'}://127.0.0.1:${address.port}` });
    }),
  );
}

async function networkIdle(traffic: Traffic): Promise<void> {
  while (traffic.inFlight > 0 || performance.now() - traffic.lastActivity < IDLE_MS) {
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

// ---- one measured search -----------------------------------------------------------------------------------------

interface Variant {
  name: string;
  path: string;
  input: string;
  /** A result on screen. */
  hit: string;
  /** The results list, a passage link in it, and a passage's excerpt. */
  list: string;
  link: string;
  excerpt: string;
  /** Opens the page with the query in its address instead of typing it: the bytes the finished query needs alone. */
  arrives?: boolean;
}
const RESULTS = { hit: '.search-hit', list: '#search-results', link: '.search-hit__label', excerpt: '.search-hit__excerpt' };
const VARIANTS: Variant[] = [
  { name: 'archive search', path: '/search/', input: '#search-input', ...RESULTS },
  { name: 'archive search, query in the address', path: '/search/', input: '#search-input', ...RESULTS, arrives: true },
];

interface Measurement {
  bytes: number;
  /** Bytes of the page itself, before the reader touched the search box. */
  pageBytes: number;
  requests: number;
  /** Last keydown to the first paint of results. */
  ms: number;
  /** Last keydown to the first paint of results with the first passage's excerpt. */
  excerptsMs: number;
  /** Whether the first results painted were the finished search's: the same passage links in the same order. */
  sameAsFinal: boolean;
  files: Traffic['requests'];
}

/** One paint of the results list: when it changed, when that frame was painted, and what it showed. */
interface Paint {
  changed: number;
  painted: number;
  /** The passage links shown, in order. */
  links: string;
  /** Whether the first passage shown has its excerpt. */
  excerpt: boolean;
}

/** Runs in the page before its own scripts: keydown times, and when each change of the results list was painted. */
function recordKeysAndPaints({ list, hit, excerpt }: { list: string; hit: string; excerpt: string }): void {
  const log = { keys: [] as number[], paints: [] as Paint[] };
  (window as unknown as { benchLog: typeof log }).benchLog = log;
  addEventListener('keydown', () => log.keys.push(performance.now()), true);
  new MutationObserver((mutations) => {
    // Changes of the results list only: the status line's deferred announcement is no result.
    const inList = mutations.some((m) => (m.target instanceof Element ? m.target : m.target.parentElement)?.closest(list));
    if (!inList || !document.querySelector(hit)) return;
    const changed = performance.now();
    const links = [...document.querySelectorAll<HTMLAnchorElement>(hit)].map((a) => a.getAttribute('href')).join(' ');
    const first = document.querySelector(excerpt)?.textContent ?? '';
    // The frame that shows the change is painted after its requestAnimationFrame callbacks; a task queued from one
    // runs once that paint is done.
    requestAnimationFrame(() => setTimeout(() => log.paints.push({ changed, painted: performance.now(), links, excerpt: first.trim() !== '' })));
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function measure(browser: BenchBrowser, origin: string, traffic: Traffic, variant: Variant, query: string): Promise<Measurement> {
  // A new context, without the service worker (either driver blocks it): its precache (the offline shell,
  // bench/results/offline.md) would be counted as the search's bytes, and is fetched once per device, not per search.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.addInitScript(recordKeysAndPaints, { list: variant.list, hit: variant.link, excerpt: variant.excerpt });
    await networkIdle(traffic);
    Object.assign(traffic, { bytes: 0, requests: [] });
    if (variant.arrives) {
      await page.goto(`${origin}${variant.path}?q=${encodeURIComponent(query)}`);
      await page.waitFor(variant.hit, 10_000);
      await networkIdle(traffic);
      return { bytes: traffic.bytes, pageBytes: 0, requests: traffic.requests.length, ms: NaN, excerptsMs: NaN, sameAsFinal: true, files: [...traffic.requests] };
    }
    await page.goto(origin + variant.path);
    await networkIdle(traffic);
    const pageBytes = traffic.bytes;
    await page.click(variant.input);
    await page.type(query, KEY_DELAY_MS);
    // The first paint of results after the last keydown, and the first with the first passage's excerpt.
    const { first, excerpts } = await page.evaluate(
      () =>
        new Promise<{ first: Paint; excerpts: Paint }>((done, fail) => {
          const log = (window as unknown as { benchLog: { keys: number[]; paints: Paint[] } }).benchLog;
          const lastKey = log.keys.at(-1)!;
          const started = performance.now();
          const check = () => {
            const after = log.paints.filter((p) => p.changed > lastKey);
            const withExcerpt = after.find((p) => p.excerpt);
            if (after[0] && withExcerpt) done({ first: { ...after[0], painted: after[0].painted - lastKey }, excerpts: { ...withExcerpt, painted: withExcerpt.painted - lastKey } });
            else if (performance.now() - started > 10_000) fail(new Error('no results painted within 10 s'));
            else setTimeout(check, 10);
          };
          check();
        }),
      undefined,
    );
    await networkIdle(traffic);
    const final = (await page.evaluate((link) => [...document.querySelectorAll(link)].map((a) => a.getAttribute('href')), variant.link)).join(' ');
    return {
      bytes: traffic.bytes,
      pageBytes,
      requests: traffic.requests.length,
      ms: first.painted,
      excerptsMs: excerpts.painted,
      sameAsFinal: first.links === final,
      files: [...traffic.requests],
    };
  } finally {
    await page.close();
  }
}

// ---- report ------------------------------------------------------------------------------------------------------

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** What kind of file a request was, for the breakdown of one search. */
function kindOf(path: string): string {
  if (path.startsWith(PASSAGE_FILES_PATH)) {
    if (/\.\d+\.json$/.test(path)) return 'passage text';
    if (/\.words\.json$/.test(path)) return 'passage postings of one report';
    // Builds before the passage postings (measured side by side): a word file per report and bucket of stems.
    if (/\.w\d+\.json$/.test(path)) return 'word files (per report)';
    return 'passage indexes';
  }
  if (path === ALL_PASSAGE_INDEXES_URL) return 'passage indexes';
  if (path.startsWith(POSTINGS_PATH)) return 'passage postings';
  if (path.startsWith(TERMS_PATH)) return 'term files';
  if (path === INDEX_META_URL) return 'index metadata';
  if (path === FACETS_URL) return 'facets';
  if (path.startsWith(VOCABULARY_PATH)) return 'vocabulary (did you mean)';
  // Its own modules and those it shares with report pages' highlighting (facets.ts, passage-index.ts, stem.ts).
  if (/^\/_astro\/(SearchPage|facets|main|passage-index|stem)\b/.test(path)) return 'archive search script';
  return 'page (HTML, CSS, header script)';
}

async function main(): Promise<void> {
  for (const needed of ['search/index.html', INDEX_META_URL.slice(1)]) {
    if (!existsSync(join(built, needed))) throw new Error(`${join(built, needed)} is missing: run \`npm run build\` first`);
  }
  const site = options['in-place'] ? built : copySite();
  const { reports } = JSON.parse(readFileSync(join(site, INDEX_META_URL), 'utf8')) as IndexMeta;

  const traffic: Traffic = { bytes: 0, requests: [], inFlight: 0, lastActivity: 0 };
  const { server, origin } = await startServer(site, traffic);
  const browser = await launchBenchBrowser(driver, {
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    ignoreHTTPSErrors: options.http2,
  });
  const chromiumVersion = browser.version;
  const rows: Array<{ query: string; results: Record<string, Measurement[]> }> = [];
  // Timings depend on what else the machine is doing: the load average is reported with them.
  const loadBefore = loadavg()[0]!;
  try {
    for (const query of options.query ?? QUERIES) {
      const results: Record<string, Measurement[]> = {};
      for (let run = 0; run < runs; run++) {
        // Alternate the variants, so that neither always runs on a machine warmed by the other.
        for (const variant of run % 2 ? [...VARIANTS].reverse() : VARIANTS) {
          (results[variant.name] ??= []).push(await measure(browser, origin, traffic, variant, query));
        }
      }
      rows.push({ query, results });
      const line = VARIANTS.map((v) => `${v.name} ${kb(median(results[v.name]!.map((m) => m.bytes)))} KB, ${median(results[v.name]!.map((m) => m.ms)).toFixed(0)} ms`);
      line.push(`excerpts ${median(results[VARIANTS[0]!.name]!.map((m) => m.excerptsMs)).toFixed(0)} ms`);
      // The line bench-scale.ts reads starts "archive search <KB> KB, <ms> ms": the typed search, first.
      console.log(`"${query}": ${line.join(' | ')}`);
    }
  } finally {
    await browser.close();
    server.close();
    if (site !== built) rmSync(site, { recursive: true, force: true });
  }
  const load = `${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`;

  const [ours, arrived] = VARIANTS.map((v) => v.name) as [string, string];
  const table = [
    `| query | typed: bytes | query in the address: bytes | typed beyond what the query needs | last keystroke → first result | → excerpts painted | first result = the finished search's |`,
    '|---|---|---|---|---|---|---|',
    ...rows.map(({ query, results }) => {
      const typed = median(results[ours]!.map((m) => m.bytes));
      const needed = median(results[arrived]!.map((m) => m.bytes));
      const same = results[ours]!.filter((m) => m.sameAsFinal).length;
      return `| ${query} | ${kb(typed)} KB | ${kb(needed)} KB | ${kb(Math.max(0, typed - needed))} KB | ${median(results[ours]!.map((m) => m.ms)).toFixed(0)} ms | ${median(results[ours]!.map((m) => m.excerptsMs)).toFixed(0)} ms | ${same} of ${results[ours]!.length} runs |`;
    }),
  ].join('\n');

  // Where the bytes of one search go, from its median-bytes run.
  const example = rows.find((r) => r.query === 'return home interviews') ?? rows[0]!;
  const runsOf = [...example.results[ours]!].sort((a, b) => a.bytes - b.bytes);
  const byKind = new Map<string, { bytes: number; count: number }>();
  for (const { path, bytes } of runsOf[Math.floor(runsOf.length / 2)]!.files) {
    const kind = byKind.get(kindOf(path)) ?? { bytes: 0, count: 0 };
    byKind.set(kindOf(path), { bytes: kind.bytes + bytes, count: kind.count + 1 });
  }
  const breakdownTable = ['| what | bytes (files) |', '|---|---|', ...[...byKind].map(([kind, { bytes, count }]) => `| ${kind} | ${kb(bytes)} KB (${count}) |`)].join('\n');

  const report = `# Search: first search on the archive's search page

Generated by \`npm run bench\` (scripts/bench-search.ts) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores,
Chromium ${chromiumVersion} ${DRIVER_LABEL[driver]}, localhost over ${options.http2 ? '**HTTP/2**' : 'HTTP/1.1'}, a new browser context (cold cache) for every run, medians of ${runs};
load average (1 min) ${load}.
Index: ${reports} reports (src/lib/search/report-index.ts, passage-index.ts) of the archive built in \`${options.dist}\`.

A run opens the search page, clicks the search box and types the query (${KEY_DELAY_MS} ms between keys).
**Bytes**: every response body the server sent from opening the page until the network was idle for ${IDLE_MS} ms
after the excerpts were painted (gzip for HTML, CSS, JS, JSON and SVG), counted at the server. **Time**: from the
keydown of the last key to the first paint of a change of the results list (the passages' links, with their reports),
and to the first paint with the first passage's excerpt; **first result = the finished search's**: in how many runs
the links first painted after the last key were the finished search's, the same passages in the same order. **Query in the address**: the same page opened with the query in its URL,
nothing typed: what the finished query alone needs. The typed search costing no more than that is the check that a
query still being typed fetches nothing the finished query does not need.

${table}

Where the bytes of one typed search go ("${example.query}", median run; number of files in brackets):

${breakdownTable}
`;
  mkdirSync(dirname(options.results!), { recursive: true });
  writeFileSync(options.results!, report);
  console.log(`\n${table}\n\n${breakdownTable}\n\nWritten to ${options.results}`);
}

await main();
