/**
 * scripts/bench-fetch-cost.ts measures with the driver asked for: `--driver cdp` runs the same fetches through
 * scripts/lib/cdp-browser.ts and says so above its table, `--driver playwright` (the default) through Playwright, and
 * an unknown driver is refused naming the ones there are. Runs the script on a site of eight tiny postings files.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';
import { POSTINGS_PATH } from '../../src/lib/search/passage-index.ts';

const skip = existsSync(CHROMIUM_PATH) ? false : `no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`;
const site = mkdtempSync(join(tmpdir(), 'fetch-cost-'));
for (const group of ['0', '1']) {
  mkdirSync(join(site, POSTINGS_PATH, group), { recursive: true });
  for (const prefix of ['a', 'b', 'c', 'd']) writeFileSync(join(site, POSTINGS_PATH, group, `${prefix}.json`), JSON.stringify({ [prefix]: [1, 2, 3] }));
}
after(() => rmSync(site, { recursive: true, force: true }));

const bench = (driver: string) =>
  promisify(execFile)(process.execPath, ['scripts/bench-fetch-cost.ts', '--dist', site, '--count', '1', '--count', '8', '--runs', '1', '--driver', driver]);

for (const [driver, named] of [
  ['cdp', /driven over the DevTools protocol alone/],
  ['playwright', /driven by Playwright/],
] as const) {
  test(`--driver ${driver} fetches the files through that driver and names it`, { skip }, async () => {
    const { stdout } = await bench(driver);
    assert.match(stdout, named);
    assert.match(stdout, /^\| 8 \| \d+ \| \d+ \|$/m, stdout);
  });
}

test('an unknown driver is refused, naming the drivers there are', async () => {
  await assert.rejects(bench('selenium'), (error: { stderr: string }) => /--driver selenium: expected one of playwright, cdp/.test(error.stderr));
});
