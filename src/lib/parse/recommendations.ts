/**
 * Recommendations: each item of a recommendations section — SIF's numbered list ("1. Urgently review…", kept with
 * the report's numbers, 1–22 for the local authority and 131–139 for the LSCB in one report), ILACS's "What needs
 * to improve?" bullets (numbered by position, 1…n through the document) — and a council report's own
 * recommendations, the "Recommendations" row of its key–value table ("That Cabinet: • Notes… • Approves…").
 */
import type { Recommendation } from '../../schemas/report.ts';
import { SourceError } from '../source-error.ts';
import type { Block, SectionDraft } from './blocks.ts';
import type { Format } from './detect.ts';
import type { Line } from './normalise.ts';
import { collapseSpaces, stripFootnoteMarks } from './text.ts';

/**
 * Whether a block is a recommendation (and so not a paragraph): an item of a recommendations section, unless it
 * says there are none ("26. The inspection did not find any areas for priority and immediate action.").
 */
export function isRecommendation(block: Block, sections: readonly SectionDraft[], format: Format): boolean {
  if (block.section < 0 || !sections[block.section].isRecommendations) return false;
  // ILACS lists what needs to improve as bullets, never numbered: a numbered paragraph there is the next section's,
  // under a heading the text lost, and stays a paragraph with its number.
  const numberedItem = block.numbered !== null && format.family !== 'ilacs';
  // Nor does it introduce them: text there of one sentence is an item whose bullet the PDF lost (drawn as an image).
  // Sentences on ("There are an extremely small number of areas… Senior leaders…") say why there is no list.
  const unmarkedItem = block.numbered === null && !block.table && format.family === 'ilacs' && !/[.!?] [A-Z]/.test(block.text);
  return (block.item || numberedItem || unmarkedItem) && !STATES_NONE.test(block.text);
}

const STATES_NONE = /\b(?:did not find any|there (?:are|were) no)\b/i;

/**
 * The recommendations among the blocks, in order. An unnumbered one takes the number after the highest so far, so
 * an LSCB's bullets after the report's numbered list do not clash with its numbers. Two with the same number are an
 * error in the source.
 */
export function buildRecommendations(
  blocks: readonly Block[],
  idOf: (section: number) => string,
  file: string,
): Recommendation[] {
  const recommendations: Recommendation[] = [];
  const seen = new Map<number, string>();
  let highest = 0;
  for (const block of blocks) {
    const number = block.numbered ? block.numbered.number : Math.floor(highest) + 1;
    highest = Math.max(highest, number);
    const text = stripFootnoteMarks(collapseSpaces(block.text)).trim();
    const earlier = seen.get(number);
    if (earlier !== undefined) {
      throw new SourceError(`recommendation ${number} appears twice: "${quote(earlier)}" and "${quote(text)}"`, {
        file,
        line: block.line,
        hint: 'check the numbering of the recommendations list',
      });
    }
    seen.set(number, text);
    recommendations.push(recommendation(number, text, idOf(block.section)));
  }
  return recommendations;
}

const quote = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** A recommendation as the record holds it; themes are filled by the linking step. */
export function recommendation(number: number, text: string, section: string | null): Recommendation {
  return { id: `rec-${number}`, number, text, section, themes: [] };
}

/**
 * A council report's "Recommendations<TAB>That Cabinet: • Notes… • Approves… • Delegates…" row: the line index
 * (so it is not repeated as body text) and one text per bullet. The lead-in ("That Cabinet:") is not a
 * recommendation.
 */
export function keyValueRecommendations(lines: readonly Line[]): { index: number; texts: string[] } | null {
  const index = lines.findIndex((line) => /^recommendations?\t/i.test(line.text));
  if (index < 0) return null;
  const value = lines[index].text.slice(lines[index].text.indexOf('\t') + 1);
  const parts = value.split(/\s*•\s*/).map((part) => collapseSpaces(part).trim());
  const texts = parts.filter((part, k) => part !== '' && !(k === 0 && /:$/.test(part) && parts.length > 1));
  return { index, texts };
}
