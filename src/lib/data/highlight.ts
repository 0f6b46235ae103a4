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

/**
 * `code` as a `<pre class="code">`, focusable so a keyboard can scroll it. Shiki tokenises; the HTML is written
 * here, straight from the tokens: each coloured token a span with class `code-<variable>`, lines and uncoloured
 * tokens no element at all, so a big record's view is a few thousand elements and quick to build.
 */
export async function highlight(code: string, lang: CodeLanguage, label: string): Promise<string> {
  // Shiki's JavaScript regex engine tokenises these three grammars about four times faster than the Oniguruma
  // WebAssembly engine (measured on a 60 KB record), which matters with a data view per report at national scale.
  highlighter ??= createHighlighter({ themes: [THEME], langs: ['json', 'csv', 'xml'], engine: createJavaScriptRegexEngine() });
  const lines = (await highlighter).codeToTokensBase(code, { lang, theme: 'archive' });
  const html = lines
    .map((tokens) =>
      tokens
        .map(({ content, color }) => {
          const variable = VARIABLE_COLOUR.exec(color ?? '')?.[1];
          return variable && !UNCOLOURED.has(variable) ? `<span class="code-${variable}">${escapeHtml(content)}</span>` : escapeHtml(content);
        })
        .join(''),
    )
    .join('\n');
  return `<pre class="code" tabindex="0" aria-label="${escapeAttribute(label)}"><code>${html}</code></pre>`;
}
