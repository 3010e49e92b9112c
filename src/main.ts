import 'reflect-metadata';
import { startApp } from './bootstrap';
import { ConfigError } from './common/config/config.error';
import { loadAppConfig } from './common/config/load-app-config';
import { loadEnvFile } from './common/config/load-env-file';

async function main(): Promise<void> {
  try {
    // .env first; variables already in the environment win over it.
    const envFile = loadEnvFile();
    await startApp(loadAppConfig(), undefined, { envFile });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

void main();
