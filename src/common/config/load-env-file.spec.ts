import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppConfig } from './load-app-config';
import { loadEnvFile } from './load-env-file';

describe('loadEnvFile', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'orderflow-env-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (text: string): string => {
    const path = join(dir, '.env');
    writeFileSync(path, text);
    return path;
  };

  it('sets what .env says, and the real environment wins over it', () => {
    const path = write(
      '# a comment\nPORT=4000\nCONSUMER_PREFETCH=7\nMAIL_FROM="Shop <shop@example.com>"\n',
    );
    const env: Record<string, string | undefined> = { PORT: '5000' };
    expect(loadEnvFile(path, env)).toEqual({
      path,
      applied: ['CONSUMER_PREFETCH', 'MAIL_FROM'],
      shadowed: ['PORT'],
    });
    const config = loadAppConfig(env);
    expect(config.port).toBe(5000);
    expect(config.consumerPrefetch).toBe(7);
    expect(config.mailFrom).toBe('Shop <shop@example.com>');
  });

  it('lets an empty variable in the environment win too', () => {
    const env: Record<string, string | undefined> = { MONGODB_URI: '' };
    loadEnvFile(write('MONGODB_URI=mongodb://db/x\n'), env);
    expect(loadAppConfig(env).mongodbUri).toBeUndefined();
  });

  it('is fine without a file', () => {
    const env = {};
    expect(loadEnvFile(join(dir, 'missing.env'), env)).toBeUndefined();
    expect(env).toEqual({});
  });

  it('accepts .env.example as it ships', () => {
    const env: Record<string, string | undefined> = {};
    loadEnvFile(join(__dirname, '../../../.env.example'), env);
    expect(env.AMQP_URL).toBe('amqp://guest:guest@localhost:5672');
    expect(loadAppConfig(env).appModules).toHaveLength(4);
  });

  it('names a wrong value from .env by its variable', () => {
    const env: Record<string, string | undefined> = {};
    loadEnvFile(write('CONSUMER_PREFETCH=5000\n'), env);
    expect(() => loadAppConfig(env)).toThrow(/CONSUMER_PREFETCH="5000": must not be greater/);
  });
});
