/**
 * The glossary of abbreviations (content/glossary.json, validated with src/schemas/glossary.ts) for the site: the
 * /glossary/ page lists it, and report paragraphs mark each abbreviation where it stands with its expansion.
 */
import { readFileSync } from 'node:fs';
import { glossarySchema, type GlossaryEntry } from '../../schemas/glossary.ts';

export const GLOSSARY_FILE = 'content/glossary.json';

let loaded: GlossaryEntry[] | undefined;
/** The entries, in the file's order (alphabetical by term); a bad file stops the build naming the field. */
export function getGlossary(): GlossaryEntry[] {
  if (!loaded) {
    const parsed = glossarySchema.safeParse(JSON.parse(readFileSync(GLOSSARY_FILE, 'utf8')));
    if (!parsed.success) throw new Error(`${GLOSSARY_FILE}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    loaded = parsed.data.entries;
  }
  return loaded;
}

export interface TextRun {
  text: string;
  /** The expansion, when the run is an abbreviation of the glossary. */
  expansion?: string;
}

/**
 * A text cut into runs, the glossary's abbreviations (as printed: "LADO", "IROs", "DoLS") apart with their
 * expansions, so a page can wrap each in <abbr title="…">. Only whole words in the term's own capitals count: "Pause"
 * or "send" are words, not abbreviations.
 */
export function abbreviationRuns(text: string, entries: readonly GlossaryEntry[]): TextRun[] {
  const expansions = expansionsOf(entries);
  const runs: TextRun[] = [];
  let from = 0;
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])[A-Z][A-Za-z]*[A-Z]s?(?![\p{L}\p{N}])/gu)) {
    const expansion = expansions.get(match[0]);
    if (!expansion) continue;
    if (match.index > from) runs.push({ text: text.slice(from, match.index) });
    runs.push({ text: match[0], expansion });
    from = match.index + match[0].length;
  }
  if (from < text.length || runs.length === 0) runs.push({ text: text.slice(from) });
  return runs;
}

/** Each glossary's abbreviations as printed (with their plurals) → expansion, made once: every paragraph asks. */
const expansionMaps = new WeakMap<readonly GlossaryEntry[], Map<string, string>>();

function expansionsOf(entries: readonly GlossaryEntry[]): Map<string, string> {
  let expansions = expansionMaps.get(entries);
  if (!expansions) {
    expansions = new Map();
    for (const { term, expansion, also } of entries) {
      for (const form of [term, ...also.filter((a) => /^[A-Z][A-Za-z]*[A-Z]s?$/.test(a))]) {
        expansions.set(form, expansion);
        if (!form.endsWith('s')) expansions.set(`${form}s`, expansion);
      }
    }
    expansionMaps.set(entries, expansions);
  }
  return expansions;
}
