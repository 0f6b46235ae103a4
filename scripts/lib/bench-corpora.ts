/**
 * What the benchmarks that build corpora share: timing a stage as its own process with its peak memory, and making
 * the corpora (the bundled sources, synthetic reports made from their real paragraphs).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readFrontmatter } from '../../src/lib/ingest/mdx.ts';
import { generateCorpus } from './synthetic-corpus.ts';

export interface StageResult {
  seconds: number;
  /** The stage's own process: its resident-memory high-water mark. */
  peakBytes: number;
  /**
   * The stage's process and every process it started (the build starts the search index's), resident memory added
   * up at each sample: what the machine must have free at once.
   */
  peakTreeBytes: number;
  output: string;
}

const PAGE_BYTES = 4096;

/** The resident memory of process `root` and of every process descended from it, in bytes (0 once it has exited). */
export function treeResidentBytes(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The fields after the command name, which is in brackets and may hold spaces: state, then the parent's id.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // Exited while the list was read.
    }
  }
  let bytes = 0;
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    try {
      bytes += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
    } catch {
      // Exited while the tree was read.
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return bytes;
}

/** How often the process tree's memory is added up: reading every process's status costs more than one file. */
const TREE_SAMPLE_MS = 100;

/**
 * Runs a command to completion, sampling its resident-memory high-water mark until it exits. A failing stage
 * rejects, unless `tolerateFailure` (a measurement whose partial output is still worth reporting).
 */
export function runStage(command: string, args: string[], env: NodeJS.ProcessEnv, tolerateFailure = false): Promise<StageResult> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peakBytes = 0;
    let peakTreeBytes = 0;
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const sample = setInterval(() => {
      try {
        const hwm = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
        if (hwm) peakBytes = Math.max(peakBytes, Number(hwm[1]) * 1024);
      } catch {
        // The process has just exited; the last sample stands.
      }
    }, 25);
    const sampleTree = setInterval(() => {
      if (child.pid !== undefined) peakTreeBytes = Math.max(peakTreeBytes, treeResidentBytes(child.pid));
    }, TREE_SAMPLE_MS);
    child.on('close', (code) => {
      clearInterval(sample);
      clearInterval(sampleTree);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0 && !tolerateFailure) reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output.slice(-3000)}`));
      // The process's own high-water mark can pass every sample of the tree: the larger stands for both.
      else resolvePromise({ seconds, peakBytes, peakTreeBytes: Math.max(peakTreeBytes, peakBytes), output });
    });
  });
}

/** The bundled sources, with their sidecars and the originals those sidecars name (which the build checks). */
export function copyBundled(into: string): void {
  cpSync('content/sources', into, { recursive: true, filter: (path) => !path.endsWith('README.md') });
}

/** Only the five seed documents (the text sources), with their sidecars and originals. */
export function copySeeds(into: string): void {
  const seeds = readdirSync('content/sources').filter((name) => name.endsWith('.txt')).map((name) => name.slice(0, -4));
  cpSync('content/sources', into, {
    recursive: true,
    filter: (path) => path === 'content/sources' || path.startsWith('content/sources/originals') || seeds.some((seed) => path.includes(`/${seed}.`)),
  });
}

/** Real paragraph texts from built records, for the synthetic corpora. */
export function paragraphPool(reportsDir: string): string[] {
  const pool: string[] = [];
  for (const file of readdirSync(reportsDir).sort()) {
    const record = readFrontmatter(readFileSync(join(reportsDir, file), 'utf8'), file) as { paragraphs: Array<{ text: string }> };
    for (const paragraph of record.paragraphs) if (paragraph.text.length > 200) pool.push(paragraph.text.replace(/\s+/g, ' '));
  }
  return pool;
}

export function writeSynthetic(into: string, count: number, pool: string[]): void {
  const documents = generateCorpus(pool, { count, paragraphsPerDocument: 50, recommendationsPerDocument: 6, authorities: 153, seed: 2026 });
  for (const document of documents) {
    writeFileSync(join(into, `${document.name}.txt`), document.text);
    writeFileSync(join(into, `${document.name}.json`), JSON.stringify(document.sidecar));
  }
}

/** Text after this line is the reader's notes on the figures: a benchmark keeps it when it rewrites the file. */
const NOTES_MARKER = '<!-- notes: everything below is kept when the benchmark rewrites this file -->';

/** Writes a results file: the figures, then the notes of the file it replaces (or an empty notes marker). */
export function writeResultsKeepingNotes(file: string, figures: string): string {
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const notes = previous.includes(NOTES_MARKER) ? previous.slice(previous.indexOf(NOTES_MARKER)) : `${NOTES_MARKER}\n`;
  const text = `${figures}\n${notes}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return text;
}
