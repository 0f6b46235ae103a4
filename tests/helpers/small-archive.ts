/**
 * A temporary copy of the project holding a small archive (the Gloucestershire sources: one PDF, three texts), built
 * and with its own permalink manifest, for tests that run the archive's commands, fail them and interrupt them
 * without touching the working tree. Shared by the hostile integration tests.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sax from 'sax';

const PROJECT = resolve('.');
const COMMANDS = { add: 'scripts/add-source.ts', build: 'scripts/build.ts', ingest: 'scripts/ingest.ts', 'permalinks:update': 'scripts/update-permalinks.ts' } as const;
export type Command = keyof typeof COMMANDS;

/** Makes the archive in `dir` and builds it with `npm run permalinks:update`. */
export function makeSmallArchive(dir: string): void {
  mkdirSync(join(dir, 'content', 'sources'), { recursive: true });
  for (const name of ['src', 'public', 'scripts', 'content/reference']) cpSync(join(PROJECT, name), join(dir, name), { recursive: true });
  for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json']) copyFileSync(join(PROJECT, name), join(dir, name));
  // The archive's own data (themes, glossary…), but not its permalinks and redirects: this archive has its own.
  for (const name of readdirSync('content').filter((n) => n.endsWith('.json') && !['permalinks.json', 'redirects.json'].includes(n))) {
    copyFileSync(join('content', name), join(dir, 'content', name));
  }
  writeFileSync(join(dir, 'content/redirects.json'), '[]\n');
  symlinkSync(join(PROJECT, 'node_modules'), join(dir, 'node_modules'));
  // With the originals their sidecars name (the PDF a seed's text was made from), which the build checks.
  for (const folder of ['content/sources', 'content/sources/originals']) {
    mkdirSync(join(dir, folder), { recursive: true });
    for (const name of readdirSync(folder).filter((n) => n.startsWith('gloucestershire-'))) copyFileSync(join(folder, name), join(dir, folder, name));
  }
  const built = run(dir, 'permalinks:update', []);
  assert.equal(built.status, 0, `the small archive must build:\n${built.stderr}`);
}

/** Runs one of the archive's commands in the archive, as `npm run <command> -- <args>` would. */
export function run(dir: string, command: Command, args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [COMMANDS[command], ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The same, in the background: for interrupting it, or starting a second run beside it. */
export function start(dir: string, command: Command, args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [COMMANDS[command], ...args], { cwd: dir, env: { ...process.env, ...env } });
  let stderr = '';
  child.stdout.resume();
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) =>
    child.on('close', (code, signal) => done({ code, signal, stderr })),
  );
  return { child, ended };
}

/** Waits until `path` exists in the archive (a step of a run has begun). */
export async function waitFor(dir: string, path: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(join(dir, path))) {
    if (Date.now() > until) throw new Error(`${path} never appeared`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/**
 * What the archive publishes, file by file (a hash of each): its sources, its records, its permalink manifest and its
 * built site. Two equal snapshots mean a reader sees exactly the same archive.
 */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const part of ['content/sources', 'content/reports', 'content/permalinks.json', 'dist']) {
    const path = join(dir, part);
    if (!existsSync(path)) continue;
    const names = statSync(path).isDirectory() ? readdirSync(path, { recursive: true, encoding: 'utf8' }).map((n) => join(part, n)) : [part];
    for (const name of names.sort()) {
      const full = join(dir, name);
      if (statSync(full).isFile()) files.set(name, createHash('sha1').update(readFileSync(full)).digest('hex'));
    }
  }
  return files;
}

/** Where two snapshots differ, as a short list (for assertion messages). */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).map((name) => `${before.has(name) ? (after.has(name) ? 'changed' : 'removed') : 'added'} ${name}`);
}

export function writeFile(dir: string, path: string, content: string | Buffer): void {
  writeFileSync(join(dir, path), content);
}

/** What XML 1.0 allows as a character (its `Char` production), as UTF-16: sax does not check this part. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Parses XML strictly (as a feed reader would), throwing at the first thing that makes it malformed. */
export function parseXml(xml: string): void {
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad) throw new Error(`U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} at offset ${bad.index} is not an XML character`);
  const parser = sax.parser(true);
  parser.onerror = (error: Error) => {
    throw error;
  };
  parser.write(xml).close();
}
