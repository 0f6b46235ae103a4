import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/site/archive.ts';
import { localAuthorities } from '../../lib/site/local-authorities.ts';
import { NATIONAL_COLUMNS, nationalRows } from '../../lib/exports/national.ts';
import { toJson } from '../../lib/exports/serialise.ts';
import { builtSite } from '../../lib/site/address.ts';

export const GET: APIRoute = async ({ site }) => {
  const { authorities } = await getArchive();
  return new Response(toJson(nationalRows(authorities, localAuthorities(), builtSite(site)), NATIONAL_COLUMNS), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
