import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/site/archive.ts';
import { COLUMNS, datasetRows } from '../../lib/exports/rows.ts';
import { toCsv } from '../../lib/exports/serialise.ts';
import { DATASETS, type Dataset } from '../../lib/exports/urls.ts';

export function getStaticPaths() {
  return DATASETS.map((dataset) => ({ params: { dataset } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const dataset = params.dataset as Dataset;
  const { reports } = await getArchive();
  return new Response(toCsv(datasetRows(dataset, reports, site!), COLUMNS[dataset]), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
