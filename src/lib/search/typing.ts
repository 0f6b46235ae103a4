/**
 * How long the search page waits after a keystroke before it searches: longer than the gaps between this reader's
 * own keys, so that a query still being typed fetches nothing the finished query would not need, and no longer than
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
 * How much longer than the reader's usual gap between keys. The pause no longer delays the first result (the
 * passages' links come at the last keystroke from the files loaded while typing), only the excerpts: half as long
 * again leaves room for a key held up by a loaded machine (a quarter fetched a partial query's text at a load
 * average of 10).
 */
const MARGIN = 1.5;
/**
 * How much longer than the reader's usual gap the files of the query as it stands load, before the pause ends (main.ts):
 * the last word's term file, which its letters do not decide while typed, and the glossary's other names. A quarter
 * longer: a reader still typing has, most likely, typed the next key by then; the search after the pause then asks for
 * its passages at once, its reports ranked meanwhile (tens of milliseconds at 5,000 reports).
 */
const READY_MARGIN = 1.25;
/** Gaps longer than this are pauses, not typing, and say nothing about the reader's rhythm. */
const TYPING_GAP_MS = 600;

/**
 * What the end of the query says: `next`, it ends with a space (another word is coming); `unknown`, its last word is
 * no word of the archive (its term file is loaded and lacks its stem); `word` otherwise.
 */
export type QueryEnd = 'next' | 'unknown' | 'word';

/** The pause before searching, from the times of the reader's last keystrokes (ms, oldest first) and the last word. */
export function typingPause(keyTimes: readonly number[], lastWord: string, end: QueryEnd = 'word'): number {
  if (end !== 'word') return MAX_PAUSE_MS;
  const gaps = keyTimes
    .slice(-4)
    .map((time, at, times) => (at === 0 ? NaN : time - times[at - 1]))
    .filter((gap) => gap > 0 && gap < TYPING_GAP_MS)
    .sort((a, b) => a - b);
  const usual = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
  const pause = Math.min(MAX_PAUSE_MS, Math.max(MIN_PAUSE_MS, Math.round(usual * MARGIN)));
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
