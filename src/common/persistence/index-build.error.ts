const DUPLICATE_KEY = 11000;
const OPTIONS_CONFLICT = 85;
const KEY_SPECS_CONFLICT = 86;

/** A schema's index could not be built: the process must not serve without it. */
export class IndexBuildError extends Error {
  constructor(
    readonly collection: string,
    readonly index: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `MongoDB index "${index}" on collection "${collection}" cannot be built: ${reason}. ` +
        hint(collection, index, (cause as { code?: unknown } | undefined)?.code),
      { cause },
    );
    this.name = IndexBuildError.name;
  }
}

function hint(collection: string, index: string, code: unknown): string {
  if (code === DUPLICATE_KEY)
    return 'Rows already in the collection break its uniqueness: remove the duplicates, then restart.';
  if (code === OPTIONS_CONFLICT || code === KEY_SPECS_CONFLICT)
    return (
      'An index of that name or keys exists with other options (e.g. a changed TTL): ' +
      `drop it with db.${collection}.dropIndex("${index}"), then restart.`
    );
  return 'Fix the cause, then restart.';
}
