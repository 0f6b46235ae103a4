/** The worker thread of scripts/lib/stage-linked.ts: links its share of the records, writes them, and says so. */
import { parentPort, workerData } from 'node:worker_threads';
import type { LinkingShare } from '../../src/lib/link/link-archive.ts';
import type { ReportRecord } from '../../src/schemas/report.ts';
import { serialiseShare, stageShare } from './stage-linked.ts';

const { records, themes, staged, share } = workerData as { records: ReportRecord[]; themes: unknown; staged: string; share: LinkingShare };
parentPort?.postMessage(serialiseShare(stageShare(records, themes, staged, share)));
