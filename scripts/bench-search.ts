/**
 * The search benchmark: the archive's search page against Pagefind's default UI on the same build and index.
 *
 *   node scripts/bench-search.ts [--dist dist] [--runs 3] [--results bench/results/search.md] [--query "…" …]
 *
 * Build first (`npm run build`). For each query and each variant, in a new browser context (cold cache), a reader
 * opens the search page, clicks the search box and types the query; measured are
 *   - bytes: every response body the server sent, gzip where the type compresses (HTML, CSS, JS, JSON, SVG),
 *     from opening the page until the network has been idle for IDLE_MS, counted at the server so that the
 *     Web Worker's and the wasm's fetches are included;
 *   - time: from the last keystroke (its keydown) to the first paint of results for the full query (the first
 *     results DOM change after that keydown, then the next frame).
 * Medians of --runs. The site is served from a copy of the build taken at the start (so a rebuild meanwhile cannot
 * disturb the run), and the default UI's page is written into that copy only: made from the built search page (same
 * header, same stylesheet, the default UI in place of ours), it is never part of the published site.
 */
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
// @playwright/test's browser API: the Playwright build pinned to the installed Chromium 156.
import { chromium, type Browser } from '@playwright/test';

const QUERIES = ['bed and breakfast', 'return home interviews', 'private fostering', 'social work academy', 'the'];
/** A brisk typist: about 100 ms between keys. The default UI's own debounce waits for a pause longer than this. */
const KEY_DELAY_MS = 100;
const IDLE_MS = 500;
const DEFAULT_UI_PATH = '/bench/default-ui/';

const { values: options } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '3' },
    results: { type: 'string', default: 'bench/results/search.md' },
    /** Measure these queries instead of the fixed ones (to look into one; the published figures use all). */
    query: { type: 'string', multiple: true },
  },
});
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
/** Pagefind's index files (.pf_*, .pagefind) are gzip inside already; they go out as they are. */
const compressible = (path: string) => extname(path) in TYPES;

interface Traffic {
  bytes: number;
  requests: Array<{ path: string; bytes: number }>;
  inFlight: number;
  lastActivity: number;
}

function defaultUiPage(site: string): string {
  const ours = readFileSync(join(site, 'search/index.html'), 'utf8');
  const main = /<main\b[^>]*>[\s\S]*<\/main>/;
  if (!main.test(ours)) throw new Error('dist/search/index.html has no <main>: is this the archive build?');
  return ours
    .replace('</head>', '<link rel="stylesheet" href="/pagefind/pagefind-ui.css"><script src="/pagefind/pagefind-ui.js"></script></head>')
    .replace(
      main,
      () =>
        `<main id="main"><h1>Search the archive</h1><div id="search"></div><script src="${DEFAULT_UI_INIT}"></script></main>`,
    );
}
/** The default UI's one line of set-up, as a file: the site's Content-Security-Policy allows no inline script. */
const DEFAULT_UI_INIT = `${DEFAULT_UI_PATH}init.js`;

/** A copy of the build with the default UI's page added, to serve for the whole run. */
function copySite(): string {
  const site = mkdtempSync(join(tmpdir(), 'bench-search-'));
  cpSync(built, site, { recursive: true });
  mkdirSync(join(site, DEFAULT_UI_PATH), { recursive: true });
  writeFileSync(join(site, DEFAULT_UI_PATH, 'index.html'), defaultUiPage(site));
  writeFileSync(join(site, DEFAULT_UI_INIT), `new PagefindUI({ element: '#search' });\n`);
  return site;
}

function startServer(site: string, traffic: Traffic): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
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
  });
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      ready({ server, origin: `http://127.0.0.1:${address.port}` });
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
  /** Opens the page with the query in its address instead of typing it: the bytes the finished query needs alone. */
  arrives?: boolean;
}
const VARIANTS: Variant[] = [
  { name: 'archive search', path: '/search/', input: '#search-input', hit: '.search-hit' },
  { name: 'archive search, query in the address', path: '/search/', input: '#search-input', hit: '.search-hit', arrives: true },
  { name: 'Pagefind default UI', path: DEFAULT_UI_PATH, input: '.pagefind-ui__search-input', hit: '.pagefind-ui__result' },
];

interface Measurement {
  bytes: number;
  /** Bytes of the page itself, before the reader touched the search box. */
  pageBytes: number;
  requests: number;
  ms: number;
  files: Traffic['requests'];
}

/** Runs in the page before its own scripts: keydown times, and when each results change was painted. */
function recordKeysAndPaints(hitSelector: string): void {
  const log = { keys: [] as number[], paints: [] as Array<{ changed: number; painted: number }> };
  (window as unknown as { benchLog: typeof log }).benchLog = log;
  addEventListener('keydown', () => log.keys.push(performance.now()), true);
  new MutationObserver(() => {
    if (!document.querySelector(hitSelector)) return;
    const changed = performance.now();
    // The frame that shows the change is painted after its requestAnimationFrame callbacks; a task queued from one
    // runs once that paint is done.
    requestAnimationFrame(() => setTimeout(() => log.paints.push({ changed, painted: performance.now() })));
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function measure(browser: Browser, origin: string, traffic: Traffic, variant: Variant, query: string): Promise<Measurement> {
  // Without the service worker: its precache (the offline shell, bench/results/offline.md) would be counted as the
  // search's bytes, and is fetched once per device, not per search.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript(recordKeysAndPaints, variant.hit);
    await networkIdle(traffic);
    Object.assign(traffic, { bytes: 0, requests: [] });
    if (variant.arrives) {
      await page.goto(`${origin}${variant.path}?q=${encodeURIComponent(query)}`);
      await page.waitForSelector(variant.hit, { timeout: 10_000 });
      await networkIdle(traffic);
      return { bytes: traffic.bytes, pageBytes: 0, requests: traffic.requests.length, ms: NaN, files: [...traffic.requests] };
    }
    await page.goto(origin + variant.path);
    await networkIdle(traffic);
    const pageBytes = traffic.bytes;
    await page.click(variant.input);
    await page.keyboard.type(query, { delay: KEY_DELAY_MS });
    const ms = await page.evaluate(
      () =>
        new Promise<number>((done, fail) => {
          const log = (window as unknown as { benchLog: { keys: number[]; paints: Array<{ changed: number; painted: number }> } }).benchLog;
          const lastKey = log.keys.at(-1)!;
          const started = performance.now();
          const check = () => {
            const paint = log.paints.find((p) => p.changed > lastKey);
            if (paint) done(paint.painted - lastKey);
            else if (performance.now() - started > 10_000) fail(new Error('no results painted within 10 s'));
            else setTimeout(check, 10);
          };
          check();
        }),
    );
    await networkIdle(traffic);
    return { bytes: traffic.bytes, pageBytes, requests: traffic.requests.length, ms, files: [...traffic.requests] };
  } finally {
    await context.close();
  }
}

// ---- report ------------------------------------------------------------------------------------------------------

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** What kind of file a request was, for the breakdown of one search. */
function kindOf(path: string): string {
  if (path.startsWith('/pagefind/fragment/')) return 'result fragments';
  if (/^\/pagefind\/passages\/[^/]+\.\d+\.json$/.test(path)) return 'passage text';
  if (/^\/pagefind\/passages\/[^/]+\.w\d+\.json$/.test(path)) return 'word files';
  if (path.startsWith('/pagefind/vocabulary/')) return 'vocabulary (did you mean)';
  if (path.startsWith('/pagefind/passages/')) return 'passage indexes';
  if (path.startsWith('/pagefind/index/')) return 'index chunks';
  if (path.startsWith('/pagefind/filter/')) return 'filter index';
  if (path.startsWith('/pagefind/wasm')) return 'Pagefind wasm';
  if (path.includes('.pf_meta') || path.endsWith('pagefind-entry.json')) return 'index metadata';
  if (path === '/pagefind/pagefind.js' || path === '/pagefind/pagefind-worker.js') return 'pagefind.js + worker';
  if (path.startsWith('/pagefind/pagefind-ui') || path === DEFAULT_UI_INIT) return 'default UI script + CSS';
  // Its own module and the module it shares with report pages' highlighting (facets.ts).
  if (/^\/_astro\/(SearchPage|facets|main)\b/.test(path)) return 'archive search script';
  return 'page (HTML, CSS, header script)';
}

async function main(): Promise<void> {
  for (const needed of ['search/index.html', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) {
    if (!existsSync(join(built, needed))) throw new Error(`${join(built, needed)} is missing: run \`npm run build\` first`);
  }
  const site = copySite();
  const entry = JSON.parse(readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8'));
  const records = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);

  const traffic: Traffic = { bytes: 0, requests: [], inFlight: 0, lastActivity: 0 };
  const { server, origin } = await startServer(site, traffic);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const chromiumVersion = browser.version();
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
      // The line bench-scale.ts reads starts "archive search <KB> KB, <ms> ms": the typed search, first.
      console.log(`"${query}": ${line.join(' | ')}`);
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(site, { recursive: true, force: true });
  }
  const load = `${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`;

  const [ours, arrived, theirs] = VARIANTS.map((v) => v.name) as [string, string, string];
  const table = [
    `| query | ${ours}: bytes | query in the address: bytes | default UI: bytes | fewer bytes | ${ours}: keystroke → first result | default UI: keystroke → first result |`,
    '|---|---|---|---|---|---|---|',
    ...rows.map(({ query, results }) => {
      const bytesOurs = median(results[ours]!.map((m) => m.bytes));
      const bytesTheirs = median(results[theirs]!.map((m) => m.bytes));
      const ms = (name: string) => `${median(results[name]!.map((m) => m.ms)).toFixed(0)} ms`;
      return `| ${query} | ${kb(bytesOurs)} KB | ${kb(median(results[arrived]!.map((m) => m.bytes)))} KB | ${kb(bytesTheirs)} KB | ${(100 * (1 - bytesOurs / bytesTheirs)).toFixed(0)} % | ${ms(ours)} | ${ms(theirs)} |`;
    }),
  ].join('\n');

  // Where the bytes of one search go, from its median-bytes run.
  const example = rows.find((r) => r.query === 'return home interviews') ?? rows[0]!;
  const breakdown = (name: string) => {
    const runsOf = [...example.results[name]!].sort((a, b) => a.bytes - b.bytes);
    const files = runsOf[Math.floor(runsOf.length / 2)]!.files;
    const byKind = new Map<string, { bytes: number; count: number }>();
    for (const { path, bytes } of files) {
      const kind = byKind.get(kindOf(path)) ?? { bytes: 0, count: 0 };
      byKind.set(kindOf(path), { bytes: kind.bytes + bytes, count: kind.count + 1 });
    }
    return byKind;
  };
  const kinds = [...new Set([ours, theirs].flatMap((name) => [...breakdown(name).keys()]))];
  const breakdownTable = [
    `| what | ${ours} | default UI |`,
    '|---|---|---|',
    ...kinds.map((kind) => {
      const cell = (name: string) => {
        const entry = breakdown(name).get(kind);
        return entry ? `${kb(entry.bytes)} KB (${entry.count})` : '–';
      };
      return `| ${kind} | ${cell(ours)} | ${cell(theirs)} |`;
    }),
  ].join('\n');

  const report = `# Search: first search, archive search page vs Pagefind's default UI

Generated by \`npm run bench\` (scripts/bench-search.ts) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores,
Chromium ${chromiumVersion}, localhost, a new browser context (cold cache) for every run, medians of ${runs};
load average (1 min) ${load}.
Index: ${records} Pagefind records (one per report, see src/lib/search/passage-index.ts) of the archive built in
\`${options.dist}\`; both variants use this same index and the same page header and stylesheet. The default UI shows
Pagefind's own excerpts of each record, which here are lists of words: it is a measure of bytes, not of results.

A run opens the search page, clicks the search box and types the query (${KEY_DELAY_MS} ms between keys).
**Bytes**: every response body the server sent from opening the page until the network was idle for ${IDLE_MS} ms
(gzip for HTML, CSS, JS, JSON and SVG; Pagefind's index files are compressed already), counted at the server, so
the wasm and a Web Worker's fetches (the default UI searches in one) are included. **Time**: from the keydown of the last key to the first paint
of results for the whole query. **Query in the address**: the same page opened with the query in its URL, nothing
typed: what the finished query alone needs. The typed search costing no more than that is the check that a query still
being typed fetches nothing the finished query does not need.

${table}

Where the bytes of one search go ("${example.query}", median run; number of files in brackets):

${breakdownTable}
`;
  mkdirSync(dirname(options.results!), { recursive: true });
  writeFileSync(options.results!, report);
  console.log(`\n${table}\n\n${breakdownTable}\n\nWritten to ${options.results}`);
}

await main();
