/**
 * Writes the search index of some report records into `<folder>/search-index/`: the report index (term files and
 * metadata, report-index.ts), the facets of every report, the passage postings of each group of reports, each
 * report's passage files (passage-index.ts), and the archive's vocabulary by first letter for "did you mean"
 * (suggest.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReportRecord } from '../../schemas/report.ts';
import { required } from '../required.ts';
import { FACET_KEYS, type FacetKey } from './facets.ts';
import { searchDocument, type SearchDocument } from './records.ts';
import { encodePostings, FACETS_URL, INDEX_META_URL, termFileKey, termFileName, termFiles, termFileUrl, TERMS_PATH, type FacetIndex, type IndexMeta, type Posting } from './report-index.ts';
import { VOCABULARY_PATH, vocabularyFiles } from './suggest.ts';
import {
  ALL_PASSAGE_INDEXES_URL,
  PASSAGE_FILES_PATH,
  PASSAGES_PER_TEXT_FILE,
  passageIndexUrl,
  passageTextUrl,
  postingsFile,
  postingsGroups,
  POSTINGS_GROUP_REPORTS,
  postingsUrl,
  reportWordsUrl,
  type MatchedWord,
  type PassageIndex,
} from './passage-index.ts';

function writePassageFiles(folder: string, id: string, { index, words, texts }: SearchDocument): void {
  writeFileSync(join(folder, passageIndexUrl(id)), JSON.stringify(index));
  writeFileSync(join(folder, reportWordsUrl(id)), JSON.stringify(postingsFile([[Number(id), words]], Number(id))));
  for (let from = 0; from < texts.length; from += PASSAGES_PER_TEXT_FILE) {
    const file = passageTextUrl(id, from / PASSAGES_PER_TEXT_FILE);
    writeFileSync(join(folder, file), JSON.stringify(texts.slice(from, from + PASSAGES_PER_TEXT_FILE)));
  }
}

/**
 * The passage postings of each group of reports, in files by the term file key of their stems: the file a search
 * reads for a stem is named by the same letters as its term file.
 */
function writePostingsFiles(folder: string, documents: readonly SearchDocument[], split: ReadonlySet<string>): void {
  for (let group = 0; group < postingsGroups(documents.length); group++) {
    const first = group * POSTINGS_GROUP_REPORTS;
    const byKey = new Map<string, Array<[number, Map<string, MatchedWord[]>]>>();
    documents.slice(first, first + POSTINGS_GROUP_REPORTS).forEach((document, at) => {
      const ofReport = new Map<string, Map<string, MatchedWord[]>>();
      for (const [stem, matched] of document.words) {
        const key = termFileKey(stem, split);
        let words = ofReport.get(key);
        if (!words) {
          ofReport.set(key, (words = new Map()));
          const reports = byKey.get(key) ?? [];
          reports.push([first + at, words]);
          byKey.set(key, reports);
        }
        words.set(stem, matched);
      }
    });
    mkdirSync(dirname(join(folder, postingsUrl(group, 'any'))), { recursive: true });
    for (const [key, reports] of byKey) writeFileSync(join(folder, postingsUrl(group, termFileName(key))), JSON.stringify(postingsFile(reports, first)));
  }
}

/** A passage index without its themes, which only a search with a theme chosen reads (from the report's own). */
const withoutThemes = ({ report, passages }: PassageIndex): PassageIndex => ({ report, themes: [], passages: passages.map(([anchor, label]) => [anchor, label, []]) });

/** Every facet's values in one list, and each report's as positions in it. */
function facetIndex(documents: readonly SearchDocument[]): FacetIndex {
  const values = {} as Record<FacetKey, string[]>;
  const reports = {} as Record<FacetKey, number[][]>;
  for (const key of FACET_KEYS) {
    const list = [...new Set(documents.flatMap((d) => d.facets[key]))].sort();
    const position = new Map(list.map((value, at) => [value, at]));
    values[key] = list;
    reports[key] = documents.map((d) => d.facets[key].map((value) => required(position.get(value), `the position of ${key} "${value}"`)));
  }
  return { values, reports };
}

/** Indexes `reports` into `<folder>/search-index/`; resolves to the number of passages indexed. */
export async function writeSearchIndex(reports: readonly ReportRecord[], themeTitles: ReadonlyMap<string, string>, folder: string): Promise<number> {
  // Newest first, so that sorting by date is sorting by number; the same date in order of URL.
  const documents = reports
    .map((report) => searchDocument(report, themeTitles))
    .sort((a, b) => (a.published === b.published ? (a.index.report.url < b.index.report.url ? -1 : 1) : a.published < b.published ? 1 : -1));

  const postings = new Map<string, Posting[]>();
  documents.forEach((document, report) => {
    for (const [stem, passages] of document.stems) {
      const list = postings.get(stem) ?? [];
      list.push({ report, passages });
      postings.set(stem, list);
    }
  });
  const { files, split } = termFiles(new Map([...postings].map(([stem, list]) => [stem, encodePostings(list)])));
  mkdirSync(join(folder, TERMS_PATH), { recursive: true });
  for (const [key, file] of files) writeFileSync(join(folder, termFileUrl(key)), JSON.stringify(file));
  const meta: IndexMeta = { reports: documents.length, split };
  writeFileSync(join(folder, INDEX_META_URL), JSON.stringify(meta));
  writeFileSync(join(folder, FACETS_URL), JSON.stringify(facetIndex(documents)));

  writePostingsFiles(folder, documents, new Set(split));
  // An archive of one group is searched with every report's passage index at hand (passage-index.ts).
  if (postingsGroups(documents.length) === 1) writeFileSync(join(folder, ALL_PASSAGE_INDEXES_URL), JSON.stringify(documents.map((d) => withoutThemes(d.index))));
  mkdirSync(join(folder, PASSAGE_FILES_PATH), { recursive: true });
  documents.forEach((document, report) => writePassageFiles(folder, String(report), document));
  mkdirSync(join(folder, VOCABULARY_PATH), { recursive: true });
  for (const [file, words] of vocabularyFiles(documents.map((d) => d.vocabulary))) {
    writeFileSync(join(folder, VOCABULARY_PATH, `${file}.json`), JSON.stringify(words));
  }
  return documents.reduce((n, d) => n + d.texts.length, 0);
}
