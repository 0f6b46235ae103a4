import type { APIRoute } from 'astro';
import { recordJsonSchema } from '../../lib/exports/record-schema.ts';
import { absoluteUrl, recordSchemaUrl } from '../../lib/exports/urls.ts';
import { builtSite } from '../../lib/site/address.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(recordJsonSchema(absoluteUrl(recordSchemaUrl, builtSite(site))), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
