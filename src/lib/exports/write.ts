/**
 * The whole-archive exports (/data/<dataset>.json and .csv) written to disk as they are made, not returned to Astro
 * as route bodies: Astro's static build gathers a route's whole body in memory before writing it, and at 5,000
 * reports the verdicts JSON alone is 248 MB (issue 13). One pass over the records, oldest first, reads each record,
 * writes its rows to every export, and lets it go; only each document's slug, type and date are held throughout
 * (a verdict row names its later document by them).
 *
 * Each file is written beside its final name and renamed into place only when every export is complete, so a failed
 * run leaves no partial export behind.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { dirname, join } from 'node:path';
import type { ReportSource } from '../ingest/report-loader.ts';
import { chronological } from '../site/shape.ts';
import { COLUMNS, documentDatasetRows, type LaterDocument } from './rows.ts';
import { csvWriter, jsonWriter, type ExportWriter } from './serialise.ts';
import { DATASETS, datasetUrl, type Dataset } from './urls.ts';

interface Output {
  dataset: Dataset;
  file: string;
  partial: string;
  writer: ExportWriter<string>;
  stream: WriteStream;
}

/** Writes every dataset export under `siteDir` (the built site's root); returns the files written. */
export async function writeDataExports(sources: readonly ReportSource[], siteDir: string, site: URL): Promise<string[]> {
  const bySlug = new Map<string, LaterDocument>(sources.map(({ slug, documentType, published }) => [slug, { slug, documentType, published }]));
  const outputs: Output[] = [];
  let current = '';
  try {
    for (const dataset of DATASETS) {
      for (const format of ['json', 'csv'] as const) {
        const file = join(siteDir, datasetUrl(dataset, format));
        current = file;
        mkdirSync(dirname(file), { recursive: true });
        const stream = createWriteStream(`${file}.partial`);
        // Reported by `once` or `finished` below; without a listener an error would end the process unexplained.
        stream.on('error', () => {});
        outputs.push({ dataset, file, partial: `${file}.partial`, writer: (format === 'json' ? jsonWriter : csvWriter)(COLUMNS[dataset]), stream });
      }
    }
    for (const source of chronological(sources)) {
      const record = source.load();
      for (const output of outputs) {
        current = output.file;
        await write(output.stream, output.writer.rows(documentDatasetRows(output.dataset, record, bySlug, site)));
      }
    }
    for (const output of outputs) {
      current = output.file;
      await write(output.stream, output.writer.end());
      output.stream.end();
      await finished(output.stream);
    }
  } catch (error) {
    for (const output of outputs) {
      output.stream.destroy();
      rmSync(output.partial, { force: true });
    }
    const problem = error instanceof Error ? error.message : String(error);
    throw new Error(`Data exports: not written (while writing ${current}): ${problem}`, { cause: error });
  }
  for (const output of outputs) renameSync(output.partial, output.file);
  return outputs.map(({ file }) => file);
}

/** Writes `text`, waiting while the stream's buffer is full, so no more than a batch or two is held in memory. */
async function write(stream: WriteStream, text: string): Promise<void> {
  if (text !== '' && !stream.write(text)) await once(stream, 'drain');
}
