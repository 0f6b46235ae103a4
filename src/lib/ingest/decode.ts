import { SourceError } from '../source-error.ts';

/**
 * Source bytes → text. Invalid UTF-8 is refused with the line it sits on (a silently replaced character would
 * publish a corrupted quotation); a byte-order mark and Windows line ends are normalised away.
 */
export function decodeSourceText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) {
    throw new SourceError('the file is empty', { file, hint: 'export the document again, or remove the file' });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    throw new SourceError('the text is not valid UTF-8', {
      file,
      line,
      hint: 'save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`) and run ingest again',
    });
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}
