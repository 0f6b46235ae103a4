/**
 * The glossary of children's social care abbreviations and terms (content/glossary.json): one schema for the file,
 * validated when the site builds it (the /glossary/ page) and by the unit tests. The browser's search reads the same
 * file without validating it again, so that zod never reaches the page.
 */
import { z } from 'zod';

export const glossaryEntrySchema = z
  .object({
    /** The abbreviation as reports print it: "LADO", "DoLS". Marked with <abbr> where it stands in a report. */
    term: z.string().min(2),
    /** What it stands for, in lower case unless a proper name: "local authority designated officer". */
    expansion: z.string().min(3),
    /** Other ways reports say the same thing ("designated officer", "LAC"): search treats them all as one. */
    also: z.array(z.string().min(2)),
    /** One plain sentence on what it is, for the /glossary/ page. */
    meaning: z.string().min(10),
  })
  .strict();

export const glossarySchema = z
  .object({
    description: z.string(),
    entries: z.array(glossaryEntrySchema).min(1),
  })
  .strict()
  .superRefine(({ entries }, context) => {
    const seen = new Map<string, string>();
    for (const entry of entries) {
      for (const form of [entry.term, entry.expansion, ...entry.also]) {
        const key = form.toLowerCase();
        const owner = seen.get(key);
        if (owner && owner !== entry.term) context.addIssue({ code: 'custom', message: `"${form}" is a form of both ${owner} and ${entry.term}: search could not tell which is meant` });
        seen.set(key, entry.term);
      }
    }
  });

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
