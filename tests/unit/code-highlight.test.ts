import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlight, highlightWithShiki } from '../../src/lib/code/highlight.ts';
import { DEFAULT_REPORTS_DIR } from '../../src/lib/archive-paths.ts';
import { loadReport } from '../../src/lib/ingest/report-loader.ts';
import { recordParts, reportJson } from '../../src/lib/exports/serialise.ts';

/** Everything JSON text can hold that a tokenizer might get wrong: escapes, markup, non-ASCII, numbers, nesting. */
const HOSTILE = {
  'a "quoted" key\\with\nescapes é': 'a "quoted" value, a back\\slash, a line\nbreak, a\ttab, a \u0001 control, a \ud800 lone surrogate',
  markup: '<script>alert("x")</script> & &amp; <b>bold</b> > done',
  unicode: 'é, ü, ß, “curly” quotes, a line\u2028separator, emoji 😀👩‍👧',
  '<key> & "more"': ['<', '&', '>', '"', '\\', '/', ''],
  numbers: [-1.5e-7, 0, -0, 1, -1, 12.5, 1e21, 1.7976931348623157e308, 5e-324, 123456789012],
  constants: [null, true, false],
  empty: { array: [], object: {}, nested: [[], {}, [[]], [{}], { a: [] }] },
  '': '',
  deep: [{ text: 'x'.repeat(200), themes: ['a', 'b'], number: 41, url: null }],
};

test('highlighted code carries classes, never style attributes (the CSP allows no inline styles)', async () => {
  for (const [code, lang] of [
    ['{\n  "slug": "x",\n  "number": 41,\n  "url": null\n}', 'json'],
    ['authority,text\r\nTestshire,"a, b"', 'csv'],
    ['<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id></feed>', 'xml'],
  ] as const) {
    const html = await highlight(code, lang, 'Example');
    assert.ok(!/\sstyle=/.test(html), `${lang}: ${html}`);
    assert.match(html, /^<pre class="code" tabindex="0" aria-label="Example"><code>/);
    assert.match(html, /class="code-token-[a-z-]+"/);
  }
});

test('highlighting keeps the text exactly, escaped, and the label is a safe attribute', async () => {
  const code = '{\n  "text": "Children <b> & \\"families\\""\n}';
  const html = await highlight(code, 'json', 'Example');
  const text = html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  assert.equal(text, code);
  assert.ok(!html.includes('<b>'));
  assert.match(await highlight('1', 'json', 'The "record"'), /aria-label="The &quot;record&quot;"/);
});

test('lines, punctuation and plain text get no spans of their own, so big records stay light', async () => {
  const html = await highlight('[\n  1,\n  "two"\n]', 'json', 'Example');
  assert.equal(html, '<pre class="code" tabindex="0" aria-label="Example"><code>[\n  <span class="code-token-constant">1</span>,\n  <span class="code-token-string-expression">"two"</span>\n]</code></pre>');
});

test('keys, string values and constants each take their colour; markup in keys and values is escaped', async () => {
  const code = JSON.stringify({ '<k> & "q"': ['<script>&amp;</script>', -1.5e-7, true, null] }, null, 2);
  assert.equal(
    await highlight(code, 'json', 'Example'),
    '<pre class="code" tabindex="0" aria-label="Example"><code>{\n' +
      '  <span class="code-token-keyword">"&lt;k&gt; &amp; \\"q\\""</span>: [\n' +
      '    <span class="code-token-string-expression">"&lt;script&gt;&amp;amp;&lt;/script&gt;"</span>,\n' +
      '    <span class="code-token-constant">-1.5e-7</span>,\n' +
      '    <span class="code-token-constant">true</span>,\n' +
      '    <span class="code-token-constant">null</span>\n' +
      '  ]\n}</code></pre>',
  );
});

test('JSON gets the same HTML as Shiki gives it, byte for byte: a hostile sample, and edge cases', async () => {
  const samples = [
    JSON.stringify(HOSTILE, null, 2),
    JSON.stringify(HOSTILE, null, 1),
    JSON.stringify(HOSTILE),
    `${JSON.stringify(HOSTILE, null, 2)}\n`,
    ...HOSTILE.numbers.map((n) => JSON.stringify(n)),
    '"a top-level string"',
    'null',
    '[]',
    '{}',
    '',
  ];
  for (const code of samples) assert.equal(await highlight(code, 'json', 'Sample'), await highlightWithShiki(code, 'json', 'Sample'), code);
});

test('a real record gets the same HTML as Shiki gives it, part by part and whole (every record: tests/integration)', async () => {
  const record = loadReport(`${DEFAULT_REPORTS_DIR}/gloucestershire-2022-04-01-inspection.mdx`);
  const { head, lists } = recordParts(record);
  for (const code of [head, ...lists.map((list) => list.first), reportJson(record)]) {
    assert.equal(await highlight(code, 'json', 'Record'), await highlightWithShiki(code, 'json', 'Record'), code.slice(0, 60));
  }
});

test('text that JSON.stringify would not write is refused, not shown differently from Shiki', async () => {
  for (const code of ['{\r\n  "a": 1\r\n}', "{'a': 1}", '{"a": undefined}', '"an unterminated string', '"a raw\nline break"']) {
    await assert.rejects(highlight(code, 'json', 'Bad'), /Not JSON\.stringify output/, code);
  }
});
