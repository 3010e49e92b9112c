import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * Every app process the bench starts would otherwise compile all of src/ again through ts-node
 * (about 4 s of CPU each, a few dozen times per run). This transpiles src/, bench/ and
 * test/support/ once, file by file exactly as ts-node's transpile-only mode does (no type
 * check, the same compiler options), into node_modules/.cache, redoing only files changed since;
 * the children then start from plain JavaScript. Assets (email templates) are copied beside.
 */
const ROOT = join(__dirname, '..', '..');
export const BUILD_DIR = join(ROOT, 'node_modules', '.cache', 'orderflow-bench');
const DIRS = ['src', 'bench', 'test/support', 'test/contract/support'];
const ASSET = /\.(hbs|json|html|css|txt)$/;

let done = false;

function compilerOptions(): ts.CompilerOptions {
  const file = join(ROOT, 'bench', 'tsconfig.json');
  const { config } = ts.readConfigFile(file, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(file));
  return {
    ...parsed.options,
    sourceMap: false,
    inlineSourceMap: true, // stack traces and profiles still point at the .ts lines
    incremental: false,
    declaration: false,
    noEmit: false,
  };
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'results' && entry.name !== 'node_modules') yield* files(path);
    } else yield path;
  }
}

const newer = (a: string, b: string): boolean => {
  try {
    return statSync(a).mtimeMs > statSync(b).mtimeMs;
  } catch {
    return true; // no output yet
  }
};

/** Brings the build up to date (once per orchestrator run); returns how many files it wrote. */
export function compileForChildren(): number {
  if (done) return 0;
  const options = compilerOptions();
  let written = 0;
  for (const dir of DIRS)
    for (const file of files(join(ROOT, dir))) {
      const isTs = file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.spec.ts');
      if (!isTs && !ASSET.test(file)) continue;
      const out = join(BUILD_DIR, relative(ROOT, isTs ? file.replace(/\.ts$/, '.js') : file));
      if (!newer(file, out)) continue;
      mkdirSync(dirname(out), { recursive: true });
      // Written aside and renamed: another bench run may be starting a child from this copy.
      const tmp = `${out}.${process.pid}.tmp`;
      if (isTs) {
        const source = readFileSync(file, 'utf8');
        const js = ts.transpileModule(source, { compilerOptions: options, fileName: file });
        writeFileSync(tmp, js.outputText);
      } else copyFileSync(file, tmp);
      renameSync(tmp, out);
      written++;
    }
  prune();
  done = true;
  return written;
}

/** A source deleted or renamed since must not live on in the copy (ts-node would not find it). */
function prune(): void {
  for (const dir of DIRS) {
    const root = join(BUILD_DIR, dir);
    if (!existsSync(root)) continue;
    for (const out of files(root)) {
      const rel = relative(BUILD_DIR, out);
      const source = join(ROOT, rel.endsWith('.js') ? rel.replace(/\.js$/, '.ts') : rel);
      if (!existsSync(source) && !out.endsWith('.tmp')) unlinkSync(out);
    }
  }
}

/** Where the compiled form of a bench script (path relative to bench/) is. */
export const compiledScript = (script: string): string =>
  join(BUILD_DIR, 'bench', script.replace(/\.ts$/, '.js'));
