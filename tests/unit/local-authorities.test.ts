import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLocalAuthority, localAuthorities, matchKey, parseLocalAuthorities } from '../../src/lib/site/local-authorities.ts';
import { ofstedProviderUrl } from '../../src/lib/site/urls.ts';
import { loadReports } from '../../src/lib/ingest/report-loader.ts';
import { DEFAULT_REPORTS_DIR, DEFAULT_SOURCES_DIR } from '../../src/lib/archive-paths.ts';

const HEADER = 'name,ofsted_urn,la_code,ons_code,region,la_type,population_0_25,statistical_neighbours';

test('a row becomes a local authority, with a quoted name, empty fields for an authority that no longer exists, and CRLF lines', () => {
  const csv = [
    HEADER,
    '"Bristol, City of",80441,801,E06000023,South West,Unitary Authority,162114,846;383;882',
    'Poole,137316,836,,South West,,,',
    '',
  ].join('\r\n');
  assert.deepEqual(parseLocalAuthorities(csv), [
    {
      name: 'Bristol, City of', urn: '80441', laCode: '801', onsCode: 'E06000023', region: 'South West',
      type: 'Unitary Authority', population0to25: 162114, statisticalNeighbours: ['846', '383', '882'],
    },
    { name: 'Poole', urn: '137316', laCode: '836', onsCode: null, region: 'South West', type: null, population0to25: null, statisticalNeighbours: [] },
  ]);
});

test('a bad row is refused with its line number, the problem and the line quoted', () => {
  const bad = (row: string) => () => parseLocalAuthorities(`${HEADER}\nBarnsley,80426,370,E08000016,Yorkshire and the Humber,Metropolitan District,69889,372;384\n${row}\n`, 'la.csv');
  assert.throws(bad('Camden,80491,202,E09000007,London,London Borough,70000'), {
    message: 'la.csv line 3: expected 8 fields, found 7: "Camden,80491,202,E09000007,London,London Borough,70000"',
  });
  assert.throws(bad('Camden,x80491,202,E09000007,London,London Borough,70000,'), /line 3: the Ofsted URN "x80491" is not a number: "Camden,x80491/);
  assert.throws(bad('Camden,80491,202,E09000007,London,Borough,70000,'), /line 3: the type "Borough" is not one of County, Unitary Authority/);
  assert.throws(bad('Camden,80491,202,E09000007,London,London Borough,70000,209;21'), /line 3: the statistical neighbour "21" is not a three-digit LA code/);
  assert.throws(bad('Camden,80491,370,E09000007,London,London Borough,70000,'), /line 3: the LA code 370 is already used on line 2/);
  assert.throws(bad('"Camden,80491,202,E09000007,London,London Borough,70000,'), /line 3: a quoted field is not closed/);
  assert.throws(() => parseLocalAuthorities('name,urn\nCamden,80491\n'), /line 1: expected the header name,ofsted_urn,la_code/);
});

test("the project's reference file holds every English authority, each name matching only itself, every neighbour a known code", () => {
  const all = localAuthorities();
  assert.equal(all.length, 156);
  const keys = new Set(all.map((a) => matchKey(a.name)));
  assert.equal(keys.size, all.length, 'two authorities would share one match key');
  for (const authority of all) assert.equal(findLocalAuthority(authority.name), authority);
  const codes = new Set(all.map((a) => a.laCode));
  for (const authority of all) {
    for (const code of authority.statisticalNeighbours) assert.ok(codes.has(code), `${authority.name}: neighbour ${code} is not in the file`);
  }
});

test('names are matched whatever the spelling: ", City of", "St."/"St", "&"/"and", case, hyphens, council suffixes', () => {
  const urnOf = (name: string) => findLocalAuthority(name)?.urn ?? null;
  assert.equal(urnOf('Bristol'), '80441');
  assert.equal(urnOf('City of Bristol'), '80441');
  assert.equal(urnOf('Bristol City Council'), '80441');
  assert.equal(urnOf('Kingston upon Hull'), '80477');
  assert.equal(urnOf('Hull'), '80477');
  assert.equal(urnOf('St Helens'), '80560');
  assert.equal(urnOf('St. Helens'), '80560');
  assert.equal(urnOf('st-helens'), '80560');
  assert.equal(urnOf('Brighton & Hove'), '80438');
  assert.equal(urnOf('BRIGHTON AND HOVE'), '80438');
  assert.equal(urnOf('Southend on Sea'), '80559');
  assert.equal(urnOf('Royal Borough of Kensington and Chelsea'), '80544');
  assert.equal(urnOf('Bedford'), '80428');
  assert.equal(urnOf('County Durham'), '80465');
  assert.equal(urnOf('Gloucestershire County Council'), '80470');
  assert.equal(urnOf('City of London'), '80450');
  assert.equal(urnOf('London'), null, 'the City of London is not "London"');
  assert.equal(urnOf('Kingston upon Thames'), '80545');
  assert.equal(urnOf('Exampleshire'), null);
});

test('every authority of the archive (source file names and the names its records use) is in the reference data', () => {
  const sourceAuthorities = new Set(
    readdirSync(DEFAULT_SOURCES_DIR)
      .map((file) => /^(.+?)-\d{4}-\d{2}-\d{2}-/.exec(file)?.[1])
      .filter((slug): slug is string => Boolean(slug)),
  );
  const recordAuthorities = new Set(loadReports(DEFAULT_REPORTS_DIR).map((r) => r.authority));
  const sidecarAuthorities = readdirSync(DEFAULT_SOURCES_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(DEFAULT_SOURCES_DIR, file), 'utf8')).authority)
    .filter(Boolean);
  assert.ok(sourceAuthorities.size >= 21, `expected the 21 authorities of the default archive, found ${sourceAuthorities.size}`);
  for (const name of [...sourceAuthorities, ...recordAuthorities, ...sidecarAuthorities]) {
    assert.ok(findLocalAuthority(name), `"${name}" is not matched to any row of content/reference/local-authorities.csv`);
  }
});

test("Ofsted's provider page is built from the URN", () => {
  assert.equal(ofstedProviderUrl(findLocalAuthority('South Gloucestershire')!.urn), 'https://reports.ofsted.gov.uk/provider/44/80556');
});
