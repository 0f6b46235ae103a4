/**
 * robots.txt, generated so the Sitemap line always names the site's own address (ARCHIVE_SITE_URL: src/lib/site/address.ts).
 * Every page, export and feed may be crawled.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
