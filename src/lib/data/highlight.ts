/**
 * Syntax highlighting at build time with Shiki, for the /data/ page's excerpts and each report's data view.
 *
 * The site is served with a strict `style-src 'self'`, so the output carries classes, never style attributes: Shiki
 * runs a CSS-variables theme, whose colours are all `var(--code-…)`, and the transformer below turns each of those
 * into a class (`code-token-string`) coloured by src/styles/global.css.
 */
import { createCssVariablesTheme, createHighlighter, type Highlighter, type ShikiTransformer } from 'shiki';
import type { ElementContent } from 'hast';

export type CodeLanguage = 'json' | 'csv' | 'xml';

const THEME = createCssVariablesTheme({ name: 'archive', variablePrefix: '--code-', fontStyle: false });
const VARIABLE_COLOUR = /^color:var\(--code-([a-z-]+)\)$/;

/** Colours the text keeps without a span of its own: the plain text colour, and punctuation. */
const UNCOLOURED = new Set(['foreground', 'token-punctuation']);

/**
 * Styles → classes: each colour becomes `code-<variable>`. Lines and uncoloured tokens lose their spans (the text
 * keeps its line breaks), so a big record's page has a few thousand elements, not tens of thousands.
 */
const classesNotStyles: ShikiTransformer = {
  pre(node) {
    delete node.properties.style;
    node.properties.class = 'code';
  },
  span(node) {
    const variable = VARIABLE_COLOUR.exec(String(node.properties.style ?? ''))?.[1];
    delete node.properties.style;
    if (variable && !UNCOLOURED.has(variable)) node.properties.class = `code-${variable}`;
  },
  code(node) {
    node.children = node.children.flatMap(unwrapSpans);
  },
};

/** A span with no class, or a line, replaced by what it contains. */
function unwrapSpans(node: ElementContent): ElementContent[] {
  if (node.type !== 'element' || node.tagName !== 'span') return [node];
  const { class: className, ...others } = node.properties;
  const bare = Object.keys(others).length === 0 && (className === undefined || className === 'line');
  return bare ? node.children.flatMap(unwrapSpans) : [node];
}

let highlighter: Promise<Highlighter> | undefined;

/** `code` as a `<pre class="code">` of class-coloured spans, focusable so a keyboard can scroll it. */
export async function highlight(code: string, lang: CodeLanguage, label: string): Promise<string> {
  highlighter ??= createHighlighter({ themes: [THEME], langs: ['json', 'csv', 'xml'] });
  return (await highlighter).codeToHtml(code, {
    lang,
    theme: 'archive',
    transformers: [classesNotStyles, { pre: (node) => void (node.properties['aria-label'] = label) }],
  });
}
