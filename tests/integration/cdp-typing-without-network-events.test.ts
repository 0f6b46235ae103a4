/**
 * scripts/lib/cdp-browser.ts, the bench's Playwright-free driver: a page it opens takes a click and typed keys as a
 * reader's would (the input holds the text, one `input` event per key, the keys spaced by the delay asked), the
 * browser reports none of the page's requests to it (no Network event arrives, though the page fetched a file), and
 * a service worker is never registered (its script is never asked for), as in the Playwright bench.
 * Runs the real Chromium against a tiny server on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';
import { launchCdpBrowser, type CdpBrowser } from '../../scripts/lib/cdp-browser.ts';

const PAGE = `<!doctype html><title>typing</title>
<input id="box" style="margin: 400px 0 0 600px">
<script>
  window.inputEvents = 0;
  window.keyTimes = [];
  document.getElementById('box').addEventListener('input', () => window.inputEvents++);
  addEventListener('keydown', () => keyTimes.push(performance.now()));
  window.fetched = fetch('/data.json').then((response) => response.json());
</script>`;

const skip = existsSync(CHROMIUM_PATH) ? false : `no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`;
const asked: string[] = [];
const server = createServer((request, response) => {
  asked.push(request.url ?? '');
  if (request.url === '/data.json') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"words":3}');
  response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
});
let origin = '';
let browser: CdpBrowser | undefined;

before(async () => {
  if (skip) return;
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launchCdpBrowser();
});
after(async () => {
  await browser?.close();
  server.close();
});

test('a click and typed keys reach the input as a reader’s, and no request is reported to the driver', { skip }, async () => {
  const page = await browser!.newPage();
  try {
    await page.addInitScript((marker) => ((window as unknown as { initMarker: string }).initMarker = marker), 'before the page');
    await page.goto(`${origin}/`);
    await page.click('#box');
    await page.type('abc', 60);
    const seen = await page.evaluate(async () => {
      const w = window as unknown as { inputEvents: number; keyTimes: number[]; fetched: Promise<{ words: number }>; initMarker: string };
      const input = document.getElementById('box') as HTMLInputElement;
      return {
        value: input.value,
        focused: document.activeElement === input,
        inputEvents: w.inputEvents,
        gaps: w.keyTimes.slice(1).map((t, i) => t - w.keyTimes[i]!),
        fetched: (await w.fetched).words,
        initMarker: w.initMarker,
        registered: String(await navigator.serviceWorker.register('/worker.js')),
      };
    }, undefined);
    assert.equal(seen.value, 'abc');
    assert.equal(seen.focused, true);
    assert.equal(seen.inputEvents, 3);
    assert.equal(seen.initMarker, 'before the page');
    assert.equal(seen.fetched, 3, 'the page fetched its data');
    assert.equal(seen.registered, 'undefined');
    assert.ok(!asked.includes('/worker.js'), `the service worker's script was asked for: ${asked.join(', ')}`);
    for (const gap of seen.gaps) assert.ok(gap >= 60, `keys ${gap.toFixed(0)} ms apart, under the 60 ms asked`);
  } finally {
    await page.close();
  }
  const reported = [...browser!.eventCounts.keys()].filter((method) => /^(Network|Fetch)\./.test(method));
  assert.deepEqual(reported, [], 'no request event reached the driver');
  assert.ok(browser!.eventCounts.get('Page.loadEventFired'), 'the driver did receive the page’s events');
});

test('an exception in the page, or an element that never comes, is an error saying so', { skip }, async () => {
  const page = await browser!.newPage();
  try {
    await page.goto(`${origin}/`);
    await page.waitFor('#box', 1_000);
    await assert.rejects(page.waitFor('#results', 100), /nothing matched #results within 100 ms/);
    await assert.rejects(
      page.evaluate(() => {
        throw new Error('the page ran the function');
      }, undefined),
      /the page ran the function/,
    );
  } finally {
    await page.close();
  }
});
