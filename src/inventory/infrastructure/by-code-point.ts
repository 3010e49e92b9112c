/**
 * MongoDB's order for strings without a collation: by their bytes. For the ASCII that SKUs are
 * made of, that is JavaScript's `<` ('B' < 'a'); localeCompare would order them differently.
 */
export function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
