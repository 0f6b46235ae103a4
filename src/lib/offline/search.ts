/**
 * Searching with no signal: the report index is on the device (precached), but a report's passages can be shown
 * only if its passage files are stored with it. The search page keeps those results and says how many it left out.
 */
import { passageIndexUrl } from '../search/passage-index.ts';
import { countOf } from '../site/format.ts';

/** Whether a report (by its search id) has its passage files among `storedFiles` (paths of stored search files). */
export const isStoredReport = (id: string, storedFiles: ReadonlySet<string>) => storedFiles.has(passageIndexUrl(id));

const reports = (n: number) => countOf(n, 'report');

/** The search status with no signal: how many stored reports match, of how many in the whole archive. */
export function offlineResultSummary(query: string, stored: number, all: number): string {
  const matched = `“${query}”`;
  if (all === 0) return `No passages match ${matched}. Check the spelling, or try fewer or different words.`;
  const elsewhere = all - stored;
  const rest = elsewhere > 0 ? ` ${reports(elsewhere)} not saved on this device also match: search again when you have signal.` : '';
  if (stored === 0) return `No signal: none of the reports saved on this device match ${matched}.${rest}`;
  return `No signal: passages of ${reports(stored)} saved on this device match ${matched}.${rest}`;
}
