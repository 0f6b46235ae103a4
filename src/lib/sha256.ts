/** The SHA-256 of some bytes (or a string's UTF-8), in hex: how the archive names and checks every source file. */
import { createHash } from 'node:crypto';

export function sha256Of(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
