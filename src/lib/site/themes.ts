/** The theme taxonomy for pages: the same content/themes.json the ingest tags with. */
import taxonomyJson from '../../../content/themes.json';
import { parseTaxonomy, type Taxonomy } from '../link/themes.ts';

let themes: { taxonomy: Taxonomy; titles: Map<string, string> } | undefined;

export function getThemes(): { taxonomy: Taxonomy; titles: Map<string, string> } {
  if (!themes) {
    const taxonomy = parseTaxonomy(taxonomyJson);
    themes = { taxonomy, titles: new Map(taxonomy.map((t) => [t.slug, t.title])) };
  }
  return themes;
}
