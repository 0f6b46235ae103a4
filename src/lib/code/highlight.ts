/**
 * Syntax highlighting at build time, for the /data/ page's samples of the exports and each report's data view.
 *
 * The site is served with a strict `style-src 'self'`, so the output carries classes, never style attributes: the
 * colours are those of Shiki's CSS-variables theme, all `var(--code-…)`, and each of those becomes a class
 * (`code-token-string`) coloured by src/styles/global.css.
 *
 * JSON has its own tokenizer (json-tokens.ts) because every report has a data view: Shiki tokenising JSON cost 19 ms
 * a view, 19 s of a 1,000-report build's 45 s of page generation, and the tokenizer gives the same HTML in about a
 * tenth of the time. CSV and XML, only on the /data/ page, keep Shiki.
 */
import { createCssVariablesTheme, createHighlighter, type Highlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { escapeAttribute, escapeHtml } from '../html-escape.ts';
import { jsonTokens } from './json-tokens.ts';

export type CodeLanguage = 'json' | 'csv' | 'xml';

/** A run of code text and the theme colour it takes (`token-constant` → class `code-token-constant`), if any. */
export interface CodeToken {
  text: string;
  colour: string | undefined;
}

const THEME = createCssVariablesTheme({ name: 'archive', variablePrefix: '--code-', fontStyle: false });
const VARIABLE_COLOUR = /^var\(--code-([a-z-]+)\)$/;

/** Colours the text keeps without a span of its own: the plain text colour, and punctuation. */
const UNCOLOURED = new Set(['foreground', 'token-punctuation']);

let highlighter: Promise<Highlighter> | undefined;

/** `code` as a `<pre class="code">`, focusable so a keyboard can scroll it. */
export async function highlight(code: string, lang: CodeLanguage, label: string): Promise<string> {
  return lang === 'json' ? codeHtml(jsonTokens(code), label) : highlightWithShiki(code, lang, label);
}

/**
 * `code` highlighted by Shiki: the path for CSV and XML, and for JSON the reference that json-tokens.ts is tested
 * against. The JSON grammar is loaded only when asked for, so a build (which sends JSON to json-tokens.ts) never
 * loads it.
 */
export async function highlightWithShiki(code: string, lang: CodeLanguage, label: string): Promise<string> {
  // Shiki's JavaScript regex engine tokenises these grammars about four times faster than the Oniguruma WebAssembly
  // engine (measured on a 60 KB record).
  highlighter ??= createHighlighter({ themes: [THEME], langs: ['csv', 'xml'], engine: createJavaScriptRegexEngine() });
  const shiki = await highlighter;
  if (!shiki.getLoadedLanguages().includes(lang)) await shiki.loadLanguage(lang);
  const lines = shiki.codeToTokensBase(code, { lang, theme: THEME });
  const tokens = lines.flatMap((line, i) => [
    ...(i ? [{ text: '\n', colour: undefined }] : []),
    ...line.map(({ content, color }) => {
      const variable = VARIABLE_COLOUR.exec(color ?? '')?.[1];
      return { text: content, colour: variable && !UNCOLOURED.has(variable) ? variable : undefined };
    }),
  ]);
  return codeHtml(tokens, label);
}

/**
 * The HTML straight from the tokens: each coloured token a span with class `code-<colour>`, lines and uncoloured
 * tokens no element at all, so a big record's view is a few thousand elements and quick to build.
 */
function codeHtml(tokens: readonly CodeToken[], label: string): string {
  let html = '';
  for (const { text, colour } of tokens) html += colour ? `<span class="code-${colour}">${escapeHtml(text)}</span>` : escapeHtml(text);
  return `<pre class="code" tabindex="0" aria-label="${escapeAttribute(label)}"><code>${html}</code></pre>`;
}
