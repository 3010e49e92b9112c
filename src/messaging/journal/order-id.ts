/** The order a message concerns: its payload's `orderId`, when it has one. */
export function orderIdOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const id = (payload as { orderId?: unknown }).orderId;
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id : undefined;
}

/** The same, read from a published body (an envelope); undefined for anything else. */
export function orderIdInBody(content: Buffer): string | undefined {
  try {
    return orderIdOf((JSON.parse(content.toString('utf8')) as { payload?: unknown }).payload);
  } catch {
    return undefined;
  }
}
