/**
 * One strictness for src/: no non-null assertions (`value!`). Each one is a claim the type checker cannot hold us
 * to, and when it is wrong a page or the ingest fails far from the cause ("cannot read properties of undefined").
 * Narrow instead (a check, a loop over the array itself, a default where one is sound), or call `required(value,
 * what)` (src/lib/required.ts), which names what was missing. An index (`list[i]`) needs no assertion: the project
 * does not turn on `noUncheckedIndexedAccess`. Every .ts file under src/, and the frontmatter and scripts of every
 * .astro file, is parsed with the TypeScript compiler, so `!==`, `!x` or a `!` in a string are never mistaken for one.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const SRC = 'src';

/** Each non-null assertion in TypeScript `code`, as `file:line  expression`; `firstLine` is where the code starts in the file. */
function nonNullAssertions(file: string, code: string, firstLine = 1): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
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

/** The TypeScript of an .astro file: its frontmatter and each <script>, with the line each starts on. */
function astroCode(text: string): Array<{ code: string; firstLine: number }> {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const parts: Array<{ code: string; firstLine: number }> = [];
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text);
  if (frontmatter?.[1] !== undefined) parts.push({ code: frontmatter[1], firstLine: 2 });
  for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const code = script[1] ?? '';
    parts.push({ code, firstLine: lineOf(script.index + script[0].indexOf(code)) });
  }
  return parts;
}

test('the check finds a non-null assertion, and only that, in .ts and in an .astro file’s frontmatter and scripts', () => {
  const code = ['const a = list[0]!.name;', "if (a !== b && !c) throw new Error('no!');", 'const re = /x!/;', 'map.get(key)!;'].join('\n');
  assert.deepEqual(nonNullAssertions('example.ts', code), ['example.ts:1  list[0]!', 'example.ts:4  map.get(key)!']);
  const astro = ['---', 'const site = Astro.site!;', '---', '<p>{a !== b && "Hi!"}</p>', '<script>', '  document.body!.hidden = !true;', '</script>'].join('\n');
  const found = astroCode(astro).flatMap(({ code, firstLine }) => nonNullAssertions('example.astro', code, firstLine));
  assert.deepEqual(found, ['example.astro:2  Astro.site!', 'example.astro:6  document.body!']);
});

test('no file under src/ asserts that a value is not null or undefined', () => {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).sort();
  const found = files.flatMap((name) => {
    const file = join(SRC, name);
    if (name.endsWith('.ts') && !name.endsWith('.d.ts')) return nonNullAssertions(file, readFileSync(file, 'utf8'));
    if (name.endsWith('.astro')) return astroCode(readFileSync(file, 'utf8')).flatMap(({ code, firstLine }) => nonNullAssertions(file, code, firstLine));
    return [];
  });
  assert.ok(files.filter((name) => name.endsWith('.ts')).length > 50, `expected the project's source files under ${SRC}/`);
  assert.deepEqual(found, [], `${found.length} non-null assertions: narrow the value, or use required(value, what) from src/lib/required.ts`);
});
