/**
 * The scale benchmark's memory figure: a stage's process and the processes it starts (the build starts the search
 * index's beside it) are counted together, so the figure is what the machine must have free at once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runStage } from '../../scripts/lib/bench-corpora.ts';

const MB = 1024 * 1024;
/** A child that fills a buffer of `mb` megabytes, keeps it resident for a moment, and exits. */
const holder = (mb: number) => `const b = Buffer.alloc(${mb} * 1024 * 1024, 1); setTimeout(() => console.log(b.length), 1500);`;

test('a stage that starts a process holding memory is measured with that process: the tree, not the parent alone', async () => {
  // The parent holds little and starts a child holding 300 MB.
  const parent = `const { spawnSync } = require('node:child_process'); spawnSync(process.execPath, ['-e', ${JSON.stringify(holder(300))}], { stdio: 'inherit' });`;
  const stage = await runStage(process.execPath, ['-e', parent], {});
  assert.ok(stage.peakBytes < 200 * MB, `the parent alone held ${Math.round(stage.peakBytes / MB)} MB`);
  assert.ok(stage.peakTreeBytes > 300 * MB, `parent and child together measured ${Math.round(stage.peakTreeBytes / MB)} MB, under the child's 300 MB`);
});
