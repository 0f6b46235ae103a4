/**
 * What a fetch has to do, decided before any document is downloaded: which publications are children's services
 * documents (by the listing's words), which the archive already holds (a source whose sidecar records the same file
 * address), which are older than --since, and which are new. Pure: the held sources are read by scripts/fetch.ts.
 */
import type { DocumentType, Sidecar } from '../../schemas/report.ts';
import { classifyKind, type Provider, type Publication } from './site.ts';

/** A source already in the archive: its file name, its bytes' SHA-256, and the address its sidecar records. */
export interface HeldSource {
  file: string;
  sha256: string;
  url: string | null;
}

export interface Candidate {
  provider: Provider;
  publication: Publication;
  documentType: DocumentType;
}

export interface Plan {
  /** Children's services publications not held: to be downloaded. */
  download: Candidate[];
  /** Held already, by file address: not downloaded again. */
  unchanged: Array<Candidate & { file: string }>;
  /** Publications before --since. */
  tooOld: number;
  /** Publications of other kinds, by the listing's words: those no rule knows are named so a rule can be added. */
  otherKinds: Map<string, { count: number; known: boolean }>;
}

export function planFetch(
  found: ReadonlyArray<{ provider: Provider; publications: readonly Publication[] }>,
  held: readonly HeldSource[],
  { since }: { since?: string } = {},
): Plan {
  const heldByUrl = new Map(held.flatMap((h) => (h.url ? [[h.url, h.file] as const] : [])));
  const plan: Plan = { download: [], unchanged: [], tooOld: 0, otherKinds: new Map() };
  const queued = new Set<string>();
  for (const { provider, publications } of found) {
    for (const publication of publications) {
      const kind = classifyKind(publication.kind);
      if (kind.documentType === null) {
        const other = plan.otherKinds.get(publication.kind) ?? { count: 0, known: kind.known };
        other.count++;
        plan.otherKinds.set(publication.kind, other);
        continue;
      }
      if (since && publication.published < since) {
        plan.tooOld++;
        continue;
      }
      const candidate = { provider, publication, documentType: kind.documentType };
      const file = heldByUrl.get(publication.url);
      if (file) plan.unchanged.push({ ...candidate, file });
      // A document listed on two providers' pages (a joint inspection of two councils) is fetched once.
      else if (!queued.has(publication.url)) plan.download.push(candidate);
      queued.add(publication.url);
    }
  }
  return plan;
}

/** The facts the listing gives about a document, as its sidecar (content/sources/README.md). */
export function sidecarFor({ provider, publication, documentType }: Candidate): Sidecar {
  return { published: publication.published, url: publication.url, urn: provider.urn, documentType };
}
