/**
 * Prints the text the archive extracts from one PDF, exactly as the parser will read it (pages separated by
 * form feeds). A debugging aid: `node scripts/extract-pdf.ts <file.pdf>`.
 */
import { readFile } from 'node:fs/promises';
import { extractPdfText } from '../src/lib/extract/pdf.ts';
import { SourceError } from '../src/lib/source-error.ts';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('usage: node scripts/extract-pdf.ts <file.pdf>');
  process.exit(2);
}
try {
  const { text } = await extractPdfText(new Uint8Array(await readFile(file)), file);
  process.stdout.write(`${text}\n`);
} catch (error) {
  if (!(error instanceof SourceError)) throw error;
  console.error(error.message);
  process.exit(1);
}
