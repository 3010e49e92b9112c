/**
 * The mail server the app sends to during the bench: a real SMTP server (smtp-server) in a
 * process of its own, as in production, so the app pays for sending an email and not for
 * receiving and parsing it too. It parses no MIME: it scans the raw DATA stream for the
 * Message-ID the notifications module gives every email (`<order-confirmed.<orderId>@orderflow>`)
 * and records when the whole message arrived.
 *
 * Child process of bench/run.ts; answers over IPC (see ChildRpc).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { serveParent } from '../lib/child';

const MARK = Buffer.from('<order-confirmed.');
/** Enough of the previous chunk to find a mark cut in two. */
const CARRY = 80;

/** orderId → epoch ms at which its confirmation email was accepted. */
const received = new Map<string, number>();
let mails = 0;

function orderIdIn(buf: Buffer): string | undefined {
  const at = buf.indexOf(MARK);
  if (at < 0) return undefined;
  const end = buf.indexOf(0x40 /* @ */, at + MARK.length);
  return end < 0 ? undefined : buf.toString('latin1', at + MARK.length, end);
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  // The app keeps its pooled connections open for the whole run.
  socketTimeout: 10 * 60_000,
  onData: (stream, _session, callback) => {
    let id: string | undefined;
    let tail: Buffer | undefined;
    stream.on('data', (chunk: Buffer) => {
      if (id) return; // the header is read; the rest only needs draining
      const buf = tail ? Buffer.concat([tail, chunk]) : chunk;
      id = orderIdIn(buf);
      tail = buf.subarray(Math.max(0, buf.length - CARRY));
    });
    stream.on('end', () => {
      mails++;
      if (id) received.set(id, Date.now());
      callback();
    });
  },
});
server.on('error', () => undefined); // a client that hangs up is not the sink's failure

serveParent({
  start: async (): Promise<{ port: number }> => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.server.address() as AddressInfo).port };
  },
  /** When each order's email arrived (-1: not yet); those found are forgotten, to stay small. */
  take: async (p: { ids: string[] }): Promise<number[]> =>
    p.ids.map((id) => {
      const at = received.get(id) ?? -1;
      if (at >= 0) received.delete(id);
      return at;
    }),
  usage: async () => {
    const cpu = process.cpuUsage();
    return { cpu_user_us: cpu.user, cpu_system_us: cpu.system, mails };
  },
  stop: async () => {
    server.close(() => undefined);
    setTimeout(() => process.exit(0), 50);
  },
});

process.on('disconnect', () => process.exit(0));
