/**
 * Syntax highlighting at build time with Shiki, for the /data/ page's excerpts and each report's data view.
 *
 * The site is served with a strict `style-src 'self'`, so the output carries classes, never style attributes: Shiki
 * runs a CSS-variables theme, whose colours are all `var(--code-…)`, and the transformer below turns each of those
 * into a class (`code-token-string`) coloured by src/styles/global.css. Tokens in the plain text colour get no
 * span at all, which keeps big records' pages smaller.
 */
import { createCssVariablesTheme, createHighlighter, type Highlighter, type ShikiTransformer } from 'shiki';
import type { Element, ElementContent } from 'hast';

export type CodeLanguage = 'json' | 'csv' | 'xml';

const THEME = createCssVariablesTheme({ name: 'archive', variablePrefix: '--code-', fontStyle: false });
const VARIABLE_COLOUR = /^color:var\(--code-([a-z-]+)\)$/;

/** Styles → classes: every colour becomes `code-<variable>`; the plain text colour is inherited instead. */
const classesNotStyles: ShikiTransformer = {
  pre(node) {
    delete node.properties.style;
    node.properties.class = 'code';
  },
  span(node) {
    const variable = VARIABLE_COLOUR.exec(String(node.properties.style ?? ''))?.[1];
    delete node.properties.style;
    if (variable && variable !== 'foreground') node.properties.class = `code-${variable}`;
  },
  line(node) {
    node.children = node.children.flatMap((child): ElementContent[] =>
      isBareSpan(child) ? child.children : [child],
    );
  },
};

const isBareSpan = (node: ElementContent): node is Element =>
  node.type === 'element' && node.tagName === 'span' && Object.keys(node.properties).length === 0;

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
