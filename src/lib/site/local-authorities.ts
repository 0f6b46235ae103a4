/**
 * Reference data on every English local authority (content/reference/local-authorities.csv: Ofsted URN, DfE and
 * ONS codes, region, type, statistical neighbours), and the match from the names the archive's reports use to it.
 *
 * `parseLocalAuthorities` and `findLocalAuthority` are pure; `localAuthorities()` is the one place the file is read.
 */
import { readFileSync } from 'node:fs';
import { LOCAL_AUTHORITIES_FILE } from '../archive-paths.ts';

export const LA_TYPES = ['County', 'Unitary Authority', 'Metropolitan District', 'London Borough'] as const;
export type LocalAuthorityType = (typeof LA_TYPES)[number];

export interface LocalAuthority {
  /** As ONS writes it: "Bristol, City of", "St. Helens". */
  name: string;
  /** Ofsted's unique reference number: its provider page lists every children's services report on the authority. */
  urn: string;
  /** DfE three-digit local authority code, e.g. "916". */
  laCode: string;
  /** ONS geography code (E06…); null for authorities that no longer exist. */
  onsCode: string | null;
  region: string;
  /** Null where the source leaves it empty (authorities that no longer exist). */
  type: LocalAuthorityType | null;
  /** ONS population aged 0–25; null where the source leaves it empty. */
  population0to25: number | null;
  /** The DfE's statistical neighbours, as LA codes, most similar first. */
  statisticalNeighbours: string[];
}

/** Who the data comes from and under which licence; shown wherever the site shows it. */
export const REFERENCE_DATA_CREDIT = {
  text:
    'Region, type, Ofsted reference number and statistical neighbours: Ofsted, Department for Education and ' +
    'Office for National Statistics data, Open Government Licence v3.0, via the data-to-insight ' +
    'ofsted-ilacs-scrape-tool lookup (MIT licence).',
  licenceUrl: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  sourceUrl: 'https://github.com/data-to-insight/ofsted-ilacs-scrape-tool',
} as const;

const COLUMNS = [
  'name',
  'ofsted_urn',
  'la_code',
  'ons_code',
  'region',
  'la_type',
  'population_0_25',
  'statistical_neighbours',
] as const;

/** One CSV line → its fields (RFC 4180 quoting: "a, b" and "" for a quote), or a message saying what is wrong. */
function splitCsvLine(line: string): string[] | string {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (line[at] === '"') {
      let value = '';
      at++;
      for (;;) {
        const close = line.indexOf('"', at);
        if (close < 0) return 'a quoted field is not closed';
        value += line.slice(at, close);
        at = close + 1;
        if (line[at] === '"') {
          value += '"';
          at++;
        } else break;
      }
      fields.push(value);
      if (at === line.length) return fields;
      if (line[at] !== ',') return `unexpected text after a quoted field at character ${at + 1}`;
      at++;
    } else {
      const comma = line.indexOf(',', at);
      if (comma < 0) {
        fields.push(line.slice(at));
        return fields;
      }
      fields.push(line.slice(at, comma));
      at = comma + 1;
    }
  }
}

/**
 * The CSV text → one record per authority. Every row is checked; a bad one stops the parse with an error naming the
 * line number, the problem and the line itself, so a maintainer replacing the file sees what to fix.
 */
export function parseLocalAuthorities(csvText: string, file = 'local-authorities.csv'): LocalAuthority[] {
  const lines = csvText.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fail = (lineNumber: number, problem: string): never => {
    throw new Error(`${file} line ${lineNumber}: ${problem}: "${lines[lineNumber - 1]}"`);
  };
  const header = splitCsvLine(lines[0] ?? '');
  if (typeof header === 'string' || header.join(',') !== COLUMNS.join(',')) {
    fail(1, `expected the header ${COLUMNS.join(',')}`);
  }
  const authorities: LocalAuthority[] = [];
  const seen = new Map<string, number>();
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (index === 0 || line.trim() === '') return;
    const fields = splitCsvLine(line);
    if (typeof fields === 'string') return fail(lineNumber, fields);
    if (fields.length !== COLUMNS.length) return fail(lineNumber, `expected ${COLUMNS.length} fields, found ${fields.length}`);
    const [name, urn, laCode, onsCode, region, type, population, neighbours] = fields.map((f) => f.trim()) as [
      string, string, string, string, string, string, string, string,
    ];
    if (!name) fail(lineNumber, 'the name is empty');
    if (!/^\d+$/.test(urn)) fail(lineNumber, `the Ofsted URN "${urn}" is not a number`);
    if (!/^\d{3}$/.test(laCode)) fail(lineNumber, `the LA code "${laCode}" is not three digits`);
    if (onsCode && !/^E\d{8}$/.test(onsCode)) fail(lineNumber, `the ONS code "${onsCode}" is not of the form E06000023`);
    if (!region) fail(lineNumber, 'the region is empty');
    if (type && !(LA_TYPES as readonly string[]).includes(type)) {
      fail(lineNumber, `the type "${type}" is not one of ${LA_TYPES.join(', ')}`);
    }
    if (population && !/^\d+$/.test(population)) fail(lineNumber, `the population "${population}" is not a whole number`);
    const neighbourCodes = neighbours ? neighbours.split(';').map((code) => code.trim()) : [];
    const badNeighbour = neighbourCodes.find((code) => !/^\d{3}$/.test(code));
    if (badNeighbour !== undefined) fail(lineNumber, `the statistical neighbour "${badNeighbour}" is not a three-digit LA code`);
    const earlier = seen.get(laCode);
    if (earlier) fail(lineNumber, `the LA code ${laCode} is already used on line ${earlier}`);
    seen.set(laCode, lineNumber);
    authorities.push({
      name,
      urn,
      laCode,
      onsCode: onsCode || null,
      region,
      type: (type || null) as LocalAuthorityType | null,
      population0to25: population ? Number(population) : null,
      statisticalNeighbours: neighbourCodes,
    });
  });
  return authorities;
}

/**
 * Other names for an authority than ONS's, as reports and people write them. Keys and values are match keys
 * (see `matchKey`).
 */
const ALSO_KNOWN_AS: Record<string, string> = {
  hull: 'kingston upon hull',
  'county durham': 'durham',
  bcp: 'bournemouth christchurch and poole',
};

/**
 * A name → the form two spellings of one authority share: case, "&" and "and", "St." and "St", hyphens, commas and
 * the ceremonial parts ("Bristol, City of", "Royal Borough of Kensington and Chelsea", "Bedford Borough",
 * "Gloucestershire County Council") set aside. Slugs ("st-helens") give the same key as names.
 */
export function matchKey(name: string): string {
  let key = name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  key = key
    .replace(/ (city|county|metropolitan borough|borough) council$/, '')
    .replace(/ council$/, '')
    .replace(/ (city|county) of$/, '')
    .replace(/^(the )?(royal |london )?borough of /, '')
    .replace(/^(city|county) of (?!london$)/, '')
    .replace(/ borough$/, '')
    .trim();
  return ALSO_KNOWN_AS[key] ?? key;
}

/** The authority a report names, or null if the reference data has no such authority. */
export function findLocalAuthority(
  archiveAuthorityName: string,
  authorities: readonly LocalAuthority[] = localAuthorities(),
): LocalAuthority | null {
  return byMatchKey(authorities).get(matchKey(archiveAuthorityName)) ?? null;
}

/** Each list of authorities by match key, made once: pages and exports look an authority up for every report. */
const matchKeyIndexes = new WeakMap<readonly LocalAuthority[], Map<string, LocalAuthority>>();

function byMatchKey(authorities: readonly LocalAuthority[]): Map<string, LocalAuthority> {
  let index = matchKeyIndexes.get(authorities);
  if (!index) {
    index = new Map();
    // The first authority with a key answers for it, as a search down the list would.
    for (const authority of authorities) if (!index.has(matchKey(authority.name))) index.set(matchKey(authority.name), authority);
    matchKeyIndexes.set(authorities, index);
  }
  return index;
}

/** The name as a reader would write it: "Bristol, City of" → "Bristol". */
export function displayName(authority: LocalAuthority): string {
  return authority.name.replace(/, (City|County) of$/i, '');
}

let loaded: LocalAuthority[] | undefined;

/** The project's reference file, read and checked once per process. */
export function localAuthorities(): LocalAuthority[] {
  loaded ??= parseLocalAuthorities(readFileSync(LOCAL_AUTHORITIES_FILE, 'utf8'), LOCAL_AUTHORITIES_FILE);
  return loaded;
}
