import type { TlsSettings } from '../config/tls-settings';

/** The MongoDB driver's TLS options, as mongoose.createConnection() takes them. */
export interface MongoTlsOptions {
  tls?: true;
  tlsCAFile?: string;
  tlsCertificateKeyFile?: string;
}

/**
 * TLS for every owner's MongoDB connection, from MONGODB_TLS_CA_FILE and
 * MONGODB_TLS_CERT_KEY_FILE. Either one turns TLS on: a CA file for a plain connection would
 * be a silent no-op. Unset, the URI decides (`tls=true`, `mongodb+srv://`) with the system CAs.
 *
 * Paths, not contents: the driver reads them once per client, at connect; loadAppConfig has
 * already checked both files at startup.
 */
export function mongoTlsOptions(settings: TlsSettings | undefined): MongoTlsOptions {
  if (!settings?.mongodbTlsConfigured) return {};
  return {
    tls: true,
    ...(settings.mongodbTlsCaFile ? { tlsCAFile: settings.mongodbTlsCaFile } : {}),
    ...(settings.mongodbTlsCertKeyFile
      ? { tlsCertificateKeyFile: settings.mongodbTlsCertKeyFile }
      : {}),
  };
}
