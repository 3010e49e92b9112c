const DUPLICATE_KEY = 11000;

/** A unique index refused the write: another writer got there first. */
export function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === DUPLICATE_KEY
  );
}
