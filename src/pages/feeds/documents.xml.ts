import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/site/archive.ts';
import { documentsFeed } from '../../lib/exports/feeds.ts';
import { builtSite } from '../../lib/site/address.ts';

export const GET: APIRoute = async ({ site }) => {
  const { reports } = await getArchive();
  return new Response(documentsFeed(reports, builtSite(site)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
