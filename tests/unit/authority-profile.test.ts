import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Grade, ReportRecord } from '../../src/schemas/report.ts';
import { authorityProfile } from '../../src/lib/site/authority-profile.ts';
import { parseLocalAuthorities } from '../../src/lib/site/local-authorities.ts';
import { summariseAuthorities } from '../../src/lib/site/shape.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

const reference = parseLocalAuthorities(
  [
    'name,ofsted_urn,la_code,ons_code,region,la_type,population_0_25,statistical_neighbours',
    'South Gloucestershire,80556,803,E06000025,South West,Unitary Authority,70000,916;801;878;999',
    'Gloucestershire,80470,916,E10000013,South West,County,170000,803',
    '"Bristol, City of",80441,801,E06000023,South West,Unitary Authority,162114,803',
    'Devon,80461,878,E10000008,South West,County,170000,803',
    'Exampletown,1,999,,Nowhere,,,',
  ].join('\n'),
);

function report(authority: string, published: string, overall: Grade | null): ReportRecord {
  const record = syntheticRecord({ authority, published, framework: 'ILACS', paragraphs: ['Text.'] });
  return overall
    ? { ...record, judgements: [{ area: 'Overall effectiveness', areaKey: 'overall-effectiveness', grade: overall }], overallEffectiveness: overall }
    : record;
}

const archive = summariseAuthorities([
  report('South Gloucestershire', '2019-05-08', 'Requires improvement to be good'),
  report('Gloucestershire', '2017-06-13', 'Inadequate'),
  report('Gloucestershire', '2022-04-01', 'Requires improvement to be good'),
  report('City of Bristol', '2020-01-01', null),
]);
const southGlos = archive.find((a) => a.name === 'South Gloucestershire')!;

test("an authority's profile gives its region, type and Ofsted's page for it from the reference data", () => {
  const profile = authorityProfile(southGlos, archive, reference)!;
  assert.equal(profile.region, 'South West');
  assert.equal(profile.type, 'Unitary Authority');
  assert.equal(profile.ofstedUrl, 'https://reports.ofsted.gov.uk/provider/44/80556');
});

test('statistical neighbours keep the DfE order, link where the archive holds them, and carry their latest overall grade', () => {
  const gloucestershire = archive.find((a) => a.name === 'Gloucestershire')!;
  const bristol = archive.find((a) => a.name === 'City of Bristol')!;
  assert.deepEqual(authorityProfile(southGlos, archive, reference)!.neighbours, [
    {
      name: 'Gloucestershire', laCode: '916', href: `/authorities/${gloucestershire.slug}/`,
      latest: { grade: 'Requires improvement to be good', href: `/reports/${gloucestershire.latestOverall!.report.slug}/`, published: '2022-04-01' },
    },
    { name: 'City of Bristol', laCode: '801', href: `/authorities/${bristol.slug}/`, latest: null },
    { name: 'Devon', laCode: '878', href: null, latest: null },
    { name: 'Exampletown', laCode: '999', href: null, latest: null },
  ]);
});

test('an authority the reference data does not know has no profile, rather than a wrong one', () => {
  const [elsewhere] = summariseAuthorities([report('Cardiff', '2020-01-01', 'Good')]);
  assert.equal(authorityProfile(elsewhere!, archive, reference), null);
});
