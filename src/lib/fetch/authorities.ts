/**
 * `--authority <name|URN>` → the authority's Ofsted URN, through the reference list of local authorities
 * (content/reference/local-authorities.csv: name, ofsted_urn, …). Names match as people write them: any case and
 * punctuation, "Bristol" for ONS's "Bristol, City of".
 */
import { slugify } from '../parse/text.ts';

export interface Authority {
  name: string;
  urn: string;
}

/** One CSV line → its fields (RFC 4180 quoting: "a, b" and "" for a quote inside). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') fields.push(field), (field = '');
    else field += c;
  }
  fields.push(field);
  return fields;
}

/** The reference CSV's text → every authority with its name and URN; `file` names it in errors. */
export function parseAuthorities(csv: string, file: string): Authority[] {
  const [header, ...rows] = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = csvFields(header ?? '');
  const name = columns.indexOf('name');
  const urn = columns.indexOf('ofsted_urn');
  if (name < 0 || urn < 0) throw new Error(`${file}: expected columns "name" and "ofsted_urn" in its first line (got ${JSON.stringify(header)})`);
  return rows.map((line) => {
    const fields = csvFields(line);
    return { name: fields[name]!, urn: fields[urn]! };
  });
}

/** "Bristol, City of" → "bristol"; "Kingston Upon Hull, City of" → "kingston-upon-hull"; others as slugify makes them. */
const nameKey = (name: string) => slugify(name.replace(/,\s*(?:City|County) of$/i, ''));

/**
 * Each `--authority` value → its authority. A value of digits is a URN; anything else a name. An unknown value is an
 * error that lists the names it resembles, so a typo is fixed without opening the CSV.
 */
export function resolveAuthorities(asked: readonly string[], authorities: readonly Authority[]): Authority[] {
  return asked.map((value) => {
    const found = /^\d+$/.test(value.trim())
      ? authorities.find((a) => a.urn === value.trim())
      : authorities.find((a) => nameKey(a.name) === nameKey(value) || slugify(a.name) === slugify(value));
    if (found) return found;
    const words = slugify(value).split('-').filter((w) => w.length > 2);
    const like = authorities.filter((a) => words.some((w) => slugify(a.name).includes(w))).map((a) => a.name);
    throw new Error(
      `--authority ${JSON.stringify(value)}: no local authority of that name or URN in the reference list` +
        (like.length ? ` (did you mean ${like.slice(0, 5).map((n) => JSON.stringify(n)).join(', ')}?)` : ''),
    );
  });
}
