/**
 * What a fetch did, as the table it ends with (plain text that is also a Markdown table, so the scheduled refresh
 * can put it in its pull request as it is), and the progress line it shows while it works.
 */

export type Outcome =
  | { status: 'new'; file: string; url: string }
  | { status: 'unchanged'; file: string; url: string }
  | { status: 'refused'; document: string; url: string; reason: string }
  | { status: 'failed'; document: string; url: string; reason: string };

function row(cells: string[], widths: number[]): string {
  return `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
}

/** One row per new, refused and failed document; the unchanged ones as one row with their count. */
export function summaryTable(outcomes: readonly Outcome[]): string {
  const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
  const rows: string[][] = [];
  for (const o of outcomes) {
    if (o.status === 'new') rows.push(['new', o.file, o.url]);
  }
  const unchanged = count('unchanged');
  if (unchanged) rows.push(['unchanged', `${unchanged} document${unchanged === 1 ? '' : 's'}`, 'already in the archive']);
  for (const o of outcomes) {
    if (o.status === 'refused') rows.push(['refused', o.document, `${o.reason.replace(/\s*\n\s*/g, ' ')} (${o.url})`]);
  }
  for (const o of outcomes) {
    if (o.status === 'failed') rows.push(['failed', o.document, `${o.reason} (${o.url})`]);
  }
  const header = ['outcome', 'document', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const table = rows.length
    ? [row(header, widths), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => row(r, widths))].join('\n')
    : 'No children\'s services documents found.';
  return `${table}\n\n${count('new')} new, ${unchanged} unchanged, ${count('refused')} refused, ${count('failed')} failed.`;
}

/** A single line rewritten in place on a terminal; plain lines, one per step, anywhere else (a CI log, a pipe). */
export function progressReporter(stream: NodeJS.WriteStream): { step(text: string): void; done(): void } {
  let shown = false;
  return {
    step(text) {
      if (!stream.isTTY) {
        stream.write(`${text}\n`);
        return;
      }
      const width = Math.max(20, (stream.columns || 80) - 1);
      const line = text.length > width ? `${text.slice(0, width - 1)}…` : text;
      stream.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
