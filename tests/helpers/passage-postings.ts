/**
 * The search index's promise for every report, shared by the unit test (synthetic and one real record) and the
 * integration test (every record of the archive): written as the build writes it, every word of every passage is in
 * the passage postings of its stem (its group's file, or the stem's own when published whole, and the report's own for
 * searching with no signal) with exactly the passages holding it, and in the term file of its stem with the number of
 * passages holding the stem.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportRecord } from '../../src/schemas/report.ts';
import { heldReports } from './report-sources.ts';
import {
  indexWords,
  passageIndexUrl,
  postingsWhole,
  reportWordsUrl,
  stemPostings,
  vocabulary,
  type MatchedWord,
  type PassageIndex,
  type PostingsFile,
} from '../../src/lib/search/passage-index.ts';
import { decodePostings, INDEX_META_URL, stemPostingsFile, termFileKey, termFileUrl, type IndexMeta, type TermFile } from '../../src/lib/search/report-index.ts';
import { searchDocument } from '../../src/lib/search/records.ts';
import { stem } from '../../src/lib/search/stem.ts';
import { writeSearchIndex } from '../../src/lib/search/write-index.ts';
import { reportUrl } from '../../src/lib/site/urls.ts';

export async function assertIndexHoldsEveryWord(reports: readonly ReportRecord[], themeTitles: ReadonlyMap<string, string>): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'search-index-'));
  try {
    await writeSearchIndex(heldReports(reports), themeTitles, folder);
    const files = new Map<string, unknown>();
    const read = <T>(url: string): T => {
      if (!files.has(url)) files.set(url, JSON.parse(readFileSync(join(folder, url), 'utf8')));
      return files.get(url) as T;
    };
    const decoded = new Map<string, Map<number, MatchedWord[]>>();
    const wordsOf = (url: string, wanted: string, base: number, report: number) => {
      const key = `${url} ${wanted}`;
      if (!decoded.has(key)) decoded.set(key, stemPostings(read<PostingsFile>(url), wanted, base));
      return decoded.get(key)!.get(report) ?? [];
    };
    const meta = read<IndexMeta>(INDEX_META_URL);
    const split = new Set(meta.split);
    const postingsSplit = new Set(meta.postingsSplit);
    assert.ok(meta.postingsSplit.every((prefix) => split.has(prefix)), 'the postings split is part of the term split');
    assert.equal(meta.reports, reports.length);
    const byUrl = new Map(reports.map((report) => [reportUrl(report.slug), report]));
    for (let id = 0; id < meta.reports; id++) {
      const report = byUrl.get(read<PassageIndex>(passageIndexUrl(String(id))).report.url)!;
      const { texts } = searchDocument(report, themeTitles);
      const { words, passagesOf } = vocabulary(texts, `${report.authority} ${report.published.slice(0, 4)}`);
      const held = new Map<string, Set<number>>();
      words.forEach((word, at) => {
        const key = stem(word);
        const holders = decodePostings(read<TermFile>(termFileUrl(termFileKey(key, split)))[key]);
        const whole = postingsWhole(holders.reduce((sum, p) => sum + p.passages, 0), meta.reports);
        const shared = stemPostingsFile(key, id, whole, postingsSplit);
        const sources: Array<[string, number]> = [
          [shared.url, shared.base],
          [reportWordsUrl(String(id)), id],
        ];
        for (const [url, base] of sources) {
          const matched = wordsOf(url, key, base, id).find((m) => m.word === word);
          assert.deepEqual(matched?.passages, passagesOf[at], `${report.slug}: "${word}" in ${url}`);
        }
        for (const passage of passagesOf[at]) held.set(key, (held.get(key) ?? new Set()).add(passage));
      });
      for (const [key, passages] of held) {
        const file = read<TermFile>(termFileUrl(termFileKey(key, split)));
        const posting = decodePostings(file[key]).find((p) => p.report === id);
        assert.equal(posting?.passages, passages.size, `${report.slug}: the term file of "${key}"`);
      }
      texts.forEach((text, passage) => {
        for (const word of indexWords(text)) assert.ok(passagesOf[words.indexOf(word)]?.includes(passage), `${report.slug}: "${word}" in passage ${passage}`);
      });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
