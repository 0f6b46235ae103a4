/** SHA-256 in hex, defined once: how the archive names and checks every source file, and stamps its caches. */
import { createHash } from 'node:crypto';

/** The SHA-256 of some bytes (or a string's UTF-8), in hex. */
export function sha256Of(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A short version stamp (16 hex digits of SHA-256) of named files, in the order given: each file's name and bytes
 * count, so editing, adding, removing or renaming any of them gives a new stamp.
 */
export function versionOfFiles(files: Iterable<{ name: string; bytes: Uint8Array }>): string {
  const hash = createHash('sha256');
  for (const { name, bytes } of files) hash.update(name).update('\0').update(bytes).update('\0');
  return hash.digest('hex').slice(0, 16);
}
