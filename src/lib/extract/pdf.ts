/**
 * Plain text from a PDF report, in the shape the parser reads: hard-wrapped lines in reading order, one
 * `area<TAB>grade` line per judgement, pages separated by form feeds, running headers, footers and page
 * numbers removed.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { SourceError } from '../source-error.ts';
import {
  dropPageNumbers,
  dropRepeatedPageFurniture,
  joinHyphenatedWords,
  layOutLines,
  linesToText,
  rebuildJudgementTables,
  tidyBlankLines,
} from './layout.ts';
import type { Fragment } from './layout.ts';

const PDFJS_ROOT = import.meta.resolve('pdfjs-dist/package.json');
const STANDARD_FONTS = new URL('standard_fonts/', PDFJS_ROOT).href;
const CMAPS = new URL('cmaps/', PDFJS_ROOT).href;

/** A PDF's text (every line ends with a newline, pages are separated by `\f`) and how many pages it has. */
export interface ExtractedPdf {
  text: string;
  pages: number;
}

export async function extractPdfText(data: Uint8Array, file: string): Promise<ExtractedPdf> {
  checkIsWholePdf(data, file);
  // pdf.js may take ownership of the buffer it is given; the caller's copy stays usable.
  const task = getDocument({
    data: data.slice(),
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
    verbosity: 0,
    disableFontFace: true,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      throw openingError(error, file);
    });
    const pages = await readPages(pdf, file);
    if (pages.every((lines) => lines.length === 0)) {
      throw new SourceError(`the PDF has no text layer: its ${pdf.numPages} page(s) are images only (a scan)`, {
        file,
        hint: 'find a version of the report with text (Ofsted publishes text PDFs), or OCR it and add the text as a .txt source',
      });
    }
    // As pdftotext does it: each page ends its last line, and the form feed opens the next page's first line.
    const text = dropRepeatedPageFurniture(pages)
      .map((lines) => `${tidyBlankLines(joinHyphenatedWords(dropPageNumbers(lines))).join('\n')}\n`)
      .join('\f');
    return { text, pages: pdf.numPages };
  } finally {
    await task.destroy();
  }
}

/** Each page's lines, tables rebuilt, before page furniture is removed. */
async function readPages(pdf: PDFDocumentProxy, file: string): Promise<string[][]> {
  const pages: string[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const items = await pdf
      .getPage(number)
      .then(async (page) => {
        const content = await page.getTextContent();
        page.cleanup();
        return content.items;
      })
      .catch((error: unknown) => {
        throw new SourceError(`page ${number} cannot be read: ${messageOf(error)}`, {
          file,
          page: number,
          hint: 'the PDF is damaged: download it again; if it still fails, check it opens in a PDF viewer',
        });
      });
    pages.push(linesToText(rebuildJudgementTables(layOutLines(items.flatMap(toFragment)))));
  }
  return pages;
}

/**
 * A pdf.js text item as a fragment. Marked-content markers, blank runs and text whose baseline is not
 * horizontal (rotated margin notes) are not part of the lines. Slanted text (a synthetic italic) is: its
 * transform is skewed, so its size is the vertical scale alone.
 */
function toFragment(item: TextItem | TextMarkedContent): Fragment[] {
  if (!('str' in item) || !item.str.trim()) return [];
  // pdf.js always gives six numbers; a missing one reads as 0, which drops the run (no vertical scale).
  const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform as number[];
  if (Math.abs(b) > 0.01 * Math.abs(a) || d <= 0) return [];
  return [{ text: item.str, x, y, width: item.width, size: d }];
}

/** How far from the end `%%EOF` may sit: writers may append a little whitespace or junk after it. */
const END_MARKER_WINDOW = 4096;

/** Rejects what is not a PDF, or is only the first part of one, before pdf.js guesses its way through it. */
function checkIsWholePdf(data: Uint8Array, file: string): void {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  if (!head.includes('%PDF-')) {
    // Decoded as Latin-1, a UTF-8 byte order mark reads "ï»¿".
    if (/^(?:\u00EF\u00BB\u00BF)?\s*<(?:!doctype\s+html|html|head|body|!--)/iu.test(head)) {
      const title = /<title[^>]*>([^<]*)/iu.exec(head)?.[1]?.trim();
      throw new SourceError(`this .pdf file is an HTML page, not a PDF${title ? ` (its title: "${title}")` : ''}`, {
        file,
        hint: 'download the report PDF itself (the link to the .pdf on the report page), not the web page',
      });
    }
    throw new SourceError(
      data.length === 0 ? 'the file is empty, not a PDF' : `not a PDF: it starts with ${JSON.stringify(head.slice(0, 16))}, not "%PDF-"`,
      { file, hint: 'replace it with the report PDF as published' },
    );
  }
  const tail = new TextDecoder('latin1').decode(data.subarray(Math.max(0, data.length - END_MARKER_WINDOW)));
  if (!tail.includes('%%EOF')) {
    throw new SourceError(`the PDF is truncated: it stops after ${data.length} bytes without its end marker (%%EOF)`, {
      file,
      hint: 'the download was probably interrupted: download the file again',
    });
  }
}

/** Why pdf.js could not open the document, as a SourceError. */
function openingError(error: unknown, file: string): SourceError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new SourceError('the PDF is encrypted and needs a password to open', {
      file,
      hint: 'get an unprotected copy of the report: Ofsted publishes its reports without passwords',
    });
  }
  return new SourceError(`the PDF is corrupt: ${messageOf(error)}`, {
    file,
    hint: 'download the file again; if it still fails, check it opens in a PDF viewer',
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
