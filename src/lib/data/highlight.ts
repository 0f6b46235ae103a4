/**
 * Syntax highlighting at build time with Shiki, for the /data/ page's excerpts and each report's data view.
 *
 * The site is served with a strict `style-src 'self'`, so the output carries classes, never style attributes: Shiki
 * runs a CSS-variables theme, whose colours are all `var(--code-…)`, and each of those becomes a class
 * (`code-token-string`) coloured by src/styles/global.css.
 */
import { createCssVariablesTheme, createHighlighter, type Highlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { escapeAttribute, escapeHtml } from './html.ts';

export type CodeLanguage = 'json' | 'csv' | 'xml';

const THEME = createCssVariablesTheme({ name: 'archive', variablePrefix: '--code-', fontStyle: false });
const VARIABLE_COLOUR = /^var\(--code-([a-z-]+)\)$/;

/** Colours the text keeps without a span of its own: the plain text colour, and punctuation. */
const UNCOLOURED = new Set(['foreground', 'token-punctuation']);

let highlighter: Promise<Highlighter> | undefined;

/** JSON strings of 64 characters or more (a paragraph's text), whole: quotes, then characters or escapes. */
const LONG_JSON_STRING = /"((?:[^"\\\n]|\\.){64,})"/g;
/** JSON text never holds a raw U+0001 (JSON.stringify escapes control characters), so stand-ins cannot clash. */
const STAND_IN = /\u0001(\d+)\u0001/g;

/**
 * A record's paragraph texts are most of its bytes and most of Shiki's work, yet a string is one token whatever
 * its length. So each long JSON string's inside is replaced by a short stand-in that tokenises the same, and
 * `restore` puts the original back into its token: Shiki's colours, over a fraction of the text.
 */
export function shortenLongJsonStrings(code: string): { code: string; restore: (token: string) => string } {
  const originals: string[] = [];
  const shortened = code.replace(LONG_JSON_STRING, (_, inside: string) => `"\u0001${originals.push(inside) - 1}\u0001"`);
  return { code: shortened, restore: (token) => token.replace(STAND_IN, (_, i: string) => originals[Number(i)]!) };
}

/**
 * `code` as a `<pre class="code">`, focusable so a keyboard can scroll it. Shiki tokenises; the HTML is written
 * here, straight from the tokens: each coloured token a span with class `code-<variable>`, lines and uncoloured
 * tokens no element at all, so a big record's view is a few thousand elements and quick to build.
 */
export async function highlight(code: string, lang: CodeLanguage, label: string): Promise<string> {
  // Shiki's JavaScript regex engine tokenises these three grammars about four times faster than the Oniguruma
  // WebAssembly engine (measured on a 60 KB record), which matters with a data view per report at national scale.
  highlighter ??= createHighlighter({ themes: [THEME], langs: ['json', 'csv', 'xml'], engine: createJavaScriptRegexEngine() });
  const { code: shortened, restore } = lang === 'json' ? shortenLongJsonStrings(code) : { code, restore: (t: string) => t };
  const lines = (await highlighter).codeToTokensBase(shortened, { lang, theme: 'archive' });
  const html = lines
    .map((tokens) =>
      tokens
        .map(({ content, color }) => {
          const variable = VARIABLE_COLOUR.exec(color ?? '')?.[1];
          const text = escapeHtml(restore(content));
          return variable && !UNCOLOURED.has(variable) ? `<span class="code-${variable}">${text}</span>` : text;
        })
        .join(''),
    )
    .join('\n');
  return `<pre class="code" tabindex="0" aria-label="${escapeAttribute(label)}"><code>${html}</code></pre>`;
}
