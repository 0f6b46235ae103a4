import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { reportSchema } from './schemas/report.ts';
import { reportsDir } from './lib/archive-paths.ts';

/**
 * One entry per report, read from the MDX files `npm run ingest` writes. The frontmatter is the whole record, so
 * the body is never rendered (retainBody: false keeps it out of the data store) and report text never meets the
 * MDX compiler.
 */
const reports = defineCollection({
  loader: glob({ pattern: '*.mdx', base: reportsDir(), retainBody: false, generateId: ({ data }) => String(data.slug) }),
  schema: reportSchema,
});

export const collections = { reports };
