/**
 * The one way to say "this cannot be missing here" without a non-null assertion (`x!`, which src/ does not use:
 * tests/unit/no-non-null.test.ts). Where the code's own logic guarantees a value (an index inside the array it
 * came from, a key just set), `required` states it; if the guarantee is ever broken, the error names what was
 * missing instead of a `TypeError` about `undefined` three calls later.
 */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`Internal error: ${what} is missing`);
  return value;
}
