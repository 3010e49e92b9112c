// `npm start` runs this first: it builds dist/ when it is missing or older than the sources, and
// says so, since a first build takes a while. Starts launched together build once: one holds a
// lock and builds into a private directory that replaces dist/ by rename; the others wait for it
// and then find dist/ fresh. A running app's dist/ is never emptied under it.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['src', 'nest-cli.json', 'tsconfig.json', 'tsconfig.build.json'];
const LOCK = '.build.lock';
const WAIT_MS = 5 * 60_000;
const say = (text) => console.log(`[prestart] ${text}`);

/** Why dist/ must be rebuilt, or undefined when it is up to date. */
function staleReason() {
  if (!existsSync('dist/main.js')) return 'dist/main.js is missing (first start, or after a clean)';
  const built = statSync('dist/main.js').mtimeMs;
  const newer = INPUTS.filter(existsSync)
    .map((p) => newerThan(p, built))
    .find(Boolean);
  return newer && `${newer} changed since the last build`;
}

function newerThan(path, time) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs > time ? path : undefined;
  for (const entry of readdirSync(path)) {
    const found = newerThan(join(path, entry), time);
    if (found) return found;
  }
  return undefined;
}

/** mkdir is atomic: exactly one of several starts gets the lock. */
function tryLock() {
  try {
    mkdirSync(LOCK);
    writeFileSync(join(LOCK, 'pid'), String(process.pid));
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    if (holderGone()) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/** A lock left by a build that was killed must not block every later start. */
function holderGone() {
  try {
    const pid = Number(readFileSafe(join(LOCK, 'pid')));
    if (!pid) return Date.now() - statSync(LOCK).mtimeMs > 10_000;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

function readFileSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function build(reason) {
  const started = Date.now();
  const tmp = `.dist-build-${process.pid}`;
  const config = `tsconfig.build-${process.pid}.json`;
  say(`building dist/ because ${reason}; this takes about 15 s the first time...`);
  writeFileSync(
    config,
    JSON.stringify({ extends: './tsconfig.build.json', compilerOptions: { outDir: tmp } }),
  );
  try {
    const nest = spawnSync(join('node_modules', '.bin', 'nest'), ['build', '-p', config], {
      stdio: 'inherit',
    });
    if (nest.status !== 0) throw new Error(`nest build failed (exit ${nest.status})`);
    const old = `.dist-old-${process.pid}`;
    if (existsSync('dist')) renameSync('dist', old);
    renameSync(tmp, 'dist');
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(config, { force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
  say(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  const deadline = Date.now() + WAIT_MS;
  let told = false;
  for (;;) {
    if (!existsSync(LOCK) && !staleReason()) {
      if (told) say('dist/ is up to date');
      return;
    }
    if (tryLock()) {
      try {
        const reason = staleReason();
        if (reason) build(reason);
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      return;
    }
    if (!told) say('another start is building dist/; waiting for it');
    told = true;
    if (Date.now() > deadline) throw new Error(`${LOCK} held for over ${WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

main().catch((error) => {
  say(error.message);
  process.exit(1);
});
