import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

type Env = Record<string, string | undefined>;

export interface EnvFileLoaded {
  path: string;
  /** Variables the file set. */
  applied: string[];
  /** Variables the file also sets but the real environment already had: the environment won. */
  shadowed: string[];
}

/**
 * Reads `.env` (as `.env.example` lays it out) into the environment before loadAppConfig reads
 * it. A variable already in the real environment wins over the file, as with dotenv and
 * @nestjs/config, so one `.env` serves a whole team and a deployment overrides what it must.
 * No file is fine: everything has a default.
 */
export function loadEnvFile(
  path = resolve('.env'),
  env: Env = process.env,
): EnvFileLoaded | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const applied: string[] = [];
  const shadowed: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined) shadowed.push(name);
    else {
      env[name] = value;
      applied.push(name);
    }
  }
  return { path, applied, shadowed };
}
