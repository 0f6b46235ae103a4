/**
 * The content-collection loader for the archive's reports: reads the frontmatter of every `<slug>.mdx` (the record,
 * as JSON) and lets the collection's schema validate it. Astro's glob loader would also compile every MDX file into
 * a module for rendering; the archive never renders MDX bodies (they hold only a comment), and at national scale
 * that compilation was most of the build's bundling time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { readFrontmatter } from './mdx.ts';

export function reportLoader(dir: string): Loader {
  return {
    name: 'report-loader',
    load: async ({ store, parseData, generateDigest }) => {
      store.clear();
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort()) {
        const filePath = join(dir, name);
        const raw = readFrontmatter(readFileSync(filePath, 'utf8'), filePath);
        const id = String(raw.slug);
        const data = await parseData({ id, data: raw, filePath });
        store.set({ id, data, digest: generateDigest(raw) });
      }
    },
  };
}
