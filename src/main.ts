import 'reflect-metadata';
import { startApp } from './bootstrap';
import { ConfigError } from './common/config/config.error';
import { loadAppConfig } from './common/config/load-app-config';

async function main(): Promise<void> {
  try {
    await startApp(loadAppConfig());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

void main();
