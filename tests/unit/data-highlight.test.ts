import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlight, shortenLongJsonStrings } from '../../src/lib/data/highlight.ts';

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

test('long JSON strings are stood in for while tokenising and come back whole, escapes and all', async () => {
  const text = `A paragraph with "quotes", a back\\slash and a line\nbreak, long enough to be stood in for: ${'x'.repeat(80)}`;
  const code = JSON.stringify({ text, short: 'kept' }, null, 2);
  const { code: shortened, restore } = shortenLongJsonStrings(code);
  assert.ok(shortened.length < code.length / 2);
  assert.ok(shortened.includes('"kept"'));
  assert.equal(restore(shortened), code);
  const html = await highlight(code, 'json', 'record');
  const plain = html.replace(/<[^>]+>/g, '').replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  assert.ok(plain.includes(JSON.stringify(text)));
});
