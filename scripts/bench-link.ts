/**
 * Linking at national size: about 150 authorities, 5,000 documents of 60 paragraphs and 10 recommendations, built
 * from sentences of the real sources. Time is CPU time of this process (a busy machine disturbs it far less than
 * wall-clock time), printed next to wall-clock; the target is 60 s of CPU for 5,000 documents.
 *
 * Usage: node scripts/bench-link.ts [--documents 1000,5000] [--results bench/results/link.md]
 * (moved here from the unit suite, which checks what linking finds, not how fast).
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { linkArchive } from '../src/lib/link/link-archive.ts';
import { writeResultsKeepingNotes } from './lib/bench-corpora.ts';
import { linkingCorpus } from '../tests/helpers/linking-corpus.ts';

const TARGET_CPU_SECONDS_PER_5000 = 60;

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '1000,5000' },
    results: { type: 'string', default: 'bench/results/link.md' },
  },
});

const rows = values.documents.split(',').map(Number).map((documents) => {
  const { archive, taxonomy } = linkingCorpus(documents);
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const linked = linkArchive(archive, taxonomy);
  const used = process.cpuUsage(cpu);
  const followUps = linked.reduce((sum, record) => sum + record.links.reduce((n, link) => n + link.followUps.length, 0), 0);
  const row = { documents, cpu: (used.user + used.system) / 1e6, wall: (performance.now() - wall) / 1000, followUps };
  console.log(`linked ${documents} documents in ${row.cpu.toFixed(1)} s CPU, ${row.wall.toFixed(1)} s wall, ${followUps} follow-ups`);
  return row;
});

const national = rows.find((row) => row.documents === 5000);
const figures = [
  '# Linking benchmark',
  '',
  `Command: \`npm run bench -- link\` (node scripts/bench-link.ts --documents ${values.documents}). Machine: ${process.platform}, ` +
    `${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} when it finished.`,
  'Synthetic documents of 60 paragraphs and 10 recommendations over 150 authorities, sentences from content/sources.',
  '',
  '| documents | paragraphs | recommendations | follow-ups found | CPU s | wall s |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.documents} | ${r.documents * 60} | ${r.documents * 10} | ${r.followUps} | ${r.cpu.toFixed(1)} | ${r.wall.toFixed(1)} |`),
  '',
  ...(national
    ? [`Target: 5,000 documents linked in under ${TARGET_CPU_SECONDS_PER_5000} s of CPU: ${national.cpu.toFixed(1)} s, ${national.cpu < TARGET_CPU_SECONDS_PER_5000 ? 'met' : 'missed'}.`, '']
    : []),
].join('\n');
console.log(writeResultsKeepingNotes(values.results, figures));
