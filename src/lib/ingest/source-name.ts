import { SourceError } from '../source-error.ts';

/**
 * The one rule for a source file's name, applied wherever a source comes in (ingest, `npm run add`, fetch): lowercase
 * letters, digits and single hyphens, then `.txt` or `.pdf`, at most MAX_SOURCE_NAME_LENGTH characters. The name
 * becomes the URL /sources/<name> and a line of content/permalinks.json, so it must be the same string in a file
 * system, a URL and the manifest: no spaces, `#`, `?` or `%` (a 404, or a URL the manifest refuses), no dots but the
 * extension (`..`), no leading `-` (read as an option by every command line).
 */
const SOURCE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:txt|pdf)$/;
export const MAX_SOURCE_NAME_LENGTH = 160;

/** A name that follows the rule, made from one that does not: `Ofsted Report (2022).PDF` → `ofsted-report-2022.pdf`. */
export function suggestedSourceName(name: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const stem = (dot > 0 ? name.slice(0, dot) : name)
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const suffix = `.${extension === 'pdf' ? 'pdf' : 'txt'}`;
  return `${(stem || 'source').slice(0, MAX_SOURCE_NAME_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** Throws, naming the file and a name that would do, unless the name follows the rule. */
export function checkSourceName(name: string): void {
  if (SOURCE_NAME.test(name) && name.length <= MAX_SOURCE_NAME_LENGTH) return;
  const shown = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  const why =
    name.length > MAX_SOURCE_NAME_LENGTH
      ? `it is ${name.length} characters long, more than ${MAX_SOURCE_NAME_LENGTH}`
      : 'a source name is lowercase letters, digits and hyphens, then .txt or .pdf';
  throw new SourceError(`the file name ${shown} cannot be published as a URL: ${why}`, {
    file: name.length > 80 ? `${name.slice(0, 80)}…` : name,
    hint: `rename it to ${suggestedSourceName(name)} (the usual name is <authority>-<published>-<type>, e.g. gloucestershire-2022-04-01-inspection.pdf)`,
  });
}
