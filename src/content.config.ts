import { defineCollection } from 'astro:content';
import { reportSchema } from './schemas/report.ts';
import { reportsDir } from './lib/archive-paths.ts';
import { reportLoader } from './lib/ingest/report-loader.ts';

/**
 * One entry per report: the frontmatter of the MDX files `npm run ingest` writes, which is the whole record,
 * validated by the same schema the ingest used. Report text is only ever data here, never MDX syntax.
 */
const reports = defineCollection({
  loader: reportLoader(reportsDir()),
  schema: reportSchema,
});

export const collections = { reports };
