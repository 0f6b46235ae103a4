/**
 * How often the search page, loading a word's term file while the word is typed (report-index.ts `typedTermFile`),
 * loads a file its finished word is not in: for every word of a built index's vocabulary and every prefix of it the
 * rule decides, whether that file is the finished word's stem's. Counted once per word, and by the word's use (how
 * many reports hold it).
 *
 *   node scripts/bench-typed-term-files.ts --index <folder holding search-index/>
 *
 * Behind bench/results/typed-term-files.md: a file loaded for a word the reader goes on typing into another is
 * fetched for nothing (issue 13: a query still being typed must not fetch what the finished query does not need).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { INDEX_META_URL, termFileKey, typedTermFile, type IndexMeta } from '../src/lib/search/report-index.ts';
import { VOCABULARY_PATH } from '../src/lib/search/suggest.ts';
import { stem } from '../src/lib/search/stem.ts';

const { values: options } = parseArgs({ options: { index: { type: 'string' } } });
if (!options.index) {
  console.error('usage: node scripts/bench-typed-term-files.ts --index <folder holding search-index/>');
  process.exit(2);
}
const meta = JSON.parse(readFileSync(join(options.index, INDEX_META_URL), 'utf8')) as IndexMeta;
const split = new Set(meta.split);
const vocabulary = join(options.index, VOCABULARY_PATH);
const words = readdirSync(vocabulary).flatMap((file) => JSON.parse(readFileSync(join(vocabulary, file), 'utf8')) as Array<[string, number]>);

let decided = 0;
let wrong = 0;
let decidedUse = 0;
let wrongUse = 0;
let wholeWordsUse = 0;
let use = 0;
const examples: string[] = [];
for (const [word, reports] of words) {
  const finished = termFileKey(stem(word), split);
  use += reports;
  if (typedTermFile(word, split) === finished) wholeWordsUse += reports;
  for (let length = 1; length <= word.length; length++) {
    const file = typedTermFile(word.slice(0, length), split);
    if (file === undefined) continue;
    decided++;
    decidedUse += reports;
    if (file === finished) continue;
    wrong++;
    wrongUse += reports;
    if (examples.length < 5) examples.push(`"${word.slice(0, length)}" → ${file} (${word}: ${finished})`);
  }
}
const share = (part: number, whole: number) => `${((part / whole) * 100).toFixed(2)} %`;
console.log(`${meta.reports} reports, ${words.length} words`);
console.log('| prefixes that name a file while typed | of which name a file the finished word is not in | by use | finished words whose file loads while typed, by use |');
console.log('|---|---|---|---|');
console.log(`| ${decided} | ${wrong} (${share(wrong, decided)}) | ${share(wrongUse, decidedUse)} | ${share(wholeWordsUse, use)} |`);
console.log(`For example: ${examples.join('; ')}`);
