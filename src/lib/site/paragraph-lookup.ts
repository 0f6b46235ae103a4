/**
 * Finding a paragraph on a report page from what a reader types or a link carries. Pure, so the browser script of
 * src/components/ReportContextBar.astro stays a thin shell over it and these rules are unit-tested.
 */

/** A passage of the page: its name in words ("paragraph 29", "recommendation 3") and its anchor. */
export interface NamedAnchor {
  name: string;
  anchor: string;
}

/**
 * The anchor for "29", "¶ 29", "para 6.0", "A3", "rec 3" or "Recommendation 3", or null when the report has no such
 * passage. A number on its own is a paragraph, as the report numbers them ("6.0" finds the first "6.0").
 */
export function anchorForParagraph(typed: string, passages: readonly NamedAnchor[]): string | null {
  const text = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!text) return null;
  const recommendation = /^r(?:ec(?:ommendation)?)?\.? ?(\d+)$/.exec(text);
  const archive = /^a ?(\d+)$/.exec(text);
  const number = text.replace(/^(?:¶|para(?:graph)?\.?) ?/, '');
  const wanted = recommendation
    ? [`recommendation ${recommendation[1]}`]
    : archive
      ? [`archive paragraph a${archive[1]}`]
      : [`paragraph ${number}`, `paragraph ${number}.0`];
  for (const name of wanted) {
    const found = passages.find((p) => p.name.toLowerCase() === name);
    if (found) return found.anchor;
  }
  return null;
}

/**
 * What to tell a reader whose link names a paragraph or recommendation this report does not have (#para-999), or
 * null for any other fragment (a section, a footnote, or nothing the archive made).
 */
export function missingAnchorMessage(anchor: string): string | null {
  const match = /^(para|ap|rec)-(\d+(?:-\d+)*)$/.exec(anchor);
  if (!match) return null;
  const [, kind, number = ''] = match;
  const what = kind === 'rec' ? `recommendation ${number}` : kind === 'ap' ? `paragraph A${number}` : `paragraph ${number.split('-')[0]}`;
  return `This report has no ${what}: the link you followed may have a mistyped or out-of-date number.`;
}
