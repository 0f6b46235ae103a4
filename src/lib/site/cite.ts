import type { ReportRecord } from '../../schemas/report.ts';
import { formatDate } from './format.ts';

export interface Citation {
  plain: string;
  markdown: string;
}

/** A "[", "]" or "\" in a title would end the link text early or vanish; escaped, they print as themselves. */
const markdownLinkText = (text: string) => text.replace(/[\\[\]]/g, '\\$&');

/**
 * A citation a councillor can paste into minutes: publisher, title, date, the paragraph or recommendation, and
 * the permanent URL. `part` is how the report itself names the part ("paragraph 41", "recommendation 3"); null
 * cites the whole document.
 */
export function citeReport(record: ReportRecord, part: string | null, url: string): Citation {
  const published = formatDate(record.published);
  const where = part ? `, ${part}` : '';
  return {
    plain: `${record.source.publisher} (${published}). ${record.title}${where}. ${url}`,
    markdown: `[${markdownLinkText(`${record.source.publisher}, ${record.title} (${published})${where}`)}](${url})`,
  };
}
