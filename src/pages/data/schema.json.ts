import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/site/archive.ts';
import { getThemes } from '../../lib/site/themes.ts';
import { dataCatalogue } from '../../lib/exports/catalogue.ts';
import { builtSite } from '../../lib/site/address.ts';

export const GET: APIRoute = async ({ site }) => {
  const { reports } = await getArchive();
  const catalogue = dataCatalogue(reports, getThemes().taxonomy[0]?.slug, builtSite(site));
  return new Response(`${JSON.stringify(catalogue, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
