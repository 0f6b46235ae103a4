/**
 * One strictness for src/: no non-null assertions (`value!`). Each one is a claim the type checker cannot hold us
 * to, and when it is wrong a page or the ingest fails far from the cause ("cannot read properties of undefined").
 * Narrow instead (a check, a loop over the array itself, a default where one is sound), or call `required(value,
 * what)` (src/lib/required.ts), which names what was missing. An index (`list[i]`) needs no assertion: the project
 * does not turn on `noUncheckedIndexedAccess`. Every .ts file under src/ is parsed with the TypeScript compiler, so
 * `!==`, `!x` or a `!` in a string are never mistaken for one. In an .astro file, Astro's own parser
 * (@astrojs/compiler-rs, the one `astro build` uses) finds the code: the frontmatter, each <script>, and each `{…}`
 * of the template, attributes included; the TypeScript compiler then reads each, as for a .ts file.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { parse as parseAstro } from '@astrojs/compiler-rs';

const SRC = 'src';

interface Code {
  code: string;
  /** The line of the file the code starts on. */
  firstLine: number;
  /** TSX for a template's `{…}`, which may hold elements (`{list.map((i) => <li>{i}</li>)}`). */
  kind: ts.ScriptKind;
}

/** Each non-null assertion in TypeScript `code`, as `file:line  expression`. */
function nonNullAssertions(file: string, { code, firstLine, kind }: Code): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNonNullExpression(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${file}:${firstLine + line}  ${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A node of the ESTree-shaped tree @astrojs/compiler-rs returns; offsets are UTF-16, as String#slice counts. */
interface AstroNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}
const isNode = (value: unknown): value is AstroNode => typeof value === 'object' && value !== null && typeof (value as AstroNode).type === 'string';

/**
 * The TypeScript of an .astro file, as Astro's parser finds it: the frontmatter, each <script>, and each outermost
 * `{…}` of the template (an expression holding elements holds their `{…}` too, and is read whole). Throws, naming
 * the file, where Astro cannot parse it: a file that cannot be read cannot be checked.
 */
function astroCode(file: string, text: string): Code[] {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const { ast, diagnostics } = parseAstro(text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`${file}: Astro cannot parse it: ${errors.map((d) => d.text).join('; ')}`);
  const parts: Code[] = [];
  const add = (node: AstroNode, kind: ts.ScriptKind) => parts.push({ code: text.slice(node.start, node.end), firstLine: lineOf(node.start), kind });
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value)) return;
    if (value.type === 'AstroFrontmatter' || value.type === 'AstroScript') {
      if (isNode(value.program)) add(value.program, ts.ScriptKind.TS);
      return;
    }
    const expression = value.type === 'JSXExpressionContainer' ? value.expression : value.type === 'JSXSpreadAttribute' || value.type === 'JSXSpreadChild' ? value.argument : null;
    if (isNode(expression)) {
      if (expression.type !== 'JSXEmptyExpression') add(expression, ts.ScriptKind.TSX);
      return;
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'type') visit(child);
  };
  visit(ast);
  return parts;
}

const astroAssertions = (file: string, text: string) => astroCode(file, text).flatMap((code) => nonNullAssertions(file, code));

test('the check finds a non-null assertion, and only that, in .ts and in an .astro file’s frontmatter and scripts', () => {
  const code = ['const a = list[0]!.name;', "if (a !== b && !c) throw new Error('no!');", 'const re = /x!/;', 'map.get(key)!;'].join('\n');
  assert.deepEqual(nonNullAssertions('example.ts', { code, firstLine: 1, kind: ts.ScriptKind.TS }), ['example.ts:1  list[0]!', 'example.ts:4  map.get(key)!']);
  const astro = ['---', 'const site = Astro.site!;', '---', '<p>{a !== b && "Hi!"}</p>', '<script>', '  document.body!.hidden = !true;', '</script>'].join('\n');
  assert.deepEqual(astroAssertions('example.astro', astro), ['example.astro:2  Astro.site!', 'example.astro:6  document.body!']);
});

test('the check finds a non-null assertion in an .astro template: in text, in attributes and inside nested elements', () => {
  const astro = [
    '---',
    'const items = [{ name: "Wow!" }];',
    '---',
    '<h1 title={page!.title}>Hello! {a !== b && !c}</h1>',
    '<ul>{items.map((item) => <li data-x={item.id!}>{item.name!} — “quoted!”</li>)}</ul>',
    '<Component {...props!} />',
    '{/* a comment! */}',
    '<p>{first!.text}</p>',
  ].join('\n');
  assert.deepEqual(astroAssertions('example.astro', astro), [
    'example.astro:4  page!',
    'example.astro:5  item.id!',
    'example.astro:5  item.name!',
    'example.astro:6  props!',
    'example.astro:8  first!',
  ]);
  assert.deepEqual(astroAssertions('example.astro', '<p>{first.text} ¶ 1!</p>'), [], 'text and a `!` outside braces are not code');
});

test('no file under src/ asserts that a value is not null or undefined', () => {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).sort();
  const found = files.flatMap((name) => {
    const file = join(SRC, name);
    if (name.endsWith('.ts') && !name.endsWith('.d.ts')) return nonNullAssertions(file, { code: readFileSync(file, 'utf8'), firstLine: 1, kind: ts.ScriptKind.TS });
    if (name.endsWith('.astro')) return astroAssertions(file, readFileSync(file, 'utf8'));
    return [];
  });
  assert.ok(files.filter((name) => name.endsWith('.ts')).length > 50, `expected the project's source files under ${SRC}/`);
  assert.deepEqual(found, [], `${found.length} non-null assertions: narrow the value, or use required(value, what) from src/lib/required.ts`);
});
