/**
 * How long the search page waits after a keystroke before it searches: longer than the gaps between this reader's
 * own last keys, so that a query still being typed fetches nothing the finished query would not need, and no longer than
 * that, so that the first result follows the last key quickly. Where what was typed says more is coming (a space
 * after the last word, or a last word the archive does not have, most likely half typed), it waits the longest.
 */

/** Never shorter: the gap between a brisk typist's keys is about 100 ms. */
export const MIN_PAUSE_MS = 130;
/** Never longer: a reader who stops for this long has finished the word. */
export const MAX_PAUSE_MS = 400;
/** A last word of one or two letters begins too many words: it waits this long ("IT", "LA"). */
export const SHORT_WORD_PAUSE_MS = 300;
const SHORT_WORD = 3;
/**
 * How much longer than the slowest of the reader's last gaps between keys (`typingPause`). The slowest, not the usual
 * one: a reader whose keys come unevenly gets a pause as uneven as their typing, and a key held up by a loaded machine
 * lengthens the pauses after it. A quarter: with the half of the usual gap used before, the bench's typist (gaps of
 * 105–117 ms) waited 165 ms, and at 5,000 reports that pause was two thirds of the first result (bench/results/
 * search-5000.md).
 */
const MARGIN = 1.25;
/**
 * How much longer than that slowest gap the files of the query as it stands load, before the pause ends (main.ts):
 * the last word's term file, which its letters do not decide while typed, and the glossary's other names. A tenth
 * longer: a reader still typing has, most likely, typed the next key by then; the search after the pause then asks for
 * its passages at once, its reports ranked meanwhile (tens of milliseconds at 5,000 reports).
 */
const READY_MARGIN = 1.1;
/** Gaps longer than this are pauses, not typing, and say nothing about the reader's rhythm. */
const TYPING_GAP_MS = 600;

/**
 * What the end of the query says: `next`, it ends with a space (another word is coming); `unknown`, its last word is
 * no word of the archive (its term file is loaded and lacks its stem); `word` otherwise.
 */
export type QueryEnd = 'next' | 'unknown' | 'word';

/** The slowest of the reader's last gaps between keys (ms; 0 before there are any), from the times of their keys. */
function slowestGap(keyTimes: readonly number[]): number {
  const gaps = keyTimes
    .slice(-4)
    .map((time, at, times) => (at === 0 ? NaN : time - times[at - 1]))
    .filter((gap) => gap > 0 && gap < TYPING_GAP_MS);
  return Math.max(0, ...gaps);
}

/** The pause before searching, from the times of the reader's last keystrokes (ms, oldest first) and the last word. */
export function typingPause(keyTimes: readonly number[], lastWord: string, end: QueryEnd = 'word'): number {
  if (end !== 'word') return MAX_PAUSE_MS;
  const pause = Math.min(MAX_PAUSE_MS, Math.max(MIN_PAUSE_MS, Math.round(slowestGap(keyTimes) * MARGIN)));
  return lastWord.length < SHORT_WORD ? Math.max(pause, SHORT_WORD_PAUSE_MS) : pause;
}

/**
 * The keystroke's own work (its search: at 5,000 reports it ranks them, about 10 ms on an idle machine) that the
 * pause absorbs. Work beyond this says the page or the machine is busy, when a reader's next key can be held up as
 * long: the pause waits that much longer.
 */
export const KEYSTROKE_WORK_MS = 20;

/**
 * What the search page waits for after a keystroke, in ms from now, its own work for that keystroke having taken
 * `elapsed` ms: the pause is timed from the keystroke, so that this work does not lengthen it, up to
 * `KEYSTROKE_WORK_MS`. `search`: the search that fetches what the query needs; `ready`, when the last word is a word
 * being typed: the files of the query as it stands, before it (`READY_MARGIN`).
 */
export function typingWaits(keyTimes: readonly number[], lastWord: string, end: QueryEnd, elapsed: number): { search: number; ready?: number } {
  const pause = typingPause(keyTimes, lastWord, end);
  const absorbed = Math.min(elapsed, KEYSTROKE_WORK_MS);
  const search = pause - absorbed;
  if (end !== 'word') return { search };
  return { search, ready: Math.round((pause * READY_MARGIN) / MARGIN) - absorbed };
}
