import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
} from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/prestart.mjs');

interface Run {
  code: number | null;
  out: string;
}

function prestart(cwd: string): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [SCRIPT], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => done({ code, out }));
  });
}

/** A two-file Nest-shaped project, so a real `nest build` takes seconds, not the app's 15. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orderflow-prestart-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  mkdirSync(join(dir, 'src/templates'), { recursive: true });
  writeFileSync(join(dir, 'src/main.ts'), "export const hello = (): string => 'hi';\n");
  writeFileSync(join(dir, 'src/templates/mail.hbs'), '<p>{{name}}</p>\n');
  const json = (name: string, value: unknown) =>
    writeFileSync(join(dir, name), JSON.stringify(value));
  json('nest-cli.json', {
    sourceRoot: 'src',
    compilerOptions: {
      deleteOutDir: true,
      tsConfigPath: 'tsconfig.build.json',
      assets: [{ include: '**/templates/**/*.hbs' }],
    },
  });
  json('tsconfig.json', {
    compilerOptions: { module: 'commonjs', target: 'ES2022', outDir: './dist', rootDir: './src' },
  });
  json('tsconfig.build.json', { extends: './tsconfig.json', include: ['src/**/*.ts'] });
  return dir;
}

describe('npm start (scripts/prestart.mjs)', () => {
  let dir: string;
  beforeAll(() => (dir = project()));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds once for three starts launched together, and says why', async () => {
    const runs = await Promise.all([prestart(dir), prestart(dir), prestart(dir)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const all = runs.map((r) => r.out).join('\n');
    expect(all.match(/building dist\/ because dist\/main\.js is missing/g)).toHaveLength(1);
    expect(all).toMatch(/built in \d+\.\d s/);
    expect(existsSync(join(dir, 'dist/main.js'))).toBe(true);
    expect(existsSync(join(dir, 'dist/templates/mail.hbs'))).toBe(true);
    // No lock, temporary output or generated tsconfig is left behind.
    expect(readdirSync(dir).sort()).toEqual(
      [
        'dist',
        'nest-cli.json',
        'node_modules',
        'src',
        'tsconfig.build.json',
        'tsconfig.json',
      ].sort(),
    );
  });

  it('is silent when dist/ is up to date, and names the changed file otherwise', async () => {
    expect(await prestart(dir)).toEqual({ code: 0, out: '' });
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'src/main.ts'), later, later);
    const run = await prestart(dir);
    expect(run.out).toMatch(/building dist\/ because src\/main\.ts changed since the last build/);
  });

  it('takes over a lock left by a build that was killed', async () => {
    mkdirSync(join(dir, '.build.lock'));
    writeFileSync(join(dir, '.build.lock/pid'), '999999');
    rmSync(join(dir, 'dist'), { recursive: true });
    const run = await prestart(dir);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'dist/main.js'))).toBe(true);
    expect(existsSync(join(dir, '.build.lock'))).toBe(false);
  });
});
