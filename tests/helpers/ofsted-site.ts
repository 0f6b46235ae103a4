/**
 * A stand-in for Ofsted's reports website, on 127.0.0.1 at a port the system picks, for `npm run fetch` tests: the
 * search listing of providers (paged by `start` and `rows`, at most `pageSize` a page), each provider's page of
 * publication links (to https://files.ofsted.gov.uk/v1/file/<id>, as on the live site), and the files at
 * /v1/file/<id>, served from the project's own PDFs in content/sources. Its markup follows the
 * live site as /work/shared/reference/README.md describes it. A file can be made to misbehave the ways real
 * servers do, and the markup can be changed, to test that fetch says what went wrong.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export type Behaviour =
  | 'ok'
  | 'not-found' // 404, every time
  | 'error-then-ok' // 500 once, then the file
  | 'busy-then-ok' // 429 with Retry-After: 0 once, then the file
  | 'slow-then-ok' // no answer for `slowMs` once (longer than fetch's timeout), then the file
  | 'hang' // never answers: for interrupting a run mid-download
  | 'html' // a web page where the PDF should be
  | 'truncated'; // the first half of the PDF, served as if whole

export interface MockPublication {
  id: string;
  /** The listing's words for it: "Children's services inspection". */
  kind: string;
  /** As the listing writes dates: "19 November 2021". */
  date: string;
  /** The PDF served, a path. */
  pdf: string;
  behaviour?: Behaviour;
}

export interface MockProvider {
  urn: string;
  name: string;
  publications: MockPublication[];
}

export interface MockSiteOptions {
  providers: MockProvider[];
  pageSize?: number;
  slowMs?: number;
  /** 'renamed-links': the listing's provider links no longer contain /provider/; 'renamed-publications': the
   * provider pages' links lose class="publication-link". */
  markup?: 'as-observed' | 'renamed-links' | 'renamed-publications';
}

export interface MockSite {
  url: string;
  /** Every path asked for, in order, with the User-Agent it was asked with. */
  requests: Array<{ path: string; userAgent: string }>;
  /** Resolves when a request for this path arrives. */
  requested(path: string): Promise<void>;
  close(): Promise<void>;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&#39;');
const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>${escape(title)} - Ofsted</title></head><body><a href="/">Ofsted reports</a><main>${body}</main><a href="/cookies">Cookies</a></body></html>`;

export async function startMockSite(options: MockSiteOptions): Promise<MockSite> {
  const pageSize = options.pageSize ?? 100;
  const markup = options.markup ?? 'as-observed';
  const served = new Map<string, number>();
  const requests: MockSite['requests'] = [];
  const waiting: Array<{ path: string; resolve: () => void }> = [];
  const hanging = new Set<ServerResponse>();

  function listing(url: URL, res: ServerResponse): void {
    const start = Number(url.searchParams.get('start') ?? 0);
    const rows = Math.min(Number(url.searchParams.get('rows') ?? pageSize), pageSize);
    const items = options.providers.slice(start, start + rows).map((p) => {
      const href = markup === 'renamed-links' ? `/organisation/${p.urn}` : `/provider/44/${p.urn}`;
      return `<li class="search-result"><h3><a href="${href}">${escape(p.name)}</a></h3><p>Local authority children's services</p></li>`;
    });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page('Search', `<h1>Search results</h1><ul>${items.join('')}</ul><a href="/search?start=${start + rows}">Next</a>`));
  }

  /** Its links name Ofsted's file host, as the live site's do; fetch's --files-url sends the downloads here. */
  function provider(p: MockProvider, res: ServerResponse): void {
    const items = p.publications.map((pub) => {
      const cls = markup === 'renamed-publications' ? 'document-link' : 'publication-link';
      return `<li><a class="${cls}" href="https://files.ofsted.gov.uk/v1/file/${pub.id}" target="_blank"><span class="nonvisual">${escape(pub.kind)} - ${pub.date}, pdf</span><span aria-hidden="true">${escape(pub.kind)}</span></a><time>${pub.date}</time></li>`;
    });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(p.name, `<h1>${escape(p.name)}</h1><h2>Reports</h2><ul>${items.join('')}</ul>`));
  }

  function file(pub: MockPublication, res: ServerResponse): void {
    const times = (served.get(pub.id) ?? 0) + 1;
    served.set(pub.id, times);
    const pdf = readFileSync(pub.pdf);
    const sendPdf = (bytes: Buffer) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': bytes.length });
      res.end(bytes);
    };
    switch (pub.behaviour ?? 'ok') {
      case 'not-found':
        res.writeHead(404, { 'content-type': 'text/html' }).end(page('Not found', '<h1>Page not found</h1>'));
        return;
      case 'error-then-ok':
        if (times === 1) res.writeHead(500, { 'content-type': 'text/html' }).end(page('Error', '<h1>Sorry, there is a problem</h1>'));
        else sendPdf(pdf);
        return;
      case 'busy-then-ok':
        if (times === 1) res.writeHead(429, { 'retry-after': '0' }).end();
        else sendPdf(pdf);
        return;
      case 'slow-then-ok':
        if (times === 1) setTimeout(() => sendPdf(pdf), options.slowMs ?? 3000).unref();
        else sendPdf(pdf);
        return;
      case 'hang':
        hanging.add(res);
        return;
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Sign in', '<h1>Sign in to continue</h1>'));
        return;
      case 'truncated':
        sendPdf(pdf.subarray(0, Math.floor(pdf.length / 2)));
        return;
      default:
        sendPdf(pdf);
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const origin = `http://${req.headers.host}`;
    const url = new URL(req.url ?? '/', origin);
    requests.push({ path: url.pathname, userAgent: req.headers['user-agent'] ?? '' });
    for (const w of waiting.filter((w) => w.path === url.pathname)) w.resolve();
    if (url.pathname === '/search') return listing(url, res);
    const providerMatch = /^\/provider\/44\/(\d+)$/.exec(url.pathname);
    const p = providerMatch && options.providers.find((x) => x.urn === providerMatch[1]);
    if (p) return provider(p, res);
    const fileMatch = /^\/v1\/file\/(\w+)$/.exec(url.pathname);
    const pub = fileMatch && options.providers.flatMap((x) => x.publications).find((x) => x.id === fileMatch[1]);
    if (pub) return file(pub, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requested: (path) => new Promise((resolve) => waiting.push({ path, resolve })),
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
