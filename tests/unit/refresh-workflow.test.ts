/**
 * The scheduled refresh (.github/workflows/refresh.yml) cannot run here: these tests check that it parses, runs when
 * it should, calls only commands that exist (npm scripts, and fetch's options), and proposes the right folders.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

interface Step { name?: string; id?: string; uses?: string; run?: string; with?: Record<string, string>; shell?: string; if?: string; 'continue-on-error'?: boolean }
interface Workflow {
  on: { schedule?: Array<{ cron: string }>; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const workflow = yaml.load(readFileSync('.github/workflows/refresh.yml', 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const runLines = steps.flatMap((step) => (step.run ?? '').split('\n'));

test('it runs weekly and on demand', () => {
  assert.equal(workflow.on.schedule?.length, 1);
  const fields = workflow.on.schedule![0]!.cron.split(/\s+/);
  assert.equal(fields.length, 5);
  assert.match(fields[4]!, /^[0-6]$/, 'one day of the week');
  assert.ok('workflow_dispatch' in workflow.on);
});

test('every npm script it runs exists in package.json', () => {
  const called = runLines.flatMap((line) => [...line.matchAll(/\bnpm run(?:\s+--?[a-z-]+)*\s+([\w:-]+)/g)].map((m) => m[1]!));
  assert.ok(called.includes('fetch') && called.includes('permalinks:update'), `calls: ${called.join(', ')}`);
  for (const name of called) assert.ok(name in scripts, `npm run ${name}: no such script in package.json`);
  for (const line of runLines) {
    const bare = /\bnpm (test|start)\b/.exec(line);
    if (bare) assert.ok(bare[1]! in scripts, `npm ${bare[1]}: no such script`);
  }
});

test('the options it gives npm run fetch are ones fetch accepts', () => {
  const fetchStep = steps.find((step) => step.run?.includes('npm run --silent fetch'))!;
  const options = [...new Set([...fetchStep.run!.matchAll(/(--[a-z-]+)/g)].map((m) => m[1]!))].filter((o) => o !== '--silent');
  assert.deepEqual(options.sort(), ['--authority', '--no-build', '--since']);
  // An option fetch did not know would stop it at once, before it reads a page; this address refuses connections.
  const args = ['scripts/fetch.ts', '--dry-run', '--no-build', '--authority', 'Barnsley', '--since', '2024-01-01', '--base-url', 'http://127.0.0.1:9', '--retries', '0'];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  assert.doesNotMatch(run.stderr, /Unknown option|ERR_PARSE_ARGS/);
  assert.match(run.stderr, /Could not read http:\/\/127\.0\.0\.1:9\/search\?.*: the connection failed/);
  assert.equal(fetchStep.shell, 'bash', 'bash (with pipefail) so a failing fetch is not hidden by tee');
  assert.equal(fetchStep['continue-on-error'], true);
});

test('it builds, tests, then proposes the sources with their pages, and fails the run if a download failed', () => {
  const names = steps.map((step) => step.run?.trim() ?? step.uses ?? '');
  const order = ['npm install', 'fetch', 'npm run permalinks:update', 'npm test', 'peter-evans/create-pull-request'].map((part) =>
    names.findIndex((name) => name.includes(part)),
  );
  assert.ok(order.every((index) => index >= 0), `steps: ${names.join(' | ')}`);
  assert.deepEqual(order, [...order].sort((a, b) => a - b), 'install, fetch, build, test, then the pull request');
  const pr = steps.find((step) => step.uses?.startsWith('peter-evans/create-pull-request'))!;
  assert.deepEqual(pr.with!['add-paths']!.trim().split('\n'), ['content/sources', 'content/reports', 'content/permalinks.json']);
  assert.equal(workflow.permissions['pull-requests'], 'write');
  assert.equal(workflow.permissions.contents, 'write');
  const last = steps.at(-1)!;
  assert.equal(last.if, "steps.fetch.outcome == 'failure'");
});
