import { SourceError } from '../source-error.ts';

/**
 * The largest source ingest reads, by format. A report's text is a few hundred kB and its PDF a few MB; a council
 * pack with scanned appendices may reach tens of MB. Anything larger is not one report (a concatenation, a log, a
 * wrong download), and refusing it before reading keeps a run's memory bounded whatever is dropped in the folder.
 */
export const MAX_SOURCE_BYTES = { text: 8 * 1024 * 1024, pdf: 64 * 1024 * 1024 } as const;

export function checkSourceSize(bytes: number, file: string, format: 'text' | 'pdf'): void {
  const limit = MAX_SOURCE_BYTES[format];
  if (bytes <= limit) return;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  throw new SourceError(`the file is ${mb(bytes)}, more than the ${mb(limit)} a single ${format === 'pdf' ? 'PDF' : 'text'} report can be`, {
    file,
    hint: 'check that it is one report (not several joined together, or a different file); split it into one source per document',
  });
}

/**
 * Source bytes → text. Invalid UTF-8 is refused with the line it sits on (a silently replaced character would
 * publish a corrupted quotation); a byte-order mark and Windows line ends are normalised away, and a vertical tab
 * (Word's manual line break) becomes a line break. Other control characters are refused: they are invisible,
 * forbidden in the archive's XML feeds, and (U+0080–U+009F) the usual trace of a botched Windows-1252 conversion.
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
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?|\v/g, '\n');
  checkNoControlCharacters(normalised, file);
  return normalised;
}

/** C0 controls other than tab, line feed and form feed (a page break), DEL, the C1 controls, and U+FFFE/U+FFFF. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

function checkNoControlCharacters(text: string, file: string): void {
  const found = CONTROL_CHARACTER.exec(text);
  if (!found) return;
  const before = text.slice(0, found.index);
  const line = before.split('\n').length;
  const column = found.index - before.lastIndexOf('\n');
  const code = `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const c1 = found[0] >= '\u0080' && found[0] <= '\u009F';
  throw new SourceError(`the text contains the control character ${code} at column ${column}, which cannot be published`, {
    file,
    line,
    hint: c1
      ? 'characters U+0080–U+009F mean Windows-1252 text was converted to UTF-8 wrongly: convert the original again with `iconv -f windows-1252 -t utf-8`'
      : 'delete it (it is invisible in the document) or export the document again, then run ingest again',
  });
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

const WINDOWS_1252 = new TextDecoder('windows-1252');
/** Control characters other than tab, line feed and form feed (the page break), U+FFFE/U+FFFF, unpaired surrogates. */
const NOT_PRINTED = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A PDF's extracted text → the text its pages print. A font's ToUnicode map can carry characters no page shows:
 * fonts built on Windows-1252 put C1 controls (U+0080–U+009F) where the page prints quotes, dashes, bullets or €,
 * so those become what is printed; any other control character, U+FFFE/U+FFFF or unpaired surrogate stands for no
 * printed character and is removed. (A text source holding them is refused instead: there a person typed or
 * converted it, and can fix it; a PDF's font is not something a maintainer can edit.)
 */
export function printedText(extracted: string): string {
  return extracted.replace(NOT_PRINTED, (character) => {
    const code = character.charCodeAt(0);
    if (code < 0x80 || code > 0x9f) return '';
    const printed = WINDOWS_1252.decode(Uint8Array.of(code));
    return printed === character ? '' : printed;
  });
}
