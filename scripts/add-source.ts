/**
 * npm run add -- <file.pdf|file.txt> [--published YYYY-MM-DD] [--url https://…]
 *
 * Adds a newly published document to the archive in one step: reads it with the archive's own pipeline (so a bad
 * file is refused before anything changes), files it in content/sources under its permanent name with a sidecar for
 * the facts given here, then builds the archive and lists its new URLs in content/permalinks.json.
 * ILACS reports do not print their publication date: pass --published (the date on the Ofsted page).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SOURCES_DIR } from '../src/lib/archive-paths.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { published: { type: 'string' }, url: { type: 'string' } },
});
const [file] = positionals;
if (!file || !existsSync(file) || !['.pdf', '.txt'].includes(extname(file).toLowerCase())) {
  console.error('Usage: npm run add -- <file.pdf|file.txt> [--published YYYY-MM-DD] [--url https://…]');
  process.exit(2);
}

const sidecar = { ...(values.published && { published: values.published }), ...(values.url && { url: values.url }) };
const extension = extname(file).toLowerCase();

// Read it as ingest will, from a scratch folder holding the file and its sidecar, to learn its permanent name.
const scratch = mkdtempSync(join(tmpdir(), 'archive-add-'));
const trial = join(scratch, `source${extension}`);
copyFileSync(file, trial);
if (Object.keys(sidecar).length) writeFileSync(join(scratch, 'source.json'), JSON.stringify(sidecar, null, 2));
const reading = spawnSync(process.execPath, ['scripts/ingest.ts', '--json', trial], { encoding: 'utf8', maxBuffer: 1 << 30 });
rmSync(scratch, { recursive: true, force: true });
if (reading.status !== 0) {
  console.error(reading.stderr.replaceAll(trial, basename(file)));
  console.error('Nothing was added.');
  process.exit(1);
}

const { slug } = JSON.parse(reading.stdout) as { slug: string };
const target = join(DEFAULT_SOURCES_DIR, `${slug}${extension}`);
if (existsSync(target)) {
  console.error(`${target} already exists: this document (or one with the same authority, date and type) is in the archive. Nothing was added.`);
  process.exit(1);
}
copyFileSync(file, target);
if (Object.keys(sidecar).length) writeFileSync(join(DEFAULT_SOURCES_DIR, `${slug}.json`), `${JSON.stringify(sidecar, null, 2)}\n`);
console.log(`Added ${target}. Building the archive and listing its new URLs…`);

const build = spawnSync(process.execPath, ['scripts/update-permalinks.ts'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`\nDone: /reports/${slug}/. Commit content/sources, content/reports and content/permalinks.json together.`);
