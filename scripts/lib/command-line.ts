/**
 * The archive's commands read their arguments and report their failures the same way: a mistyped option, or a file
 * whose name starts with "-" (read as an option), is a message with the usage line, never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SourceError } from '../../src/lib/source-error.ts';
import { PublishError } from './publish.ts';

export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const dashed = process.argv.slice(2).find((arg) => /^-[^-]/.test(arg) && /\.(?:pdf|txt)$/i.test(arg));
    const problem = dashed ? `${dashed} was read as an option: if it is the file, write it as ./${dashed}` : (error as Error).message;
    throw new PublishError(`${problem}\n${usage}`);
  }
}

/** Prints a run's failure as its message (with a stack trace only for what is a bug in the archive) and exits 1. */
export function stopWith(error: unknown): never {
  const explained = error instanceof PublishError || error instanceof SourceError;
  console.error(explained ? `✗ ${error.message}` : error instanceof Error ? error.stack : error);
  process.exit(1);
}
