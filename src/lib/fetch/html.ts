/**
 * Just enough HTML reading for Ofsted's listing and provider pages: the links of a page, each with its attributes,
 * its inner markup and its text. Tolerant of attribute order, quoting and case, since the site's markup is not ours;
 * what the pages must contain is checked by the callers, which name what they looked for when it is missing.
 */

export interface Link {
  /** Attribute names in lower case; values with entities decoded. */
  attributes: Record<string, string>;
  /** The markup between `<a …>` and `</a>`. */
  inner: string;
  /** The link's text: tags dropped, entities decoded, white space collapsed. */
  text: string;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', ndash: '–', mdash: '—', hellip: '…',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Markup → its visible text on one line. */
export function textOf(markup: string): string {
  return decodeEntities(markup.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributesOf(tagBody: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of tagBody.matchAll(ATTRIBUTE)) attributes[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attributes;
}

/** Every `<a>` element of the page, in document order (scripts and comments skipped). */
export function linksOf(html: string): Link[] {
  const page = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
  const links: Link[] = [];
  for (const m of page.matchAll(/<a(\s[^>]*)?>([\s\S]*?)<\/a\s*>/gi)) {
    links.push({ attributes: attributesOf(m[1] ?? ''), inner: m[2], text: textOf(m[2]) });
  }
  return links;
}

/** The text of the first element inside `markup` whose class list includes `className`, or null. */
export function textOfClass(markup: string, className: string): string | null {
  for (const m of markup.matchAll(/<([a-z][a-z0-9]*)(\s[^>]*)>([\s\S]*?)<\/\1\s*>/gi)) {
    const classes = (attributesOf(m[2]).class ?? '').split(/\s+/);
    if (classes.includes(className)) return textOf(m[3]);
  }
  return null;
}

export function hasClass(link: Link, className: string): boolean {
  return (link.attributes.class ?? '').split(/\s+/).includes(className);
}
