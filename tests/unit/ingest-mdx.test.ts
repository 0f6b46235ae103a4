/**
 * The record file: the record comes back from its frontmatter, and its body, the report's text for reading, compiles
 * as MDX (with the reference compiler, @mdx-js/mdx) to exactly the report's text, however hostile that text is:
 * no JavaScript, no JSX, no expression, no Markdown formatting, every character kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compile, createProcessor } from '@mdx-js/mdx';
import { mdxText, readFrontmatter, renderReportMdx } from '../../src/lib/ingest/mdx.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

test('a record is read back from the MDX the ingest writes, and a broken file is named', () => {
  const record = syntheticRecord({ authority: 'Gloucestershire', published: '2022-04-01', paragraphs: ['Line and paragraph separators \u2028 \u2029 survive.'] });
  assert.deepEqual(readFrontmatter(renderReportMdx(record), 'x.mdx'), record);
  assert.throws(() => readFrontmatter('no frontmatter', 'broken.mdx'), /broken\.mdx: no frontmatter/);
});

const HOSTILE = [
  'Plain text, with “quotes”, ‘apostrophes’ and children’s services.',
  'An expression {props.secret} and a closing } brace and an opening { one.',
  '<script>alert(1)</script> and <Component prop={1} /> and <!-- a comment -->',
  'import x from "y"',
  'export const leak = 1',
  'export default function Page() {}',
  'A link <https://example.org/a?b=1&c=2> and [text](javascript:alert(1)) and ![img](x.png)',
  'Backticks `code` and ``` fences ``` and ~~strike~~ and | a | table |',
  '# not a heading',
  '## not a heading either ##',
  '*emphasis* and **strong** and _under_ and __double__ and a lone * star',
  'A backslash \\ and an escaped \\* star and a path C:\\temp\\{x}',
  'Entities &amp; &lt; &#123; &copy; stay as typed.',
  '1. not a list\n2) nor this\n- nor a bullet\n+ nor this\n> nor a quote\n=== nor a setext underline\n---',
  'import on a second line:\nimport x from "y"\nexport const z = 1',
  '  leading spaces, a\ttab, trailing spaces  \nthen a new line',
  'two\n\nblank-line-separated parts\n\n\nand three',
  '    four spaces: not code',
  'The LA\u2019s plan (2019–2022) costs £3.5m; see p.12, para 4.1!',
  '$math$ and :directive and @mention and ^caret and %percent',
];

/** The text of an mdast node: text values, with character references and escapes already resolved by the parser. */
function textOf(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'break') return '\n';
  return (node.children ?? []).map((child) => textOf(child as typeof node)).join('');
}

test('hostile report text: each MDX block compiles to exactly its text, nothing else', async () => {
  const processor = createProcessor();
  for (const text of HOSTILE) {
    const source = mdxText(text);
    const tree = processor.parse(source) as unknown as { children: { type: string }[] };
    assert.deepEqual(tree.children.map((node) => node.type), ['paragraph'], `${JSON.stringify(text)} as ${JSON.stringify(source)}`);
    assert.equal(textOf(tree.children[0]!), text, JSON.stringify(source));
    await compile(source); // and it compiles
  }
});

test('a whole record file: its body is the title, headings and numbered paragraphs, and compiles to their text', async () => {
  const record = syntheticRecord({
    authority: 'Exampleshire',
    published: '2024-03-01',
    sections: ['findings', 'import-x'],
    recommendations: [HOSTILE[1]!, HOSTILE[4]!],
    paragraphs: HOSTILE.map((text, i) => ({ text, section: i < 10 ? 'findings' : 'import-x' })),
  });
  record.sections[1]!.title = 'import {x} from "y" # <b>';
  const mdx = renderReportMdx(record);
  const body = mdx.slice(mdx.indexOf('\n---\n') + 5);
  const tree = createProcessor().parse(body) as unknown as { children: { type: string; depth?: number }[] };
  const [comment, ...blocks] = tree.children;
  assert.equal(comment!.type, 'mdxFlowExpression', 'the generated-file note, a JSX comment');
  const expected = [
    ['heading', record.title],
    ['heading', 'Recommendations'],
    ...record.recommendations.map((r) => ['paragraph', `${r.number}. ${r.text}`]),
    ['heading', 'findings'],
    ...record.paragraphs.slice(0, 10).map((p) => ['paragraph', `${p.label}. ${p.text}`]),
    ['heading', record.sections[1]!.title],
    ...record.paragraphs.slice(10).map((p) => ['paragraph', `${p.label}. ${p.text}`]),
  ];
  assert.deepEqual(blocks.map((node) => [node.type, textOf(node)]), expected);
  await compile(mdx.slice(mdx.indexOf('\n---\n') + 5));
});
