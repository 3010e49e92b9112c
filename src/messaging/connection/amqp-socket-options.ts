import type { BrokerSettings } from '../../common/config/broker-settings';

/** What amqplib hands to tls.connect() for an amqps:// URL (net.connect ignores them). */
export interface AmqpSocketOptions {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  servername?: string;
  rejectUnauthorized: true;
}

/**
 * The TLS half of amqp-connection-manager's `connectionOptions`, the same for every URL of the
 * failover list. Built from the files read at startup, so a reconnect reads nothing from disk.
 *
 * rejectUnauthorized is set, not left to the default, so that NODE_TLS_REJECT_UNAUTHORIZED=0
 * (a common debugging leftover) cannot turn certificate checks off for the broker.
 */
export function amqpSocketOptions(settings: BrokerSettings): AmqpSocketOptions {
  const { amqpTlsCaFile: ca, amqpTlsCertFile: cert, amqpTlsKeyFile: key } = settings.tlsFiles;
  return {
    rejectUnauthorized: true,
    ...(ca ? { ca } : {}),
    ...(cert && key ? { cert, key } : {}),
    // amqplib sends and checks the URL's host unless told otherwise.
    ...(settings.amqpTlsServername ? { servername: settings.amqpTlsServername } : {}),
  };
}
