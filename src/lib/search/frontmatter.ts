import { reportSchema, type ReportRecord } from '../../schemas/report.ts';
import { readFrontmatter } from '../ingest/mdx.ts';

/**
 * The record stored in a report's MDX file. `renderReportMdx` writes the whole record as the frontmatter, in JSON,
 * so it is read back with JSON.parse and checked with the same schema the site's content collection uses.
 */
export function recordFromMdx(mdx: string, file: string): ReportRecord {
  const result = reportSchema.safeParse(readFrontmatter(mdx, file));
  if (!result.success) throw new Error(`${file}: the frontmatter is not a valid report record: ${result.error.message}`);
  return result.data;
}
