/**
 * npm run preview                         serve dist/ at http://127.0.0.1:4321/
 * node scripts/serve.ts --dir <d> --port <p>
 *
 * A tiny static server that behaves like the static hosts the archive is published on: it applies `_headers`
 * (response headers by path pattern) and `_redirects` (`/from /to [status]`) from the served folder, serves
 * `<path>/index.html` for directory URLs, redirects `/x` to `/x/` where that is a folder (trailingSlash: 'always'),
 * answers unknown paths with `404.html` (or a plain 404) and compresses text with gzip when the browser accepts it.
 * Browser tests run against it, so they see the real security headers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

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
function resolveFile(root: string, path: string): { file: string } | { redirect: string } | null {
  const full = resolve(root, `.${path}`);
  if (full !== root && !full.startsWith(root + sep)) return null;
  if (!existsSync(full)) return null;
  if (statSync(full).isDirectory()) {
    if (!path.endsWith('/')) return { redirect: `${path}/` };
    const index = join(full, 'index.html');
    return existsSync(index) ? { file: index } : null;
  }
  return { file: full };
}

function startServer(root: string, port: number, host = '127.0.0.1') {
  const folder = resolve(root);
  const read = (name: string) => (existsSync(join(folder, name)) ? readFileSync(join(folder, name), 'utf8') : '');
  const headerRules = parseHeadersFile(read('_headers'));
  const redirectRules = parseRedirectsFile(read('_redirects'));

  const headersFor = (path: string) => headerRules.filter((rule) => patternMatches(rule.pattern, path)).flatMap((rule) => rule.headers);

  function send(request: IncomingMessage, response: ServerResponse, status: number, path: string, body: Buffer, type: string): void {
    for (const [name, value] of headersFor(path)) response.setHeader(name, value);
    response.setHeader('Content-Type', type);
    response.setHeader('Vary', 'Accept-Encoding');
    let payload = body;
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      payload = gzipSync(body);
      response.setHeader('Content-Encoding', 'gzip');
    }
    response.setHeader('Content-Length', payload.length);
    response.writeHead(status);
    response.end(request.method === 'HEAD' ? undefined : payload);
  }

  function redirect(response: ServerResponse, path: string, location: string, status: number): void {
    for (const [name, value] of headersFor(path)) response.setHeader(name, value);
    response.writeHead(status, { Location: location, 'Content-Length': 0 });
    response.end();
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Length': 0 }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400, { 'Content-Length': 0 }).end();
      return;
    }
    const rule = redirectRules.find((r) => r.from === url.pathname);
    if (rule) return redirect(response, url.pathname, rule.to + url.search, rule.status);

    const found = path.includes('\0') ? null : resolveFile(folder, path);
    if (found && 'redirect' in found) return redirect(response, url.pathname, encodeURI(found.redirect) + url.search, 301);
    if (found) {
      const type = CONTENT_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
      return send(request, response, 200, url.pathname, readFileSync(found.file), type);
    }
    const notFound = join(folder, '404.html');
    if (existsSync(notFound)) return send(request, response, 404, url.pathname, readFileSync(notFound), CONTENT_TYPES['.html']!);
    send(request, response, 404, url.pathname, Buffer.from('Not found\n'), CONTENT_TYPES['.txt']!);
  }

  // One bad request (a file vanishing mid-build, say) answers 500; the server stays up for the rest.
  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      console.error(`${request.url}: ${(error as Error).message}`);
      if (!response.headersSent) response.writeHead(500, { 'Content-Length': 0 });
      response.end();
    }
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
  const server = startServer(values.dir, Number(values.port), values.host);
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
