/**
 * The redirects maintainers declare in `content/redirects.json` when a published URL has to move, checked against
 * a build, and what they produce: `_redirects` lines, a page at each moved page's old address, and the table of
 * moved anchors the on-page script follows (src/client/permalinks/follow-moved-anchor.ts).
 *
 *   [{ "from": "/reports/old/", "to": "/reports/new/" },
 *    { "from": "/reports/x/#para-3", "to": "/reports/y/#para-3" }]
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { escapeAttribute, escapeHtml } from '../html-escape.ts';
import type { PermalinkManifest } from './manifest.ts';

export const REDIRECTS_FILE = 'content/redirects.json';

const pathOrAnchor = z.string().regex(/^\/[^\s#]*(?:#[a-z][a-z0-9-]*)?$/, 'expected a site path such as /reports/x/ or /reports/x/#para-3');
const redirectsSchema = z.array(
  z
    .object({ from: pathOrAnchor, to: pathOrAnchor })
    .strict()
    .refine((r) => r.from.includes('#') === r.to.includes('#'), 'a page redirects to a page, an anchor to an anchor'),
);
/** The id only redirect pages carry (report text is escaped, so it can never produce this attribute). */
export const REDIRECT_PAGE_MARK = 'id="permalink-target"';

export type Redirect = z.infer<typeof redirectsSchema>[number];

/** The redirects maintainers declared; a clear error if the file is malformed. */
export function readRedirects(file = REDIRECTS_FILE): Redirect[] {
  if (!existsSync(file)) return [];
  const result = redirectsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `[${issue.path.join('.')}] ${issue.message}`).join('; ');
  throw new Error(`${file}: ${problems}. Each entry is { "from": "/old/", "to": "/new/" } or { "from": "/reports/x/#para-3", "to": "/reports/y/#para-3" }.`);
}

/** Problems with the declared redirects themselves: each must lead, in one step, to something the build publishes. */
export function redirectProblems(redirects: Redirect[], published: PermalinkManifest): string[] {
  const problems: string[] = [];
  const exists = (url: string) => {
    const [page, anchor] = url.split('#') as [string, string | undefined];
    if (anchor === undefined) return published.pages.includes(page) || published.files.includes(page);
    return published.anchors[page]?.includes(anchor) ?? false;
  };
  const froms = new Set<string>();
  for (const { from, to } of redirects) {
    if (froms.has(from)) problems.push(`${from} is redirected twice: keep one entry`);
    froms.add(from);
    if (exists(from)) problems.push(`${from} is redirected but the build still publishes it: remove the redirect, or stop publishing it`);
    if (!exists(to)) problems.push(`${from} is redirected to ${to}, which the build does not publish: point it at a page (and anchor) that exists`);
  }
  for (const { from, to } of redirects) {
    if (froms.has(to)) problems.push(`${from} is redirected to ${to}, which is itself redirected: point it straight at the final address`);
  }
  for (const [arrival, { from, to }] of carriedAnchorMoves(redirects)) {
    if (exists(arrival)) {
      problems.push(`${from} is redirected to ${to}, but its page now leads to ${arrival}, which exists, so links would stop there: ` + 'redirect the whole page elsewhere, or remove this anchor redirect');
    }
    if (froms.has(arrival) && redirects.find((r) => r.from === arrival)?.to !== to) {
      problems.push(`${from} and ${arrival} both arrive at ${arrival} but are redirected to different places: keep one`);
    }
  }
  return problems;
}

/**
 * Anchor redirects of moved pages, keyed by where a link to them arrives: a host's 301, or the redirect page,
 * brings a pasted `/old/#para-40` to `/new/#para-40` before any script can see the old address.
 */
function carriedAnchorMoves(redirects: Redirect[]): Map<string, Redirect> {
  const pageTarget = new Map(redirects.filter((r) => !r.from.includes('#')).map((r) => [r.from, r.to]));
  const carried = new Map<string, Redirect>();
  for (const redirect of redirects) {
    const [page, anchor] = redirect.from.split('#') as [string, string | undefined];
    const newPage = pageTarget.get(page);
    if (anchor !== undefined && newPage !== undefined) carried.set(`${newPage}#${anchor}`, redirect);
  }
  return carried;
}

/** Where each moved anchor now lives, keyed `page#anchor` as the on-page script looks it up. */
export function anchorMoves(redirects: Redirect[]): Record<string, string> {
  const moves: Record<string, string> = {};
  for (const [arrival, { to }] of carriedAnchorMoves(redirects)) moves[arrival] = to;
  for (const { from, to } of redirects) if (from.includes('#')) moves[from] = to;
  return moves;
}

/**
 * The page left at a moved page's old address, for hosts that ignore `_redirects`. Without JavaScript the meta
 * refresh moves on (dropping any `#para-n`); with it, /_permalinks/redirect.js (public/_permalinks/redirect.js)
 * moves on at once, keeping the anchor.
 */
export function redirectPage(to: string, absoluteTo: string): string {
  const href = escapeAttribute(to);
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>This page has moved</title>
<meta http-equiv="refresh" content="0; url=${href}">
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeAttribute(absoluteTo)}">
</head>
<body>
<main>
<h1>This page has moved</h1>
<p>It is now at <a ${REDIRECT_PAGE_MARK} href="${href}">${escapeHtml(to)}</a>.</p>
</main>
<script src="/_permalinks/redirect.js"></script>
</body>
</html>
`;
}

/** `_redirects` for static hosts: one `/from /to 301` line per moved page or file. */
export function redirectsFile(redirects: Redirect[]): string {
  const lines = redirects.filter((r) => !r.from.includes('#')).map((r) => `${r.from} ${r.to} 301`);
  return `# Generated from content/redirects.json by src/integrations/permalinks.ts.\n${lines.map((l) => `${l}\n`).join('')}`;
}
