/**
 * The search index's promise for one report, shared by the unit test (synthetic and one real record) and the
 * integration test (every record of the archive): every word of every passage is in the word file of its stem, with
 * exactly the passages holding it.
 */
import assert from 'node:assert/strict';
import type { ReportRecord } from '../../src/schemas/report.ts';
import { indexWords, vocabulary, WORD_FILES_PER_REPORT, wordFileOf, wordsWithStem } from '../../src/lib/search/passage-index.ts';
import { searchDocument } from '../../src/lib/search/records.ts';
import { stem } from '../../src/lib/search/stem.ts';

export function assertWordFilesHoldEveryWord(report: ReportRecord, themeTitles: ReadonlyMap<string, string>): void {
  const { words: files, texts } = searchDocument(report, themeTitles);
  const { words, passagesOf } = vocabulary(texts, `${report.authority} ${report.published.slice(0, 4)}`);
  assert.equal(files.length, WORD_FILES_PER_REPORT);
  words.forEach((word, at) => {
    const file = files[wordFileOf(stem(word))];
    assert.ok(file, `${report.slug}: no word file for "${word}"`);
    const matched = wordsWithStem(stem(word), file).find((m) => m.word === word);
    assert.deepEqual(matched?.passages, passagesOf[at], `${report.slug}: "${word}"`);
  });
  texts.forEach((text, passage) => {
    for (const word of indexWords(text)) assert.ok(passagesOf[words.indexOf(word)]?.includes(passage), `${report.slug}: "${word}" in passage ${passage}`);
  });
}
