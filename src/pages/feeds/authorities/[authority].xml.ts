import type { APIRoute } from 'astro';
import { getArchive } from '../../../lib/site/archive.ts';
import { authorityFeed } from '../../../lib/exports/feeds.ts';
import { builtSite } from '../../../lib/site/address.ts';

export async function getStaticPaths() {
  const { authorities } = await getArchive();
  return authorities.map((authority) => ({ params: { authority: authority.slug }, props: { authority } }));
}

export const GET: APIRoute = ({ props, site }) =>
  new Response(authorityFeed(props.authority, builtSite(site)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
