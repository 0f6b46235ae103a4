/**
 * Known-item queries: whether search finds a paragraph from a few of its own words, at 60 reports and at 1,000.
 *
 *   node scripts/bench-known-item.ts --labels <folder> --index <folder> [--seed 7] [--count 300]
 *
 * A tuning aid beside the labelled sets (scripts/bench-relevance.ts), not one of them: no reader wrote these queries.
 * From the passages of the search index in `--labels` (the 60 documents' `search-index/`, as `scripts/search-index.ts
 * --out <folder>` writes it), seeded, it draws paragraphs and types a few of their words as a query: a rare word and
 * one or two commoner ones, or three words in a row, sometimes with the authority's name. The answer is that
 * paragraph, by its text (a copy of it in a synthetic report counts). The `--index` folder is searched by the search
 * page's own engine (src/client/search/engine.ts, run in Node, its files read from the folder), counting the first five
 * passage links the page would show (three reports, three passages each), as the relevance benchmark does (the same
 * calls, run on the four labelled sets by a one-off harness, gave the browser's figures exactly, at 60 and at 1,000
 * reports). Prints recall in the first five, first link right and MRR. One index
 * per run: the engine's files are cached for the page's life, which here is the process's.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PASSAGES_PER_TEXT_FILE, type PassageIndex } from '../src/lib/search/passage-index.ts';
import { seededRandom } from './lib/seeded-random.ts';
// The engine imports content/glossary.json as a module.
import './lib/json-modules.ts';

const { values: options } = parseArgs({
  options: {
    labels: { type: 'string' },
    index: { type: 'string' },
    seed: { type: 'string', default: '7' },
    count: { type: 'string', default: '300' },
  },
});
if (!options.labels || !options.index) {
  console.error('usage: node scripts/bench-known-item.ts --labels <folder> --index <folder> [--seed 7] [--count 300]');
  process.exit(2);
}

/** How many first links count, and how many reports and passages of each the search page shows first (session.ts). */
const TOP = 5;
const REPORTS_SHOWN = 3;
const PASSAGES_SHOWN = 3;
/** Words no reader types alone; the rest of four letters or more can be query words. */
const COMMON = new Set('the and for that with this are was were have has had been from their they them than then there these those which who whom whose what when where while will would could should into onto upon about after before also other such some more most many much very well only just being does did not but its his her our your all any each both few own same can may might must shall out over under again further once here how why because until against between through during above below off too nor yes yet per via within without across among around along'.split(' '));
/** A rare word is in at most this many passages of the 60; a commoner one in at most `COMMONER`. */
const RARE = 15;
const COMMONER = 600;

const oneSpaced = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every passage of an index folder: its report's id and authority, its number and its text. */
function passagesOf(folder: string): Array<{ id: string; passage: number; authority: string; text: string }> {
  const dir = join(folder, 'search-index', 'passages');
  if (!existsSync(dir)) throw new Error(`${dir} is missing: give the folder \`scripts/search-index.ts --out\` wrote`);
  return readdirSync(dir)
    .filter((file) => /^\d+\.json$/.test(file))
    .flatMap((file) => {
      const id = file.slice(0, -'.json'.length);
      const index = JSON.parse(readFileSync(join(dir, file), 'utf8')) as PassageIndex;
      return index.passages.map((_, passage) => ({ id, passage, authority: index.report.authority, text: textOf(folder, id, passage) }));
    });
}

/** Each text file read once: it holds `PASSAGES_PER_TEXT_FILE` passages, each asked for on its own. */
const textFiles = new Map<string, string[]>();
function textOf(folder: string, id: string, passage: number): string {
  const file = join(folder, 'search-index', 'passages', `${id}.${Math.floor(passage / PASSAGES_PER_TEXT_FILE)}.json`);
  let texts = textFiles.get(file);
  if (!texts) textFiles.set(file, (texts = JSON.parse(readFileSync(file, 'utf8')) as string[]));
  return oneSpaced(texts[passage % PASSAGES_PER_TEXT_FILE] ?? '');
}

/** The queries: seeded, so a run can be repeated and two rankings compared on the same ones. */
function knownItems(folder: string, seed: number, count: number): Array<{ query: string; answer: string }> {
  const passages = passagesOf(folder).filter((p) => p.text.length > 300);
  const wordsOf = (text: string) => text.toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 4 && !COMMON.has(word));
  const inPassages = new Map<string, number>();
  for (const { text } of passages) for (const word of new Set(wordsOf(text))) inPassages.set(word, (inPassages.get(word) ?? 0) + 1);
  const rarity = (word: string) => inPassages.get(word) ?? 0;
  const random = seededRandom(seed);
  const pick = <T,>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const queries: Array<{ query: string; answer: string }> = [];
  for (let tries = 0; queries.length < count && tries < count * 100; tries++) {
    const { text, authority } = pick(passages) ?? passages[0];
    const words = [...new Set(wordsOf(text))];
    const rare = words.filter((word) => rarity(word) <= RARE);
    const commoner = words.filter((word) => rarity(word) > RARE && rarity(word) <= COMMONER);
    if (rare.length === 0 || commoner.length < 2) continue;
    const style = Math.floor(random() * 4);
    let query: Array<string | undefined>;
    if (style < 2) {
      const second = pick(commoner);
      query = [pick(rare), second, style === 1 ? pick(commoner.filter((word) => word !== second)) : undefined];
    } else {
      const run = text.toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 3 && !COMMON.has(word));
      const start = Math.floor(random() * Math.max(1, run.length - 3));
      query = run.slice(start, start + 3);
      if (query.length < 3 || query.every((word) => rarity(word ?? '') > 200)) continue;
      if (style === 3) query.push(authority);
    }
    queries.push({ query: query.filter(Boolean).join(' '), answer: text });
  }
  return queries;
}

/** Runs the queries on one index folder through the search page's engine; the fetches read the folder's files. */
async function measure(folder: string, queries: ReadonlyArray<{ query: string; answer: string }>): Promise<{ recall: number; first: number; mrr: number }> {
  globalThis.fetch = (async (url: string | URL) => {
    const path = join(folder, decodeURIComponent(String(url)));
    const found = existsSync(path);
    return { ok: found, status: found ? 200 : 404, json: async () => JSON.parse(readFileSync(path, 'utf8')) } as Response;
  }) as typeof fetch;
  const { SearchRun } = await import('../src/client/search/engine.ts');
  const { readSearchState } = await import('../src/lib/search/state.ts');
  let recall = 0;
  let first = 0;
  let reciprocal = 0;
  for (const { query, answer } of queries) {
    const { run, outcome } = await SearchRun.start(readSearchState(new URLSearchParams({ q: query })));
    const reports = await run.reportHits(outcome.order.slice(0, REPORTS_SHOWN), PASSAGES_SHOWN);
    const shown = reports.flatMap((report) => report.ranked.slice(0, PASSAGES_SHOWN).map((p) => textOf(folder, report.id, p.passage))).slice(0, TOP);
    const rank = shown.indexOf(answer) + 1;
    if (rank === 0) continue;
    recall++;
    if (rank === 1) first++;
    reciprocal += 1 / rank;
  }
  return { recall, first, mrr: reciprocal / queries.length };
}

const queries = knownItems(options.labels, Number(options.seed), Number(options.count));
console.log(`${queries.length} known-item queries from ${options.labels} (seed ${options.seed})`);
const { recall, first, mrr } = await measure(options.index, queries);
console.log(`| ${options.index} | ${recall}/${queries.length} | ${first}/${queries.length} | ${mrr.toFixed(3)} |`);
