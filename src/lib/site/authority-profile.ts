/**
 * What the reference data adds to an authority's page: where it is, what kind of council it is, its page on Ofsted's
 * website, and how its statistical neighbours stand in the archive. Pure: routes pass the reference data in.
 */
import type { Grade } from '../../schemas/report.ts';
import { displayName, findLocalAuthority, type LocalAuthority, type LocalAuthorityType } from './local-authorities.ts';
import type { AuthoritySummary } from './shape.ts';
import { authorityUrl, ofstedProviderUrl, reportUrl } from './urls.ts';

export interface StatisticalNeighbour {
  name: string;
  laCode: string;
  /** The neighbour's archive page, where the archive holds documents on it. */
  href: string | null;
  /** Its latest overall grade in the archive, with the report that gave it. */
  latest: { grade: Grade; href: string; published: string } | null;
}

export interface AuthorityProfile {
  region: string;
  type: LocalAuthorityType | null;
  urn: string;
  ofstedUrl: string;
  /** Most similar first, as the DfE lists them. */
  neighbours: StatisticalNeighbour[];
}

/**
 * The profile of one archive authority, or null where the reference data does not know it (a council from outside
 * England, say): its page then simply has no profile.
 */
export function authorityProfile(
  authority: AuthoritySummary,
  archiveAuthorities: readonly AuthoritySummary[],
  reference: readonly LocalAuthority[],
): AuthorityProfile | null {
  const self = findLocalAuthority(authority.name, reference);
  if (!self) return null;
  const byCode = new Map(reference.map((la) => [la.laCode, la]));
  const heldByCode = new Map<string, AuthoritySummary>();
  for (const held of archiveAuthorities) {
    const la = findLocalAuthority(held.name, reference);
    if (la) heldByCode.set(la.laCode, held);
  }
  return {
    region: self.region,
    type: self.type,
    urn: self.urn,
    ofstedUrl: ofstedProviderUrl(self.urn),
    neighbours: self.statisticalNeighbours.flatMap((code) => {
      const la = byCode.get(code);
      if (!la) return [];
      const held = heldByCode.get(code);
      const latest = held?.latestOverall;
      return [{
        name: held?.name ?? displayName(la),
        laCode: code,
        href: held ? authorityUrl(held.slug) : null,
        latest: latest ? { grade: latest.grade, href: reportUrl(latest.report.slug), published: latest.report.published } : null,
      }];
    }),
  };
}
