/**
 * JSON as highlighted tokens, without Shiki, whose general grammar engine was most of a data view's build time (see
 * highlight.ts). The JSON that pages show is all `JSON.stringify` output, whose lexical grammar is a few token kinds,
 * so one sticky regular expression is enough.
 *
 * The colours are what Shiki's JSON grammar gives each kind under the CSS-variables theme (Shiki merges a string's
 * quotes and escapes into one token of the string's colour), and tests/unit/code-highlight.test.ts holds the two
 * to the same HTML, byte for byte, over every record in the archive and a hostile sample.
 */
import type { CodeToken } from './highlight.ts';

/** An object key, quotes and all: Shiki's `support.type.property-name`. */
const KEY = 'token-keyword';
/** A string value: `string.quoted.double`. */
const STRING = 'token-string-expression';
/** A number, true, false or null: `constant.numeric`, `constant.language`. */
const CONSTANT = 'token-constant';

/**
 * At each position one of: a string, a number or literal, or a run of whitespace and punctuation, which Shiki leaves
 * uncoloured. No carriage returns or other whitespace: `JSON.stringify` writes none, and Shiki would turn a "\r\n"
 * into "\n", so such text is refused rather than shown differently.
 */
const TOKEN = /("[^"\\\n]*(?:\\.[^"\\\n]*)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)|([ \n{}[\],:]+)/y;

/** `code`, text produced by `JSON.stringify`, as tokens; throws where it meets anything else. */
export function jsonTokens(code: string): CodeToken[] {
  const tokens: CodeToken[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < code.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(code);
    if (!match) throw new Error(`Not JSON.stringify output at character ${at}: ${JSON.stringify(code.slice(at, at + 40))}`);
    const [text, string, constant] = match;
    // A string is a key when its colon follows at once, as `JSON.stringify` writes every key.
    const colour = string ? (code[TOKEN.lastIndex] === ':' ? KEY : STRING) : constant ? CONSTANT : undefined;
    tokens.push({ text, colour });
  }
  return tokens;
}
