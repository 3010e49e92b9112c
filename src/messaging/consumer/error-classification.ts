/**
 * Anything not marked `permanent: true` is assumed transient: a retry may succeed. Marking is
 * structural, so domain errors (DomainError.permanent) and messaging errors classify alike.
 */
export function isPermanent(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { permanent?: unknown }).permanent === true
  );
}

export function describeError(error: unknown): { type: string; message: string; stack?: string } {
  if (error instanceof Error)
    return { type: error.name, message: error.message, stack: error.stack };
  return { type: typeof error, message: String(error) };
}
