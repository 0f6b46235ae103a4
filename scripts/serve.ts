/**
 * npm run preview                         serve dist/ at http://127.0.0.1:4321/
 * node scripts/serve.ts --dir <d> --port <p>
 *
 * A tiny static server that behaves like the static hosts the archive is published on: it applies `_headers`
 * (response headers by path pattern) and `_redirects` (`/from /to [status]`) from the served folder, serves
 * `<path>/index.html` for directory URLs, redirects `/x` to `/x/` where that is a folder (trailingSlash: 'always'),
 * answers unknown paths with `404.html` (or a plain 404) and compresses text with gzip when the browser accepts it.
 * Browser tests run against it, so they see the real security headers — on every answer, errors and redirects too.
 * Files are read and compressed without blocking (streamed, the small ones' gzip kept in memory), so one big file
 * never holds up the others; a redirect never leaves the site (`/%2fevil.example%2f..` is not `//evil.example`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs, promisify } from 'node:util';
import { createGzip, gzip } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|rss\+xml|atom\+xml|manifest\+json|wasm)|image\/svg)/;

interface HeaderRule {
  pattern: string;
  headers: Array<[string, string]>;
}
interface RedirectRule {
  from: string;
  to: string;
  status: number;
}

/** `_headers`: a path pattern on its own line, then indented `Name: value` lines; `#` starts a comment. */
function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon < 0) throw new Error(`_headers line ${index + 1}: expected "Name: value" under a path pattern`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** `_redirects`: `/from /to [status]` per line, status 301 unless given; `#` starts a comment. */
function parseRedirectsFile(text: string): RedirectRule[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((line, index) => {
      const [from, to, status = '301', ...rest] = line.split(/\s+/);
      if (!from || !to || rest.length > 0 || !/^30[1278]$/.test(status)) {
        throw new Error(`_redirects rule ${index + 1} is not "/from /to [301|302|307|308]": ${line}`);
      }
      return { from, to, status: Number(status) };
    });
}

/** Netlify-style patterns: exact paths, or `*` standing for any run of characters (`/*`, `/reports/*`). */
function patternMatches(pattern: string, path: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(path);
}

/** The file to serve for a URL path, or why there is none. Never leaves the served folder. */
async function resolveFile(root: string, path: string): Promise<{ file: string; size: number; mtime: number } | 'folder' | null> {
  const full = resolve(root, `.${path}`);
  if (full !== root && !full.startsWith(root + sep)) return null;
  const found = await stat(full).catch(() => null);
  if (!found) return null;
  if (found.isDirectory()) {
    if (!path.endsWith('/')) return 'folder';
    return resolveFile(root, `${path}index.html`);
  }
  return { file: full, size: found.size, mtime: found.mtimeMs };
}

/** The gzip of small files, kept while they are unchanged: pages and scripts are asked for again and again. */
const GZIP_CACHE_FILE_BYTES = 2 * 1024 * 1024;
const GZIP_CACHE_BYTES = 64 * 1024 * 1024;
const gzipped = new Map<string, Buffer>();
let gzippedBytes = 0;
const gzipAsync = promisify(gzip);

async function cachedGzip(file: string, size: number, mtime: number): Promise<Buffer> {
  const key = `${file}\0${size}\0${mtime}`;
  const hit = gzipped.get(key);
  if (hit) return hit;
  const body = await gzipAsync(await readFile(file));
  gzipped.set(key, body);
  gzippedBytes += body.length;
  for (const [oldest, value] of gzipped) {
    if (gzippedBytes <= GZIP_CACHE_BYTES) break;
    gzipped.delete(oldest);
    gzippedBytes -= value.length;
  }
  return body;
}

function startServer(root: string, port: number, host = '127.0.0.1') {
  const folder = resolve(root);
  const read = (name: string) => (existsSync(join(folder, name)) ? readFileSync(join(folder, name), 'utf8') : '');
  const headerRules = parseHeadersFile(read('_headers'));
  const redirectRules = parseRedirectsFile(read('_redirects'));

  const headersFor = (path: string) => headerRules.filter((rule) => patternMatches(rule.pattern, path)).flatMap((rule) => rule.headers);

  /** An answer with no body (errors, redirects): it carries the security headers like any other. */
  function plain(response: ServerResponse, status: number, path: string, headers: Record<string, string | number> = {}): void {
    for (const [name, value] of headersFor(path)) response.setHeader(name, value);
    response.writeHead(status, { ...headers, 'Content-Length': 0 });
    response.end();
  }

  async function sendFile(request: IncomingMessage, response: ServerResponse, status: number, path: string, found: { file: string; size: number; mtime: number }): Promise<void> {
    const type = CONTENT_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    for (const [name, value] of headersFor(path)) response.setHeader(name, value);
    response.setHeader('Content-Type', type);
    response.setHeader('Vary', 'Accept-Encoding');
    const compress = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (compress) response.setHeader('Content-Encoding', 'gzip');
    if (compress && found.size <= GZIP_CACHE_FILE_BYTES) {
      const body = await cachedGzip(found.file, found.size, found.mtime);
      response.writeHead(status, { 'Content-Length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    // Large files are streamed (and compressed as they go), never held whole in memory or compressed in one block.
    if (!compress) response.setHeader('Content-Length', found.size);
    response.writeHead(status);
    if (request.method === 'HEAD') return void response.end();
    const stream = createReadStream(found.file);
    await (compress ? pipeline(stream, createGzip(), response) : pipeline(stream, response));
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://localhost');
    } catch {
      return plain(response, 400, '/');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, url.pathname, { Allow: 'GET, HEAD' });
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return plain(response, 400, url.pathname);
    }
    const rule = redirectRules.find((r) => r.from === url.pathname);
    if (rule) return plain(response, rule.status, url.pathname, { Location: rule.to + url.search });

    const found = path.includes('\0') ? null : await resolveFile(folder, path);
    // The folder's URL as it was asked for (still encoded), with one leading slash: a Location of `//host/…` would
    // send the reader to another site.
    if (found === 'folder') return plain(response, 301, url.pathname, { Location: `/${url.pathname.replace(/^[/\\]+/, '')}/${url.search}` });
    if (found) return sendFile(request, response, 200, url.pathname, found);
    const notFound = await resolveFile(folder, '/404.html');
    if (notFound && notFound !== 'folder') return sendFile(request, response, 404, url.pathname, notFound);
    for (const [name, value] of headersFor(url.pathname)) response.setHeader(name, value);
    response.writeHead(404, { 'Content-Type': CONTENT_TYPES['.txt']!, 'Content-Length': 10 }).end(request.method === 'HEAD' ? undefined : 'Not found\n');
  }

  // One bad request (a file vanishing mid-build, say) answers 500; the server stays up for the rest.
  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      console.error(`${request.url}: ${error.message}`);
      if (!response.headersSent) plain(response, 500, '/');
      else response.destroy();
    });
  });
  server.listen(port, host);
  return server;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: process.env.PREVIEW_PORT ?? '4321' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  if (!existsSync(join(values.dir, 'index.html'))) {
    console.error(`${values.dir}/index.html is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port ${values.port}: expected a port number, 0–65535 (0 takes any free port).`);
    process.exit(2);
  }
  const server = startServer(values.dir, port, values.host);
  // --port 0 takes any free port; the line printed says which (tests read it).
  server.on('listening', () => {
    const { port } = server.address() as { port: number };
    console.log(`Serving ${values.dir}/ at http://${values.host}:${port}/ with its _headers and _redirects`);
  });
  server.on('error', (error) => {
    console.error(error.message);
    process.exit(1);
  });
}
