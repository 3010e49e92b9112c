import { IsOptional, IsString } from 'class-validator';
import { ObservabilitySettings } from './observability-settings';

/** The settings that name a TLS file, by the environment variable that sets each. */
export const TLS_FILE_VARIABLES = {
  amqpTlsCaFile: 'AMQP_TLS_CA_FILE',
  amqpTlsCertFile: 'AMQP_TLS_CERT_FILE',
  amqpTlsKeyFile: 'AMQP_TLS_KEY_FILE',
  mongodbTlsCaFile: 'MONGODB_TLS_CA_FILE',
  mongodbTlsCertKeyFile: 'MONGODB_TLS_CERT_KEY_FILE',
  smtpTlsCaFile: 'SMTP_TLS_CA_FILE',
} as const;

export type TlsFileSetting = keyof typeof TLS_FILE_VARIABLES;

/**
 * TLS trust for the MongoDB and SMTP connections (the broker's is in BrokerSettings). Unset, each
 * connection trusts the system's CAs, as its URL's scheme or options ask.
 */
export class TlsSettings extends ObservabilitySettings {
  /** MONGODB_TLS_CA_FILE: the CA(s) that signed the MongoDB servers' certificates. */
  @IsOptional()
  @IsString()
  mongodbTlsCaFile?: string;

  /** MONGODB_TLS_CERT_KEY_FILE: client certificate and key in one PEM file (x.509 auth). */
  @IsOptional()
  @IsString()
  mongodbTlsCertKeyFile?: string;

  /** SMTP_TLS_CA_FILE: the CA(s) that signed the mail server's certificate. */
  @IsOptional()
  @IsString()
  smtpTlsCaFile?: string;

  /**
   * The files' contents, read once at startup by loadTlsFiles(): a reconnect then neither
   * depends on the file system nor picks up a half-written renewal.
   */
  tlsFiles: Partial<Record<TlsFileSetting, Buffer>> = {};

  /** Any MongoDB TLS file set turns TLS on for MongoDB, whatever the URI says. */
  get mongodbTlsConfigured(): boolean {
    return !!(this.mongodbTlsCaFile || this.mongodbTlsCertKeyFile);
  }
}
