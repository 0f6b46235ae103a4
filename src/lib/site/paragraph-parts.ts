/**
 * A paragraph's text as the page shows it: runs of TAB-separated rows (a council report's cover table, the
 * judgement table a paragraph quotes) become tables, the other lines stay text. The parser keeps a table's cells
 * apart with TABs and its rows with newlines; shown as text, they would run together into one line.
 */
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
