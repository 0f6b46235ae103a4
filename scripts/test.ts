/**
 * npm test: every test, in the order a failure is cheapest to find — the type check, the unit and fixture tests
 * (tests/unit: pure functions, seconds), the integration tests (tests/integration: the PDF corpus, linking at scale,
 * command-line subprocesses, minutes), then a full build, then the browser tests against the built site. Ends with one line counting them all.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'archive-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

// The type check (astro check: every .ts and .astro file, tests included, at 0 errors). A failure is reported but
// the tests still run, so one stale type does not hide what else broke.
if (!run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'check'])) {
  console.error('\nThe type check failed: run npm run typecheck to see the errors.');
  ok = false;
}

// Unit, then integration tests: spec output for people, TAP to a file for the counts.
function runNodeTests(name: string, pattern: string): boolean {
  const tap = join(work, `${name}.tap`);
  const passed = run(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, pattern]);
  if (existsSync(tap)) {
    const text = readFileSync(tap, 'utf8');
    const count = (key: string) => Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
    totals.passed += count('pass');
    totals.failed += count('fail') + count('cancelled');
    totals.skipped += count('skipped') + count('todo');
  }
  return passed;
}
ok = runNodeTests('unit', 'tests/unit/**/*.test.ts') && ok;
ok = runNodeTests('integration', 'tests/integration/**/*.test.ts') && ok;

// A fresh Debian machine, as root, gets Debian's Chromium here, so `npm install && npm test` needs nothing else.
if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('\nInstalling Debian\'s Chromium for the browser tests…');
  run('/usr/bin/apt-get', ['update', '-qq']) && run('/usr/bin/apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
}
if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
  console.error('\nChromium is missing: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH). Browser tests not run.');
  ok = false;
} else if (!run(process.execPath, ['scripts/build.ts'])) {
  console.error('\nThe build failed, so the browser tests were not run.');
  ok = false;
} else {
  const report = join(work, 'e2e.json');
  ok = run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report }) && ok;
  if (existsSync(report)) {
    const stats = JSON.parse(readFileSync(report, 'utf8')).stats;
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  }
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
