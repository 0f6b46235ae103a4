import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/site/archive.ts';
import { COLUMNS, datasetRowsByDocument } from '../../lib/exports/rows.ts';
import { jsonChunks, streamedBody } from '../../lib/exports/serialise.ts';
import { DATASETS, type Dataset } from '../../lib/exports/urls.ts';
import { builtSite } from '../../lib/site/address.ts';

export function getStaticPaths() {
  return DATASETS.map((dataset) => ({ params: { dataset } }));
}

// Streamed document by document: the largest export (verdicts) is hundreds of megabytes at 5,000 reports.
export const GET: APIRoute = async ({ params, site }) => {
  const dataset = params.dataset as Dataset;
  const { reports } = await getArchive();
  return new Response(streamedBody(jsonChunks(datasetRowsByDocument(dataset, reports, builtSite(site)), COLUMNS[dataset])), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
