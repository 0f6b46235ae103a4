/**
 * An error about one source document, precise enough for a maintainer to fix it: which file, where in it
 * (line for text, page for PDF), what is wrong (quoting the offending value) and what to do.
 */
export class SourceError extends Error {
  /** What is wrong, without the place or the hint. */
  readonly problem: string;
  readonly file: string;
  readonly line: number | null;
  readonly page: number | null;
  readonly hint: string | null;

  constructor(
    problem: string,
    where: { file: string; line?: number | null; page?: number | null; hint?: string | null },
  ) {
    const place = where.line ? `:${where.line}` : where.page ? ` (page ${where.page})` : '';
    super(`${where.file}${place}: ${problem}${where.hint ? `\n  → ${where.hint}` : ''}`);
    this.name = 'SourceError';
    this.problem = problem;
    this.file = where.file;
    this.line = where.line ?? null;
    this.page = where.page ?? null;
    this.hint = where.hint ?? null;
  }
}
