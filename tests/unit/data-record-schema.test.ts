import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordFields, recordJsonSchema } from '../../src/lib/exports/record-schema.ts';
import { reportSchema } from '../../src/schemas/report.ts';

const schema = recordJsonSchema('https://archive.test/data/report.schema.json');
const fields = recordFields(schema);

test('every field of the record is explained, so the /data/ page documents all of it', () => {
  const missing = fields.filter((f) => f.description.trim() === '').map((f) => f.path);
  assert.deepEqual(missing, [], 'describe these in src/schemas/report.ts, or explain them in src/lib/exports/record-schema.ts');
});

test('the field list walks nested lists and objects, in schema order', () => {
  const paths = fields.map((f) => f.path);
  assert.deepEqual(paths.slice(0, 3), ['slug', 'title', 'authority']);
  for (const path of ['paragraphs[].id', 'paragraphs[].footnoteRefs[].offset', 'links[].followUps[].report', 'source.sha256']) {
    assert.ok(paths.includes(path), path);
  }
  assert.deepEqual(
    paths.filter((p) => !p.includes('.') && !p.includes('[')),
    Object.keys(reportSchema.shape),
    'every top-level field, in order',
  );
});

test('types read as words: dates, nullables, lists and controlled vocabularies', () => {
  const type = (path: string) => fields.find((f) => f.path === path)?.type;
  assert.equal(type('published'), 'date');
  assert.equal(type('inspectionStart'), 'date or null');
  assert.equal(type('framework'), 'one of: SIF, ILACS or null');
  assert.equal(type('paragraphs'), 'list of object');
  assert.equal(type('paragraphs[].supports'), 'list of integer');
});

test('the JSON Schema names itself and keeps the schema’s own descriptions', () => {
  assert.equal(schema.$id, 'https://archive.test/data/report.schema.json');
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(String(schema.properties?.slug?.description), /URL name/);
});
