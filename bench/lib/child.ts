import { ChildProcess, fork } from 'node:child_process';
import { compiledScript, compileForChildren } from './compile';

/** Every bench phase runs in a fresh Node process, so one phase's heap, JIT and GC state never
 *  colour the next, and the orchestrator's own work (load generation) stays off its event loop. */
export interface ChildOptions {
  /** Extra Node flags, e.g. --expose-gc or --cpu-prof. */
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** Show the child's stdout (its app logs); stderr is always shown. */
  showStdout?: boolean;
}

/** Starts a bench script (path relative to bench/) from its compiled form (see compile.ts). */
export function forkTs(
  script: string,
  args: string[] = [],
  options: ChildOptions = {},
): ChildProcess {
  compileForChildren();
  return fork(compiledScript(script), args, {
    execArgv: options.nodeArgs ?? [],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', options.showStdout ? 'inherit' : 'ignore', 'inherit', 'ipc'],
    // Its own process group: a Ctrl-C in the terminal reaches only the orchestrator, and each
    // child, seeing the IPC channel close, cleans up its broker topology before it exits.
    detached: true,
  });
}

/** Runs a child that reports once with process.send({ result }) and exits. */
export function runChild<T>(
  script: string,
  args: string[] = [],
  options: ChildOptions & { timeoutMs?: number } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = forkTs(script, args, options);
    let result: T | undefined;
    let failure: string | undefined;
    const timer = setTimeout(() => {
      failure = `${script} took longer than ${options.timeoutMs} ms`;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.on('message', (m: { result?: T; error?: string }) => {
      if (m.error) failure = m.error;
      else if (m.result !== undefined) result = m.result;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result !== undefined) resolve(result);
      else reject(new Error(failure ?? `${script} exited (${code ?? signal}) without a result`));
    });
  });
}

/** A child's side of runChild: report the value of `main` (or its error) and exit. Its
 *  `finally` blocks (topology clean-up) run even if the orchestrator went away meanwhile. */
export function reportToParent<T>(main: () => Promise<T>): void {
  const send = (m: object, code: number) => {
    if (process.connected) process.send?.(m, () => process.exit(code));
    else process.exit(code);
  };
  main()
    .then((result) => send({ result }, 0))
    .catch((error: Error) => {
      console.error(error);
      send({ error: error.stack ?? String(error) }, 1);
    });
}

/** Request/reply over the IPC channel to a long-lived child (the e2e app host). */
export class ChildRpc {
  private seq = 0;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();

  constructor(readonly child: ChildProcess) {
    child.on('message', (m: { id?: number; ok?: unknown; error?: string }) => {
      if (m.id === undefined) return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.ok);
    });
    child.on('exit', (code, signal) => {
      for (const p of this.pending.values())
        p.reject(new Error(`child exited (${code ?? signal}) before answering`));
      this.pending.clear();
    });
  }

  call<T>(method: string, params: unknown = {}, timeoutMs = 120_000): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ id, method, params });
    });
  }
}

/** A child's side of ChildRpc. */
export function serveParent(handlers: Record<string, (params: never) => Promise<unknown>>): void {
  process.on('message', (m: { id: number; method: string; params: never }) => {
    const handler = handlers[m.method];
    const run = handler ? handler(m.params) : Promise.reject(new Error(`no method ${m.method}`));
    run
      .then((ok) => process.send?.({ id: m.id, ok: ok ?? null }))
      .catch((e: Error) => process.send?.({ id: m.id, error: e.stack ?? String(e) }));
  });
}
