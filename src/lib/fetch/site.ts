/**
 * Ofsted's reports website as `npm run fetch` reads it (observed structure: /work/shared/reference/README.md).
 * Pure functions of a page's HTML and address. When a page lacks what the site has always shown, they throw a
 * SiteStructureError naming what was looked for, so a redesign of the site stops the run with a message rather
 * than quietly finding nothing.
 */
import type { DocumentType } from '../../schemas/report.ts';
import { parseDate } from '../parse/dates.ts';
import { hasClass, linksOf, textOfClass } from './html.ts';

export const DEFAULT_BASE_URL = 'https://reports.ofsted.gov.uk';
export const DEFAULT_FILES_URL = 'https://files.ofsted.gov.uk';
/** The listing's page size: the site serves at most 100 providers a page. */
export const LISTING_ROWS = 100;

export class SiteStructureError extends Error {
  constructor(what: string, page: string) {
    super(
      `Ofsted's website has changed: ${what} on ${page}.\n` +
        '  → the page markup npm run fetch relies on is described in src/lib/fetch/site.ts; update it to the site as it is now',
    );
    this.name = 'SiteStructureError';
  }
}

/**
 * A page of the search listing of local authority children's services providers (level 1 type 3, level 2 type 12),
 * `start` providers in.
 */
export function listingUrl(baseUrl: string, start: number, rows = LISTING_ROWS): string {
  const url = new URL('/search', baseUrl);
  const query = { q: '', location: '', lat: '', lon: '', radius: '', level_1_types: '3', 'level_2_types[]': '12', start: String(start), rows: String(rows) };
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.href;
}

/**
 * Where to download a listed file from. Ofsted's links name files.ofsted.gov.uk, and that address is what a sidecar
 * records; `filesUrl` (a mirror, or the tests' stand-in) is where it is fetched from, same path. A link on the site
 * itself is fetched as it is; a link anywhere else is not followed (null).
 */
export function downloadUrl(listed: string, { baseUrl, filesUrl }: { baseUrl: string; filesUrl: string }): string | null {
  const url = new URL(listed);
  if (url.origin === new URL(DEFAULT_FILES_URL).origin) return new URL(`${url.pathname}${url.search}`, filesUrl).href;
  return [new URL(filesUrl).origin, new URL(baseUrl).origin].includes(url.origin) ? url.href : null;
}

export interface Provider {
  /** Ofsted's unique reference number: the last segment of the provider page's address. */
  urn: string;
  /** The name as the listing gives it. */
  name: string;
  /** The provider page's absolute address. */
  url: string;
}

/**
 * The providers a listing page links to, in page order, each once. An empty list is the end of the listing; the
 * caller decides whether an empty first page means the markup changed.
 */
export function parseListing(html: string, pageUrl: string): Provider[] {
  const seen = new Set<string>();
  const providers: Provider[] = [];
  for (const link of linksOf(html)) {
    const href = link.attributes.href;
    if (!href || !href.includes('/provider/')) continue;
    const url = new URL(href, pageUrl);
    const urn = url.pathname.replace(/\/+$/, '').split('/').pop() ?? '';
    if (!/^\d+$/.test(urn) || seen.has(urn)) continue;
    seen.add(urn);
    providers.push({ urn, name: link.text, url: url.href });
  }
  return providers;
}

export interface Publication {
  /** The file's absolute address. */
  url: string;
  /** The kind of document as the listing words it: "Children's services inspection". */
  kind: string;
  /** The listing's publication date, ISO. */
  published: string;
}

/** "Children's services inspection - 19 November 2021, pdf" → its kind and date. */
const PUBLICATION_TEXT = /^(.+?)\s+[-–—]\s+(\d{1,2}\s+\p{L}+\s+\d{4})\s*(?:,\s*([a-z0-9]+))?$/iu;

/**
 * A provider page's publications, newest first as the page lists them: each `<a class="publication-link">`, whose
 * `<span class="nonvisual">` (or, failing that, whose text) reads "<kind> - <date>, pdf".
 */
export function parseProviderPage(html: string, pageUrl: string): Publication[] {
  const links = linksOf(html).filter((link) => hasClass(link, 'publication-link'));
  if (links.length === 0) throw new SiteStructureError('no publication links (<a class="publication-link" href="…">)', pageUrl);
  return links.map((link) => {
    const text = textOfClass(link.inner, 'nonvisual') ?? link.text;
    const m = PUBLICATION_TEXT.exec(text);
    const published = m ? parseDate(m[2]) : null;
    if (!m || !published) {
      throw new SiteStructureError(`a publication link's text ${JSON.stringify(text)} does not read "<kind> - <day month year>, pdf"`, pageUrl);
    }
    if (!link.attributes.href) throw new SiteStructureError(`the publication link ${JSON.stringify(text)} has no href`, pageUrl);
    return { url: new URL(link.attributes.href, pageUrl).href, kind: m[1], published };
  });
}

/**
 * What the listing's words for a kind of document mean in the archive's vocabulary, tried in order; `null` marks
 * kinds that are not reports on a council's children's services (they are left out, and counted). A kind no rule
 * knows is left out too and named in the summary, so a maintainer can add a rule for it.
 */
export const DOCUMENT_KINDS: ReadonlyArray<{ pattern: RegExp; documentType: DocumentType | null }> = [
  { pattern: /\bSEND\b|special educational needs|youth (?:justice|offending)|\bcafcass\b|adoption agency|fostering agency|children'?s home|residential|secure training|school/i, documentType: null },
  { pattern: /\bmonitoring visit\b/i, documentType: 'monitoring-visit' },
  { pattern: /\bfocused visit\b/i, documentType: 'focused-visit' },
  { pattern: /\bjoint targeted area inspection\b|\bJTAI\b/i, documentType: 'other' },
  { pattern: /\blocal safeguarding children board\b|\bLSCB\b/i, documentType: 'lscb-review' },
  { pattern: /\bchildren'?s services\b.*\binspection\b|\binspection\b.*\bchildren'?s (?:social care )?services\b|\bchildren in need of help and protection\b/i, documentType: 'inspection' },
  { pattern: /\blooked after children\b/i, documentType: 'looked-after-children-inspection' },
];

export type Classification = { documentType: DocumentType } | { documentType: null; known: boolean };

export function classifyKind(kind: string): Classification {
  const normalised = kind.replace(/[‘’]/g, "'");
  const rule = DOCUMENT_KINDS.find((r) => r.pattern.test(normalised));
  if (!rule) return { documentType: null, known: false };
  return rule.documentType ? { documentType: rule.documentType } : { documentType: null, known: true };
}
