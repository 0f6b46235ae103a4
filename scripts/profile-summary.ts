/**
 * node scripts/profile-summary.ts <file.cpuprofile> [--top 25]
 *
 * A V8 CPU profile (`node --cpu-prof --cpu-prof-dir=<dir> …` writes one per process) summarised by function self
 * time: the time its samples were taken in that function itself, not in what it called, largest first, with the
 * share of the profile's whole time. Functions of the same name and place (file:line) count as one; V8's own work
 * shows as "(garbage collector)", "(program)" and "(idle)". For example, the search index at 5,000 reports:
 *
 *   ARCHIVE_REPORTS_DIR=… node --cpu-prof --cpu-prof-dir=/tmp/prof scripts/search-index.ts --out /tmp/idx
 *   node scripts/profile-summary.ts /tmp/prof/*.cpuprofile
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
if (positionals.length !== 1) {
  console.error('usage: node scripts/profile-summary.ts <file.cpuprofile> [--top 25]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile;

/** A function as the summary names it: its name, and where it is (file name and 1-based line) when it has a place. */
const nameOf = ({ functionName, url, lineNumber }: ProfileNode['callFrame']) =>
  `${functionName || '(anonymous)'}${url ? ` ${basename(url)}:${lineNumber + 1}` : ''}`;
const names = new Map(profile.nodes.map((node) => [node.id, nameOf(node.callFrame)]));

// Each sample's time is the delta that follows it (V8 records the time since the sample before).
const selfMicros = new Map<string, number>();
let totalMicros = 0;
profile.samples.forEach((id, at) => {
  const micros = profile.timeDeltas[at + 1] ?? 0;
  const name = names.get(id) ?? `(node ${id})`;
  selfMicros.set(name, (selfMicros.get(name) ?? 0) + micros);
  totalMicros += micros;
});

const rows = [...selfMicros].sort(([, a], [, b]) => b - a).slice(0, Number(values.top));
console.log(`${positionals[0]}: ${(totalMicros / 1e6).toFixed(1)} s sampled\n`);
console.log('| function | self s | share |');
console.log('|---|---|---|');
for (const [name, micros] of rows) console.log(`| ${name} | ${(micros / 1e6).toFixed(1)} | ${((100 * micros) / totalMicros).toFixed(1)} % |`);
