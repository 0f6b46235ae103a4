/**
 * Writes the search index of some report records into a folder: Pagefind's index of one record per report, and each
 * report's passage files beside it, in `<folder>/pagefind/` (see passage-index.ts for the two levels), and the
 * archive's vocabulary by first letter for "did you mean" (suggest.ts).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { ReportRecord } from '../../schemas/report.ts';
import { searchDocument, type SearchDocument } from './records.ts';
import { VOCABULARY_PATH, vocabularyFiles } from './suggest.ts';
import { PASSAGE_FILES_PATH, PASSAGES_PER_TEXT_FILE, passageIndexUrl, passageTextUrl, passageWordsUrl } from './passage-index.ts';

/**
 * Records in flight to Pagefind's indexing process at once. One at a time, the round trips dominate (about 3.5 times
 * slower); the index written is byte-identical whatever order the records arrive in.
 */
const BATCH = 500;
/** Pagefind's files are gzip around this signature (pagefind.js, `decompress`). */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

function failIfErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Search index: ${step} failed: ${errors.join('; ')}`);
}

/**
 * Pagefind's id for each record, by URL. A search result carries only the id; the browser finds a report's passage
 * files by it, without first fetching the record's fragment. A fragment file is one record, or (when Pagefind groups
 * small ones) an object of records by id.
 */
function idsByUrl(fragmentDir: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of readdirSync(fragmentDir)) {
    const unzipped = gunzipSync(readFileSync(join(fragmentDir, file)));
    const fragment = JSON.parse(unzipped.subarray(PAGEFIND_SIGNATURE.length).toString('utf8'));
    if (typeof fragment.url === 'string') ids.set(fragment.url, file.replace(/\.pf_fragment$/, ''));
    else for (const [id, member] of Object.entries<{ url: string }>(fragment)) ids.set(member.url, id);
  }
  return ids;
}

function writePassageFiles(folder: string, id: string, { index, words, texts }: SearchDocument): void {
  writeFileSync(join(folder, passageIndexUrl(id)), JSON.stringify(index));
  words.forEach((file, at) => writeFileSync(join(folder, passageWordsUrl(id, at)), JSON.stringify(file)));
  for (let from = 0; from < texts.length; from += PASSAGES_PER_TEXT_FILE) {
    const file = passageTextUrl(id, from / PASSAGES_PER_TEXT_FILE);
    writeFileSync(join(folder, file), JSON.stringify(texts.slice(from, from + PASSAGES_PER_TEXT_FILE)));
  }
}

/** Indexes `reports` into `<folder>/pagefind/`; resolves to the number of passages indexed. */
export async function writeSearchIndex(reports: readonly ReportRecord[], themeTitles: ReadonlyMap<string, string>, folder: string): Promise<number> {
  const documents = reports.map((report) => searchDocument(report, themeTitles));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  failIfErrors('creating the index', errors);
  try {
    for (let from = 0; from < documents.length; from += BATCH) {
      const batch = documents.slice(from, from + BATCH);
      const responses = await Promise.all(batch.map(({ record }) => index!.addCustomRecord(record)));
      responses.forEach((response, at) => failIfErrors(`indexing ${batch[at]!.record.url}`, response.errors));
    }
    failIfErrors('writing the index', (await index!.writeFiles({ outputPath: join(folder, 'pagefind') })).errors);
  } finally {
    await pagefind.close();
  }

  const ids = idsByUrl(join(folder, 'pagefind', 'fragment'));
  mkdirSync(join(folder, PASSAGE_FILES_PATH), { recursive: true });
  for (const document of documents) {
    const id = ids.get(document.record.url);
    if (!id) throw new Error(`Search index: Pagefind wrote no record for ${document.record.url}`);
    writePassageFiles(folder, id, document);
  }
  mkdirSync(join(folder, VOCABULARY_PATH), { recursive: true });
  for (const [file, words] of vocabularyFiles(documents.map((d) => d.vocabulary))) {
    writeFileSync(join(folder, VOCABULARY_PATH, `${file}.json`), JSON.stringify(words));
  }
  return documents.reduce((n, d) => n + d.texts.length, 0);
}
