import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/site/archive.ts';
import { reportJson } from '../../lib/exports/serialise.ts';

export async function getStaticPaths() {
  const { reports } = await getArchive();
  return reports.map((report) => ({ params: { slug: report.slug }, props: { report } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(reportJson(props.report), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
