/** The wire shape of every reply, so a caller can tell a business error from a transport one. */
export type RpcReply<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** The flow's correlation id; the AMQP correlationId property is taken by reply matching. */
export const RPC_CORRELATION_HEADER = 'of-correlation-id';
