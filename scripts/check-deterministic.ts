/**
 * npm run check:deterministic   two clean builds of the same tree, in two separate checkouts, must give
 *                               byte-identical sites; otherwise it lists every differing file and its first
 *                               differing line, and exits 1.
 *
 * Why it matters: a reader's copy, a mirror and a re-build from the same commit decades later must say the same
 * thing; and with identical builds, any change in dist/ is a change someone made, never noise. The checkouts sit at
 * different paths, and the second builds in another time zone and locale (UTC+14, Turkish: its dotted and dotless
 * i sort differently), so a build that leaks its folder, its clock's zone or its machine's collation fails too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * A copy of the working tree as git sees it (tracked files, plus new files that are not ignored: in CI, exactly
 * the commit) at `target`, ready to build. node_modules is a real folder of links to the installed packages, so
 * Astro's and Vite's caches (node_modules/.astro, node_modules/.vite) belong to the copy: its builds start clean
 * and never race a build in the main tree.
 */
export function isolatedCheckout(target: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' });
  for (const file of listed.split('\0')) {
    if (!file || !existsSync(file)) continue; // deleted in the working tree but not yet in git
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(file, join(target, file));
  }
  linkPackages(target);
}

function linkPackages(target: string): void {
  mkdirSync(join(target, 'node_modules'), { recursive: true });
  for (const entry of readdirSync('node_modules')) {
    if (!entry.startsWith('.')) symlinkSync(resolve('node_modules', entry), join(target, 'node_modules', entry));
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

/** The first line that differs between two files, or a note that they differ in bytes that are not text. */
function firstDifference(a: Buffer, b: Buffer): string {
  const text = (bytes: Buffer) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  let linesA: string[];
  let linesB: string[];
  try {
    linesA = text(a).split('\n');
    linesB = text(b).split('\n');
  } catch {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return `binary; sizes ${a.length} and ${b.length} bytes, first difference at byte ${i}`;
  }
  let i = 0;
  while (i < linesA.length && linesA[i] === linesB[i]) i++;
  // Built HTML is often one long line: show where in the line the two part.
  const [lineA, lineB] = [linesA[i] ?? '', linesB[i] ?? ''];
  let column = 0;
  while (column < lineA.length && lineA[column] === lineB[column]) column++;
  const show = (line: string) => JSON.stringify(`${column > 60 ? '…' : ''}${line.slice(Math.max(0, column - 60), column + 100)}`);
  return `line ${i + 1}, column ${column + 1}:\n      first:  ${show(lineA)}\n      second: ${show(lineB)}`;
}

/**
 * `npm run build` in a checkout, as a fresh shell would run it: without the variables that point a build at other
 * folders, plus `extraEnv`. Returns its output; throws with that output if the build fails.
 */
export function buildCheckout(checkout: string, extraEnv: NodeJS.ProcessEnv = {}): string {
  const env = { ...process.env, ...extraEnv };
  delete env.ARCHIVE_OUT_DIR;
  delete env.ARCHIVE_REPORTS_DIR;
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: checkout, encoding: 'utf8', env });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`the build in ${checkout} failed (exit ${result.status}):\n${output}`);
  return output;
}

if (import.meta.main) {
  const work = mkdtempSync(join(tmpdir(), 'deterministic-'));
  const [first, second] = [join(work, 'first'), join(work, 'second')];
  const started = performance.now();
  const elsewhere = { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' };
  // One snapshot of the tree, copied: edits made meanwhile in the working tree cannot reach one build only.
  isolatedCheckout(first);
  cpSync(first, second, { recursive: true, filter: (path) => !path.startsWith(join(first, 'node_modules')) });
  linkPackages(second);
  for (const [checkout, extraEnv] of [[first, {}], [second, elsewhere]] as const) {
    buildCheckout(checkout, extraEnv);
    console.log(`built ${checkout}/dist${extraEnv === elsewhere ? ` with TZ=${elsewhere.TZ} LC_ALL=${elsewhere.LC_ALL}` : ''}`);
  }
  const [a, b] = [join(first, 'dist'), join(second, 'dist')];
  const filesA = filesUnder(a);
  const filesB = filesUnder(b);
  const problems: string[] = [];
  for (const name of filesA.filter((f) => !filesB.includes(f))) problems.push(`${name}: only in the first build`);
  for (const name of filesB.filter((f) => !filesA.includes(f))) problems.push(`${name}: only in the second build`);
  for (const name of filesA.filter((f) => filesB.includes(f))) {
    const [bytesA, bytesB] = [readFileSync(join(a, name)), readFileSync(join(b, name))];
    if (!bytesA.equals(bytesB)) problems.push(`${name}: ${firstDifference(bytesA, bytesB)}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (problems.length) {
    console.error(`\n✗ Two builds of the same tree differ in ${problems.length} of ${filesA.length} files (${seconds} s):\n  ${problems.join('\n  ')}`);
    console.error(`\nBoth builds are kept for inspection in ${work}.`);
    process.exit(1);
  }
  rmSync(work, { recursive: true, force: true });
  console.log(`✓ Two clean builds of the same tree are byte-identical: ${filesA.length} files (${seconds} s).`);
}
