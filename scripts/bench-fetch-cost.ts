/**
 * What a request costs the browser alone: a page fetches N of the search index's postings files at once, over
 * connections already open, from a server answering from memory, and the time until every body is read is printed.
 *
 *   node scripts/bench-fetch-cost.ts --dist <site> [--count 1 --count 7 --count 28] [--runs 5] [--driver playwright|cdp]
 *
 * Behind bench/results/search-5000.md: at 5,000 reports a search fetches 20–30 postings files after the typing pause,
 * and their number, not their bytes or the server, is what the first result waits for. `--driver cdp` drives the
 * browser over the DevTools protocol alone, as a reader's browser fetches: Playwright has every request reported to
 * its Node process, on the same cores (scripts/lib/bench-browser.ts).
 */
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { POSTINGS_PATH } from '../src/lib/search/passage-index.ts';
import { DRIVER_LABEL, driverOf, launchBenchBrowser } from './lib/bench-browser.ts';

const { values: options } = parseArgs({
  options: {
    dist: { type: 'string' },
    count: { type: 'string', multiple: true, default: ['1', '7', '14', '28'] },
    runs: { type: 'string', default: '5' },
    driver: { type: 'string', default: 'playwright' },
  },
});
if (!options.dist) {
  console.error('usage: node scripts/bench-fetch-cost.ts --dist <site> [--count N …] [--runs 5] [--driver playwright|cdp]');
  process.exit(2);
}
const driver = driverOf(options.driver);
const site = options.dist;
const counts = options.count.map(Number);
const largest = Math.max(...counts);

// The postings files of the first groups, a few prefixes each, as a search's are; gzip made once, held in memory.
const postings = join(site, POSTINGS_PATH);
const urls = readdirSync(postings)
  .slice(0, Math.ceil(largest / 4))
  .flatMap((group) => readdirSync(join(postings, group)).slice(0, 4).map((file) => `${POSTINGS_PATH}${group}/${file}`))
  .slice(0, largest);
if (urls.length < largest) throw new Error(`${postings} has only ${urls.length} files to fetch; ask for at most that many`);
const bodies = new Map(urls.map((url) => [url, gzipSync(readFileSync(join(site, url)))]));
const emptyPage = Buffer.from('<!doctype html><title>fetch cost</title>');

const server = createServer((request, response) => {
  const body = bodies.get(request.url ?? '');
  if (!body) return void response.writeHead(200, { 'content-type': 'text/html' }).end(emptyPage);
  response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
});
await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const browser = await launchBenchBrowser(driver, { args: ['--no-sandbox'] });
try {
  console.log(`Chromium ${browser.version} ${DRIVER_LABEL[driver]}\n`);
  console.log('| files fetched at once | median ms until every body is read | runs |\n|---|---|---|');
  for (const count of counts) {
    const times: number[] = [];
    for (let run = 0; run < Number(options.runs); run++) {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      times.push(
        await page.evaluate(async (wanted) => {
          // Six requests first, so that the six connections Chromium opens to a host are open already.
          await Promise.all(Array.from({ length: 6 }, (_, k) => fetch(`/open-${k}`).then((r) => r.text())));
          const started = performance.now();
          await Promise.all(wanted.map((url) => fetch(url).then((r) => r.text())));
          return performance.now() - started;
        }, urls.slice(0, count)),
      );
      await page.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`| ${count} | ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} | ${times.map((t) => t.toFixed(0)).join(', ')} |`);
  }
} finally {
  await browser.close();
  server.close();
}
