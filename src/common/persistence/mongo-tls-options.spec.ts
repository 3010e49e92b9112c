import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfig } from '../config/app-config';
import { loadAppConfig } from '../config/load-app-config';
import { TlsFixtureFiles, writeTlsFixtures } from '../config/tls.fixtures';
import { connectionTokenFor, mongoConnectionFor } from './mongo-connection';
import { mongoTlsOptions } from './mongo-tls-options';

/** @nestjs/mongoose's token for the options a connection is made with (not exported). */
const MONGOOSE_MODULE_OPTIONS = 'MongooseModuleOptions';

async function connectionOptions(config: AppConfig): Promise<Record<string, unknown>> {
  @Global()
  @Module({ providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] })
  class ConfigHost {}
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigHost, mongoConnectionFor('orders', 'mongodb://db.internal:27017')],
  })
    .overrideProvider(connectionTokenFor('orders'))
    .useValue({})
    .compile();
  return moduleRef.get(MONGOOSE_MODULE_OPTIONS, { strict: false });
}

describe('mongoTlsOptions', () => {
  let f: TlsFixtureFiles;
  beforeAll(() => (f = writeTlsFixtures()));
  afterAll(() => f.remove());

  it('leaves TLS to the URI when no file is set', () => {
    expect(mongoTlsOptions(loadAppConfig({ MONGODB_URI: 'mongodb://m/?tls=true' }))).toEqual({});
    expect(mongoTlsOptions(undefined)).toEqual({});
  });

  it('turns TLS on with the CA file', () => {
    expect(mongoTlsOptions(loadAppConfig({ MONGODB_TLS_CA_FILE: f.cert }))).toEqual({
      tls: true,
      tlsCAFile: f.cert,
    });
  });

  it('presents a client certificate (x.509), with or without a CA file', () => {
    expect(mongoTlsOptions(loadAppConfig({ MONGODB_TLS_CERT_KEY_FILE: f.certAndKey }))).toEqual({
      tls: true,
      tlsCertificateKeyFile: f.certAndKey,
    });
    const both = { MONGODB_TLS_CA_FILE: f.cert, MONGODB_TLS_CERT_KEY_FILE: f.certAndKey };
    expect(mongoTlsOptions(loadAppConfig(both))).toEqual({
      tls: true,
      tlsCAFile: f.cert,
      tlsCertificateKeyFile: f.certAndKey,
    });
  });

  it("is what every owner's connection is made with", async () => {
    const config = loadAppConfig({ MONGODB_TLS_CA_FILE: f.cert });
    expect(await connectionOptions(config)).toEqual({
      uri: 'mongodb://db.internal:27017',
      dbName: 'orderflow_orders',
      tls: true,
      tlsCAFile: f.cert,
    });
  });
});
