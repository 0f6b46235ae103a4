/**
 * npm run bench                  every benchmark section, one after another
 * npm run bench -- search        only the sections named
 *
 * Each section is its own script, run as its own process (so one section's memory and timers never colour
 * another's), and writes its own bench/results/<section>.md. To add a section, add a line to SECTIONS.
 * Build first: the sections measure the built site (`npm run build`).
 */
import { spawnSync } from 'node:child_process';

const SECTIONS: Record<string, { script: string; measures: string }> = {
  search: { script: 'scripts/bench-search.ts', measures: 'first search: bytes and time to first result, typed and from the address' },
  relevance: { script: 'scripts/bench-relevance.ts', measures: 'search relevance on the labelled queries: recall in the first five, first link right, MRR (the built site; see the script for side-by-side runs)' },
  scale: { script: 'scripts/bench-scale.ts', measures: 'end-to-end builds of the five, five + 58 real PDFs, and 1,000 and 5,000 synthetic reports' },
  link: { script: 'scripts/bench-link.ts', measures: 'linking 1,000 and 5,000 synthetic documents: CPU seconds against the 60 s target' },
  incremental: { script: 'scripts/bench-incremental.ts', measures: 'ingest after adding one report to 60 and to 1,000, next to a clean build' },
  offline: { script: 'scripts/bench-offline.ts', measures: 'what reading offline stores: the precached shell, bytes per stored report, the bound the cap sets' },
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  console.error(`Unknown benchmark section: ${unknown.join(', ')}. Sections: ${Object.keys(SECTIONS).join(', ')}.`);
  process.exit(2);
}

let failed = false;
for (const name of asked.length > 0 ? asked : Object.keys(SECTIONS)) {
  const { script, measures } = SECTIONS[name]!;
  console.log(`\n== ${name}: ${measures}`);
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Benchmark section ${name} failed (exit ${result.status ?? result.signal}).`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
