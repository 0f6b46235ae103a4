/**
 * scripts/serve.ts against hostile requests: no redirect off the site, the security headers on every answer (errors
 * too), and one big file never holding up the others. Runs the real server on a free port over a small folder.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

const site = mkdtempSync(join(tmpdir(), 'serve-'));
let origin = '';
let server: ReturnType<typeof spawn>;

before(async () => {
  mkdirSync(join(site, 'reports'));
  writeFileSync(join(site, 'index.html'), '<!DOCTYPE html><title>Home</title>');
  writeFileSync(join(site, 'reports', 'index.html'), '<!DOCTYPE html><title>Reports</title>');
  writeFileSync(join(site, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(site, '_headers'), "/*\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: default-src 'self'\n");
  // 20 MB of page that compresses about as well as a real one.
  const paragraph = Array.from({ length: 2000 }, (_, i) => `<p id="para-${i}">Paragraph ${i * 7919 % 10007} of the report.</p>`).join('\n');
  writeFileSync(join(site, 'big.html'), paragraph.repeat(Math.ceil((20 * 1024 * 1024) / paragraph.length)));
  server = spawn(process.execPath, ['scripts/serve.ts', '--dir', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  origin = await new Promise((done) => server.stdout!.on('data', (chunk: Buffer) => done(/http:\/\/[\d.]+:\d+/.exec(String(chunk))![0])));
});
after(() => {
  server.kill();
  rmSync(site, { recursive: true, force: true });
});

/** One raw request (fetch would normalise the path and follow redirects): its status, headers and when it ended. */
function get(path: string, { method = 'GET', gzip = false } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; ended: number }>((done, fail) => {
    const req = request(`${origin}${path}`, { method, headers: gzip ? { 'Accept-Encoding': 'gzip' } : {} }, (res) => {
      res.resume();
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, ended: performance.now() }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('a folder redirect stays on the site, whatever the path encodes', async () => {
  const answer = await get('/%2fevil.example%2f..%2freports');
  assert.equal(answer.status, 301);
  const location = String(answer.headers.location);
  assert.ok(location.startsWith('/') && !/^\/[/\\]/.test(location), `Location must be a path on this site, got ${location}`);
  assert.equal(new URL(location, 'https://archive.example').host, 'archive.example');
  assert.equal((await get('/reports')).headers.location, '/reports/');
});

test('errors and redirects carry the security headers', async () => {
  for (const [path, method, status] of [
    ['/', 'POST', 405],
    ['/%E0%A4%A', 'GET', 400],
    ['/no-such-page/', 'GET', 404],
    ['/reports', 'GET', 301],
  ] as const) {
    const answer = await get(path, { method });
    assert.equal(answer.status, status, `${method} ${path}`);
    assert.equal(answer.headers['x-content-type-options'], 'nosniff', `${method} ${path} (${status}) lacks the security headers`);
    assert.ok(answer.headers['content-security-policy'], `${method} ${path} (${status}) lacks the Content-Security-Policy`);
  }
  assert.equal((await get('/', { method: 'POST' })).headers.allow, 'GET, HEAD');
});

test('twenty requests for a 20 MB page do not hold up a small file', async () => {
  const big = Array.from({ length: 20 }, () => get('/big.html', { gzip: true }));
  await new Promise((done) => setTimeout(done, 20)); // the big requests arrive first
  const small = await get('/favicon.svg', { gzip: true });
  const bigs = await Promise.all(big);
  assert.equal(small.status, 200);
  assert.ok(bigs.every((answer) => answer.status === 200 && answer.headers['content-encoding'] === 'gzip'));
  const firstBig = Math.min(...bigs.map((answer) => answer.ended));
  assert.ok(small.ended < firstBig, 'the small file must be served while the big ones are still being compressed and sent');
});
