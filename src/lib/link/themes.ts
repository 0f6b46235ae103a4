/**
 * Theme tagging: a paragraph carries a theme when it contains one of the theme's phrases, compared stem by stem on
 * whole words (so "pathway plans" matches "pathway planning" but "plan" never matches inside "planet").
 */
import { z } from 'zod';
import { tokenize } from './tokens.ts';
import type { Token } from './tokens.ts';

const themeSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  title: z.string().min(1),
  description: z.string().min(1),
  terms: z.array(z.string().min(1)).min(1).describe('Phrases that, found in a text, tag it with the theme.'),
  excludes: z
    .array(z.string().min(1))
    .optional()
    .describe('Phrases whose words never count towards this theme: "supervision order" is not staff supervision.'),
});
export type Theme = z.infer<typeof themeSchema>;

const taxonomySchema = z.array(themeSchema).superRefine((themes, ctx) => {
  const seen = new Set<string>();
  for (const [index, theme] of themes.entries()) {
    if (seen.has(theme.slug)) ctx.addIssue({ code: 'custom', path: [index, 'slug'], message: `duplicate slug ${theme.slug}` });
    seen.add(theme.slug);
  }
});
export type Taxonomy = readonly Theme[];

/** Validate content/themes.json (already read and JSON-parsed by the caller). */
export function parseTaxonomy(json: unknown): Taxonomy {
  return taxonomySchema.parse(json);
}

interface Phrase {
  stems: string[];
  theme: number;
}

/** The phrases that start with one stem, longest first so a longer phrase is tried before its prefix. */
interface Starting {
  terms: Phrase[];
  excludes: Phrase[];
}

/** Compiled once per taxonomy object: tagging runs for every paragraph of the archive. */
const compiledCache = new WeakMap<Taxonomy, Map<string, Starting>>();

function compile(taxonomy: Taxonomy): Map<string, Starting> {
  let byFirst = compiledCache.get(taxonomy);
  if (byFirst) return byFirst;
  byFirst = new Map();
  for (const [theme, { terms, excludes = [] }] of taxonomy.entries()) {
    for (const [kind, phrases] of [['terms', terms], ['excludes', excludes]] as const) {
      for (const phrase of phrases) {
        const stems = tokenize(phrase).map((token) => token.stem);
        if (stems.length === 0) continue;
        let starting = byFirst.get(stems[0]);
        if (!starting) byFirst.set(stems[0], (starting = { terms: [], excludes: [] }));
        starting[kind].push({ stems, theme });
      }
    }
  }
  for (const starting of byFirst.values()) {
    starting.terms.sort((a, b) => b.stems.length - a.stems.length);
    starting.excludes.sort((a, b) => b.stems.length - a.stems.length);
  }
  compiledCache.set(taxonomy, byFirst);
  return byFirst;
}

function matchesAt(tokens: readonly Token[], at: number, phrase: Phrase): boolean {
  if (at + phrase.stems.length > tokens.length) return false;
  for (let offset = 0; offset < phrase.stems.length; offset++) {
    if (tokens[at + offset].stem !== phrase.stems[offset]) return false;
  }
  return true;
}

/**
 * Theme slugs of already tokenised text, the theme with most phrase hits first, ties in taxonomy order.
 * The matcher calls this with the tokens it has anyway; `tagThemes` is the same for raw text.
 */
export function tagTokens(tokens: readonly Token[], taxonomy: Taxonomy): string[] {
  const byFirst = compile(taxonomy);
  const starting = tokens.map((token) => byFirst.get(token.stem));
  // Words inside an exclude phrase are off limits for that theme only: "theme:position" keys.
  const excluded = new Set<string>();
  starting.forEach((here, at) => {
    for (const phrase of here?.excludes ?? []) {
      if (!matchesAt(tokens, at, phrase)) continue;
      for (let k = 0; k < phrase.stems.length; k++) excluded.add(`${phrase.theme}:${at + k}`);
    }
  });
  const isExcluded = (phrase: Phrase, at: number) =>
    excluded.size > 0 && phrase.stems.some((_, offset) => excluded.has(`${phrase.theme}:${at + offset}`));
  const hits = new Map<number, number>();
  starting.forEach((here, at) => {
    // One hit per theme per position: the longest phrase that matches there.
    const counted: number[] = [];
    for (const phrase of here?.terms ?? []) {
      if (counted.includes(phrase.theme) || !matchesAt(tokens, at, phrase) || isExcluded(phrase, at)) continue;
      counted.push(phrase.theme);
      hits.set(phrase.theme, (hits.get(phrase.theme) ?? 0) + 1);
    }
  });
  return [...hits.entries()]
    .sort(([themeA, countA], [themeB, countB]) => countB - countA || themeA - themeB)
    .map(([theme]) => taxonomy[theme].slug);
}

/** Theme slugs of a text, most hits first. */
export function tagThemes(text: string, taxonomy: Taxonomy): string[] {
  return tagTokens(tokenize(text), taxonomy);
}
