/**
 * `--authority <name|URN>` → the authority, through the reference list of local authorities
 * (content/reference/local-authorities.csv, read by src/lib/site/local-authorities.ts). Names match as the archive
 * matches them (`matchKey`): any case and punctuation, "Bristol" for ONS's "Bristol, City of", "Hull".
 */
import { findLocalAuthority, matchKey, type LocalAuthority } from '../site/local-authorities.ts';

/**
 * Each `--authority` value → its authority. A value of digits is a URN; anything else a name. An unknown value is an
 * error that lists the names it resembles, so a typo is fixed without opening the CSV.
 */
export function resolveAuthorities(asked: readonly string[], authorities: readonly LocalAuthority[]): LocalAuthority[] {
  return asked.map((value) => {
    const found = /^\d+$/.test(value.trim())
      ? authorities.find((a) => a.urn === value.trim())
      : findLocalAuthority(value, authorities);
    if (found) return found;
    const words = matchKey(value).split(' ').filter((w) => w.length > 2);
    const like = authorities.filter((a) => words.some((w) => matchKey(a.name).includes(w))).map((a) => a.name);
    throw new Error(
      `--authority ${JSON.stringify(value)}: no local authority of that name or URN in the reference list` +
        (like.length ? ` (did you mean ${like.slice(0, 5).map((n) => JSON.stringify(n)).join(', ')}?)` : ''),
    );
  });
}
