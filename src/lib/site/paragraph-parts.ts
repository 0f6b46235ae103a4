/**
 * A paragraph's text as the page shows it: runs of TAB-separated rows (a council report's cover table, the
 * judgement table a paragraph quotes) become tables, the other lines stay text. The parser keeps a table's cells
 * apart with TABs and its rows with newlines; shown as text, they would run together into one line.
 */
import type { GlossaryEntry } from '../../schemas/glossary.ts';
import type { Paragraph } from '../../schemas/report.ts';
import { abbreviationRuns, type TextRun } from './glossary.ts';

export type ParagraphPart = { kind: 'text'; text: string } | { kind: 'table'; rows: string[][] };

export function paragraphParts(text: string): ParagraphPart[] {
  const parts: ParagraphPart[] = [];
  for (const line of text.split('\n')) {
    const last = parts.at(-1);
    if (line.includes('\t')) {
      const row = line.split('\t').map((cell) => cell.trim());
      if (last?.kind === 'table') last.rows.push(row);
      else parts.push({ kind: 'table', rows: [row] });
    } else if (last?.kind === 'text') last.text += `\n${line}`;
    else parts.push({ kind: 'text', text: line });
  }
  return parts;
}

/** The text up to a footnote mark (or to the end), as runs with the glossary's abbreviations apart, then the mark. */
export interface FootnotedRun {
  runs: TextRun[];
  footnote?: number;
}

/**
 * What a paragraph shows: its text and tables (`parts`, for a paragraph with table rows), or otherwise its text cut
 * at each footnote mark, where the report had it, with abbreviations marked (`pieces`). Footnote marks sit at
 * offsets in the text, so a paragraph with both (none so far) keeps the text layout.
 */
export type ParagraphText = { kind: 'parts'; parts: ParagraphPart[] } | { kind: 'pieces'; pieces: FootnotedRun[] };

export function paragraphText(paragraph: Paragraph, glossary: readonly GlossaryEntry[]): ParagraphText {
  const refs = [...paragraph.footnoteRefs].sort((a, b) => a.offset - b.offset);
  if (refs.length === 0 && paragraph.text.includes('\t')) return { kind: 'parts', parts: paragraphParts(paragraph.text) };
  const pieces: FootnotedRun[] = [];
  let from = 0;
  for (const ref of refs) {
    pieces.push({ runs: abbreviationRuns(paragraph.text.slice(from, ref.offset), glossary), footnote: ref.number });
    from = ref.offset;
  }
  pieces.push({ runs: abbreviationRuns(paragraph.text.slice(from), glossary) });
  return { kind: 'pieces', pieces };
}
