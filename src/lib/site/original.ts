/**
 * Where a reader finds the original of a document, best first. Every document has a way to its original: the
 * archive's copy of the published PDF where it holds one, the publisher's own address where the sidecar records it,
 * and otherwise Ofsted's page for the authority (from its URN), which lists every report Ofsted has published on it.
 */
import type { ReportRecord } from '../../schemas/report.ts';
import { sourceFileUrl } from '../exports/urls.ts';
import type { LocalAuthority } from './local-authorities.ts';
import { ofstedProviderUrl } from './urls.ts';

export type OriginalKind =
  /** The published PDF, served by the archive: the source itself, or the original beside a converted source. */
  | 'archive-copy'
  /** The address the publisher published it at (sidecar "url"). */
  | 'publisher'
  /** Ofsted's page for the authority, which lists the report among the others. */
  | 'ofsted-provider-page';

export interface OriginalLink {
  kind: OriginalKind;
  href: string;
  /** The link text, saying what the reader will get. */
  text: string;
}

const OFSTED = 'Ofsted';

/**
 * The ways to a document's original, best first. Ofsted's page for the authority is offered where nothing better is
 * known, and only for Ofsted's own documents (a council's cabinet paper is not on it). `authority` is the reference
 * data's row for the report's authority, or null where it has none.
 */
export function originalLinks(report: ReportRecord, authority: LocalAuthority | null): OriginalLink[] {
  const { source } = report;
  const links: OriginalLink[] = [];
  const copy = source.original?.file ?? (source.format === 'pdf' ? source.file : null);
  if (copy) links.push({ kind: 'archive-copy', href: sourceFileUrl(copy), text: `The original PDF, as ${source.publisher} published it (the archive’s copy)` });
  if (source.url) {
    links.push({ kind: 'publisher', href: source.url, text: `The original on ${source.publisher}’s website` });
  } else if (source.publisher === OFSTED && authority) {
    links.push({
      kind: 'ofsted-provider-page',
      href: ofstedProviderUrl(authority.urn),
      text: `Ofsted’s page for ${report.authority}, which lists this report`,
    });
  }
  return links;
}
