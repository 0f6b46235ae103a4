/**
 * npm run add -- <file.pdf|file.txt> [--published YYYY-MM-DD] [--url https://…]
 *
 * Adds a newly published document to the archive in one step: reads it with the archive's own pipeline (so a bad
 * file is refused before anything changes), stages it under its permanent name with a sidecar for the facts given
 * here, builds the archive from the staged sources and lists its new URLs in the permalink manifest; then publishes
 * the source, the records, the manifest and dist/ together (scripts/lib/publish.ts). A failure or Ctrl-C at any
 * point leaves the archive as it was, and running the same command again simply does it.
 * ILACS reports do not print their publication date: pass --published (the date on the Ofsted page).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { DEFAULT_REPORTS_DIR, DEFAULT_SOURCES_DIR } from '../src/lib/archive-paths.ts';
import { checkSourceName } from '../src/lib/ingest/source-name.ts';
import { describeIssues } from '../src/lib/ingest/validate.ts';
import { sidecarSchema } from '../src/schemas/report.ts';
import { stageSite } from './build.ts';
import { parseCommandLine, stopWith } from './lib/command-line.ts';
import { beginPublication, publish, PublishError, REPOSITORY, stopOnInterrupt } from './lib/publish.ts';
import { stageManifest } from './update-permalinks.ts';

const USAGE = 'Usage: npm run add -- <file.pdf|file.txt> [--published YYYY-MM-DD] [--url https://…]';
const FLAGS = { published: '--published', url: '--url' } as const;

function readArguments(): { file: string; sidecar: Record<string, string> } {
  const parsed = parseCommandLine({ allowPositionals: true, options: { published: { type: 'string' }, url: { type: 'string' } } }, USAGE);
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) throw new PublishError(USAGE);
  if (!['.pdf', '.txt'].includes(extname(file).toLowerCase())) throw new PublishError(`${file}: the archive takes .pdf and .txt files.\n${USAGE}`);
  if (!existsSync(file) || !statSync(file).isFile()) throw new PublishError(`${file}: there is no such file; check the path.\n${USAGE}`);
  const sidecar = Object.fromEntries(Object.entries(parsed.values).filter((entry): entry is [string, string] => entry[1] !== undefined));
  // The flags are checked as the sidecar they become will be, and reported as the flags they are.
  const checked = sidecarSchema.safeParse(sidecar);
  if (!checked.success) {
    const problems = describeIssues(checked.error, sidecar).replace(/\b(published|url):/g, (_, name: keyof typeof FLAGS) => `${FLAGS[name]}:`);
    throw new PublishError(`${problems}. Nothing was added.`);
  }
  return { file, sidecar };
}

/** Reads the document as ingest will, from a folder holding it and its sidecar, to learn its permanent name. */
function permanentName(file: string, extension: string, sidecar: Record<string, string>, trial: string): string {
  mkdirSync(trial, { recursive: true });
  const copy = join(trial, `source${extension}`);
  copyFileSync(file, copy);
  if (Object.keys(sidecar).length) writeFileSync(join(trial, 'source.json'), JSON.stringify(sidecar, null, 2));
  const reading = spawnSync(process.execPath, ['scripts/ingest.ts', '--json', copy], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (reading.status !== 0) {
    const message = reading.stderr.replaceAll(copy, file).replaceAll(basename(copy), basename(file)).trim().replace(/^✗ /, '');
    throw new PublishError(`${message}\n(npm run add writes the sidecar from --published and --url.) Nothing was added.`);
  }
  return (JSON.parse(reading.stdout) as { slug: string }).slug;
}

/**
 * The sources folder as published, whole (its README and the originals/ the sidecars name too, since the staged folder
 * replaces it), plus the new one: hard links, so staging costs no copies of the PDFs.
 */
function stageSources(into: string, added: Map<string, Buffer | string>): void {
  mkdirSync(into, { recursive: true });
  for (const entry of readdirSync(DEFAULT_SOURCES_DIR, { recursive: true, withFileTypes: true })) {
    const from = join(entry.parentPath, entry.name);
    const to = join(into, relative(DEFAULT_SOURCES_DIR, from));
    if (entry.isDirectory()) {
      mkdirSync(to, { recursive: true });
      continue;
    }
    if (!entry.isFile()) continue;
    mkdirSync(dirname(to), { recursive: true });
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
  for (const [name, content] of added) writeFileSync(join(into, name), content);
}

try {
  const { file, sidecar } = readArguments();
  const extension = extname(file).toLowerCase();
  stopOnInterrupt();
  beginPublication(REPOSITORY);
  const slug = permanentName(file, extension, sidecar, join(REPOSITORY.staging, 'trial'));
  const name = `${slug}${extension}`;
  checkSourceName(name);
  const target = join(DEFAULT_SOURCES_DIR, name);
  if (existsSync(target)) {
    if (readFileSync(target).equals(readFileSync(file))) {
      console.log(`${file} is already in the archive as ${target} (/reports/${slug}/): nothing to do.`);
      process.exit(0);
    }
    throw new PublishError(`${target} already exists: a different document with the same authority, date and type is in the archive. Nothing was added.`);
  }

  const added = new Map<string, Buffer | string>([[name, readFileSync(file)]]);
  if (Object.keys(sidecar).length) added.set(`${slug}.json`, `${JSON.stringify(sidecar, null, 2)}\n`);
  const stagedSources = join(REPOSITORY.staging, 'sources');
  stageSources(stagedSources, added);
  console.log(`Staged ${name}. Building the archive with it and listing its new URLs…`);
  const { moves, site } = await stageSite(stagedSources, DEFAULT_REPORTS_DIR);
  const manifest = stageManifest(site);
  const sourceMoves = [...added.keys()].map((added) => ({ staged: join(stagedSources, added), live: join(DEFAULT_SOURCES_DIR, added) }));
  publish(REPOSITORY, [...sourceMoves, ...moves, manifest.move]);
  console.log(`\nDone: /reports/${slug}/ (${manifest.added} URLs added to the permalink manifest). Commit content/sources, content/reports and content/permalinks.json together.`);
} catch (error) {
  stopWith(error);
}
