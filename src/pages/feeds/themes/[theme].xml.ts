import type { APIRoute } from 'astro';
import { getArchive } from '../../../lib/site/archive.ts';
import { getThemes } from '../../../lib/site/themes.ts';
import { themeFeed } from '../../../lib/exports/feeds.ts';
import { builtSite } from '../../../lib/site/address.ts';

export function getStaticPaths() {
  return getThemes().taxonomy.map((theme) => ({ params: { theme: theme.slug }, props: { theme } }));
}

export const GET: APIRoute = async ({ props, site }) => {
  const { reports } = await getArchive();
  return new Response(themeFeed(props.theme, reports, builtSite(site)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
