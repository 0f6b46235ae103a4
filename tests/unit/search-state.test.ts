import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSearchState, searchStateQuery, pagefindFilters, pagefindSort, sameSearch, activeFacets } from '../../src/lib/search/state.ts';
import { orderFacetValues } from '../../src/lib/search/facets.ts';

const read = (query: string) => readSearchState(new URLSearchParams(query));

test('a URL becomes a search state and back, in one canonical order', () => {
  const state = read('sort=date&theme=Private+fostering&q=+return+home+&authority=South+Gloucestershire&authority=Gloucestershire&year=2019');
  assert.equal(state.query, 'return home');
  assert.deepEqual(state.filters.authority, ['Gloucestershire', 'South Gloucestershire']);
  assert.deepEqual(state.filters.type, []);
  assert.equal(state.sort, 'date');
  assert.equal(
    searchStateQuery(state),
    '?q=return+home&authority=Gloucestershire&authority=South+Gloucestershire&year=2019&theme=Private+fostering&sort=date',
  );
  assert.deepEqual(read(searchStateQuery(state)), state);
});

test('unknown parameters, repeated and empty values and unknown sorts are ignored', () => {
  const state = read('q=x&utm_source=mail&year=2019&year=2019&year=&sort=random');
  assert.deepEqual(state.filters.year, ['2019']);
  assert.equal(state.sort, 'relevance');
  assert.equal(searchStateQuery(state), '?q=x&year=2019');
  assert.equal(searchStateQuery(read('')), '');
  assert.ok(sameSearch(read('year=2019&q=x'), read('q=x&year=2019')));
});

test('Pagefind options: any value within a facet, every facet, and one facet left out for its own counts', () => {
  const state = read('q=x&authority=A&authority=B&judgement=Not+graded');
  assert.deepEqual(activeFacets(state), ['authority', 'judgement']);
  assert.deepEqual(pagefindFilters(state), { authority: { any: ['A', 'B'] }, judgement: { any: ['Not graded'] } });
  assert.deepEqual(pagefindFilters(state, 'authority'), { judgement: { any: ['Not graded'] } });
  assert.equal(pagefindSort(state), undefined);
  assert.deepEqual(pagefindSort(read('q=x&sort=date')), { date: 'desc' });
});

test('facet values are listed as a reader scans them', () => {
  assert.deepEqual(orderFacetValues('year', ['2017', '2022', '2019']), ['2022', '2019', '2017']);
  assert.deepEqual(
    orderFacetValues('judgement', ['Not graded', 'Inadequate', 'Requires improvement to be good', 'Good']),
    ['Good', 'Requires improvement to be good', 'Inadequate', 'Not graded'],
  );
  assert.deepEqual(orderFacetValues('authority', ['South Gloucestershire', 'Gloucestershire']), ['Gloucestershire', 'South Gloucestershire']);
});
