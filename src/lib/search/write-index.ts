/**
 * Writes the search index of some report records into `<folder>/search-index/`: the report index (term files and
 * metadata, report-index.ts), the facets of every report, the passage postings of each group of reports, each
 * report's passage files (passage-index.ts), and the archive's vocabulary by first letter for "did you mean"
 * (suggest.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReportSource } from '../ingest/report-loader.ts';
import { required } from '../required.ts';
import { FACET_KEYS, type FacetKey } from './facets.ts';
import { searchDocument, type SearchDocument } from './records.ts';
import { encodePostings, FACETS_URL, INDEX_META_URL, postingsSplit, termFileKey, termFileName, termFiles, termFileUrl, TERMS_PATH, type FacetIndex, type IndexMeta, type Posting } from './report-index.ts';
import { VOCABULARY_PATH, vocabularyFiles } from './suggest.ts';
import {
  ALL_PASSAGE_INDEXES_URL,
  PASSAGE_FILES_PATH,
  PASSAGES_PER_TEXT_FILE,
  passageIndexUrl,
  passageTextUrl,
  PostingsBuilder,
  postingsGroups,
  POSTINGS_GROUP_REPORTS,
  postingsUrl,
  postingsWhole,
  reportWordsUrl,
  wholePostingsUrl,
  type PassageIndex,
  type PostingsFile,
} from './passage-index.ts';
import { reportUrl } from '../site/urls.ts';

/** Writes a report's passage files. */
function writePassageFiles(folder: string, id: string, { index, words, texts }: SearchDocument): void {
  writeFileSync(join(folder, passageIndexUrl(id)), JSON.stringify(index));
  writeFileSync(join(folder, reportWordsUrl(id)), JSON.stringify(words));
  for (let from = 0; from < texts.length; from += PASSAGES_PER_TEXT_FILE) {
    const file = passageTextUrl(id, from / PASSAGES_PER_TEXT_FILE);
    writeFileSync(join(folder, file), JSON.stringify(texts.slice(from, from + PASSAGES_PER_TEXT_FILE)));
  }
}

/**
 * The passage postings of each group of reports, in files by their stems' key in the postings split (named as term
 * files are, by a prefix of their term file's key), from each report's own postings file, read back
 * a group at a time: held for every report until the split was known, they kept a few hundred megabytes live
 * through the whole index at 5,000 reports, and the collector's time grew with them. The stems in `whole` are left
 * out of the groups' files: each has one file of its own for the whole archive (`postingsWhole`), put together as the
 * groups are, from every report's entries of those stems alone.
 */
function writePostingsFiles(folder: string, reports: number, split: ReadonlySet<string>, whole: ReadonlySet<string>): void {
  const keys = new Map<string, string>();
  const keyOf = (stem: string) => {
    const known = keys.get(stem);
    if (known !== undefined) return known;
    const key = termFileKey(stem, split);
    keys.set(stem, key);
    return key;
  };
  const wholeFiles = new PostingsBuilder(0, (stem) => whole.has(stem));
  for (let group = 0; group < postingsGroups(reports); group++) {
    const first = group * POSTINGS_GROUP_REPORTS;
    const groupFiles = new PostingsBuilder(first, (stem) => !whole.has(stem));
    for (let report = first; report < Math.min(first + POSTINGS_GROUP_REPORTS, reports); report++) {
      const own = JSON.parse(readFileSync(join(folder, reportWordsUrl(String(report))), 'utf8')) as PostingsFile;
      groupFiles.add(report, own);
      wholeFiles.add(report, own);
    }
    mkdirSync(dirname(join(folder, postingsUrl(group, 'any'))), { recursive: true });
    for (const [key, file] of groupFiles.files(keyOf)) {
      writeFileSync(join(folder, postingsUrl(group, termFileName(key))), JSON.stringify(file));
    }
  }
  if (whole.size === 0) return;
  mkdirSync(dirname(join(folder, wholePostingsUrl('any'))), { recursive: true });
  for (const [stem, file] of wholeFiles.files((stem) => stem)) {
    writeFileSync(join(folder, wholePostingsUrl(termFileName(stem))), JSON.stringify(file));
  }
}

/**
 * Postings from pairs of numbers: each report's, then how many of its passages hold the stem; `names`: for the reports
 * whose authority's name holds the stem, how many stems the name has.
 */
function postingsOf(pairs: readonly number[], names?: ReadonlyMap<number, number>): Posting[] {
  const list: Posting[] = [];
  for (let at = 0; at < pairs.length; at += 2) {
    const name = names?.get(pairs[at]);
    list.push(name === undefined ? { report: pairs[at], passages: pairs[at + 1] } : { report: pairs[at], passages: pairs[at + 1], name });
  }
  return list;
}

/** The passages holding a stem over the archive, from its pairs of report number and passage count. */
function passagesIn(pairs: readonly number[]): number {
  let passages = 0;
  for (let at = 1; at < pairs.length; at += 2) passages += pairs[at];
  return passages;
}

/** A passage index without its themes, which only a search with a theme chosen reads (from the report's own). */
const withoutThemes = ({ report, passages }: PassageIndex): PassageIndex => ({ report, themes: [], passages: passages.map(([anchor, label]) => [anchor, label, []]) });

/** Every facet's values in one list, and each report's as positions in it. */
function facetIndex(facets: ReadonlyArray<SearchDocument['facets']>): FacetIndex {
  const values = {} as Record<FacetKey, string[]>;
  const reports = {} as Record<FacetKey, number[][]>;
  for (const key of FACET_KEYS) {
    const list = [...new Set(facets.flatMap((f) => f[key]))].sort();
    const position = new Map(list.map((value, at) => [value, at]));
    values[key] = list;
    reports[key] = facets.map((f) => f[key].map((value) => required(position.get(value), `the position of ${key} "${value}"`)));
  }
  return { values, reports };
}

/**
 * Indexes `reports` into `<folder>/search-index/`; resolves to the number of passages indexed. One report at a time,
 * read when its turn comes (ordering them needs only their dates and slugs): its passage files are written as it is
 * indexed, and only what the archive-wide files need is kept (its stems' passage counts, facets, own postings as
 * written, vocabulary), so 5,000 reports never have their records or word lists in memory at once (all the records
 * held made the index process 2.8 GB at its peak, more than the Astro build beside it).
 */
export async function writeSearchIndex(reports: readonly ReportSource[], themeTitles: ReadonlyMap<string, string>, folder: string): Promise<number> {
  // Newest first, so that sorting by date is sorting by number; the same date in order of URL.
  const ordered = reports
    .map((report) => ({ report, url: reportUrl(report.slug) }))
    .sort((a, b) => (a.report.published === b.report.published ? (a.url < b.url ? -1 : 1) : a.report.published < b.report.published ? 1 : -1))
    .map(({ report }) => report);
  const oneGroup = postingsGroups(ordered.length) === 1;

  /**
   * By stem: the reports holding it, each as its number and how many of its passages hold the stem (pairs of numbers,
   * not objects, of which 5,000 reports make millions that the collector traced at every full collection), and the
   * characters of its passage postings over every report (what the postings split is chosen by).
   */
  const held = new Map<string, { pairs: number[]; chars: number }>();
  /** By stem of an authority's name: the reports of authorities so named, with how many stems the name has. */
  const named = new Map<string, Map<number, number>>();
  const facets: Array<SearchDocument['facets']> = [];
  const linksOfAll: PassageIndex[] = [];
  let passages = 0;
  mkdirSync(join(folder, PASSAGE_FILES_PATH), { recursive: true });
  /** Indexes each report in turn, writing its passage files; yields its vocabulary for the "did you mean" files. */
  function* indexEach(): Generator<string[]> {
    for (const [report, source] of ordered.entries()) {
      const document = searchDocument(source.load(), themeTitles);
      writePassageFiles(folder, String(report), document);
      for (const [stem, count] of document.stems) {
        // Its postings' entries as a group's file holds them (the words' names, once a group, are left out).
        let chars = 0;
        for (const [, encoded] of document.words[stem]) chars += encoded.length + 1;
        const stemHeld = held.get(stem);
        if (stemHeld) {
          stemHeld.pairs.push(report, count);
          stemHeld.chars += chars;
        } else held.set(stem, { pairs: [report, count], chars });
      }
      for (const stem of document.authorityStems) {
        const reports = named.get(stem) ?? new Map<number, number>();
        named.set(stem, reports.set(report, document.authorityStems.length));
      }
      facets.push(document.facets);
      if (oneGroup) linksOfAll.push(withoutThemes(document.index));
      passages += document.texts.length;
      yield document.vocabulary;
    }
  }
  mkdirSync(join(folder, VOCABULARY_PATH), { recursive: true });
  for (const [file, words] of vocabularyFiles(indexEach())) {
    writeFileSync(join(folder, VOCABULARY_PATH, `${file}.json`), JSON.stringify(words));
  }

  const { files, split } = termFiles(new Map([...held].map(([stem, { pairs }]) => [stem, encodePostings(postingsOf(pairs, named.get(stem)))])));
  const whole = new Set([...held].filter(([, { pairs }]) => postingsWhole(passagesIn(pairs), ordered.length)).map(([stem]) => stem));
  // The postings split is chosen by the stems left in the groups' files.
  const postingsChars = new Map([...held].filter(([stem]) => !whole.has(stem)).map(([stem, { chars }]) => [stem, chars]));
  held.clear();
  mkdirSync(join(folder, TERMS_PATH), { recursive: true });
  for (const [key, file] of files) writeFileSync(join(folder, termFileUrl(key)), JSON.stringify(file));
  const meta: IndexMeta = { reports: ordered.length, split, postingsSplit: postingsSplit(split, postingsChars, postingsGroups(ordered.length)) };
  writeFileSync(join(folder, INDEX_META_URL), JSON.stringify(meta));
  writeFileSync(join(folder, FACETS_URL), JSON.stringify(facetIndex(facets)));
  writePostingsFiles(folder, ordered.length, new Set(meta.postingsSplit), whole);
  // An archive of one group is searched with every report's passage links at hand (passage-index.ts).
  if (oneGroup) writeFileSync(join(folder, ALL_PASSAGE_INDEXES_URL), JSON.stringify(linksOfAll));
  return passages;
}
