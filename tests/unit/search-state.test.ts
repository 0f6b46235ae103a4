import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSearchState, searchStateQuery, sameSearch, activeFacets } from '../../src/lib/search/state.ts';
import { facetCounts, orderFacetValues, reportFilter } from '../../src/lib/search/facets.ts';
import type { FacetIndex } from '../../src/lib/search/report-index.ts';

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

test('filters: any value within a facet, every facet; one facet left out for its own counts', () => {
  const state = read('q=x&authority=A&authority=B&judgement=Not+graded');
  assert.deepEqual(activeFacets(state), ['authority', 'judgement']);
  // Reports 0–3: A graded, B not graded, C not graded, A not graded.
  const index: FacetIndex = {
    values: { authority: ['A', 'B', 'C'], type: ['Inspection'], year: ['2019'], judgement: ['Good', 'Not graded'], theme: ['Care leavers', 'Fostering'] },
    reports: {
      authority: [[0], [1], [2], [0]],
      type: [[0], [0], [0], [0]],
      year: [[0], [0], [0], [0]],
      judgement: [[0], [1], [1], [1]],
      theme: [[0, 1], [1], [], [0]],
    },
  };
  const keep = reportFilter(index, state);
  assert.deepEqual([0, 1, 2, 3].filter(keep), [1, 3]);
  assert.deepEqual([0, 1, 2, 3].filter(reportFilter(index, state, 'authority')), [1, 2, 3]);
  assert.deepEqual([0, 1, 2, 3].filter(reportFilter(index, read('q=x'))), [0, 1, 2, 3]);
  // Counts among the reports a search found (0, 1 and 2): each facet without its own choice.
  const counts = facetCounts(index, state, [0, 1, 2]);
  assert.deepEqual(counts.authority, { B: 1, C: 1 });
  assert.deepEqual(counts.judgement, { Good: 1, 'Not graded': 1 });
  assert.deepEqual(counts.theme, { Fostering: 1 });
});

test('facet values are listed as a reader scans them', () => {
  assert.deepEqual(orderFacetValues('year', ['2017', '2022', '2019']), ['2022', '2019', '2017']);
  assert.deepEqual(
    orderFacetValues('judgement', ['Not graded', 'Inadequate', 'Requires improvement to be good', 'Good']),
    ['Good', 'Requires improvement to be good', 'Inadequate', 'Not graded'],
  );
  assert.deepEqual(orderFacetValues('authority', ['South Gloucestershire', 'Gloucestershire']), ['Gloucestershire', 'South Gloucestershire']);
});
