import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * CPU profile of one measured window only (not the boot), written where `dir` says. The same
 * format as `node --cpu-prof`: open it in Chrome DevTools or summarise it with
 * bench/profile-summary.ts. Does nothing when `dir` is empty.
 */
export class WindowProfiler {
  private session?: Session;

  constructor(private readonly dir: string | undefined) {}

  async start(): Promise<void> {
    if (!this.dir) return;
    this.session = new Session();
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: 200 });
    await this.post('Profiler.start');
  }

  /** Stops and writes `<name>.cpuprofile`; returns its path. */
  async stop(name: string): Promise<string | undefined> {
    if (!this.session || !this.dir) return undefined;
    const { profile } = (await this.post('Profiler.stop')) as { profile: unknown };
    this.session.disconnect();
    this.session = undefined;
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return file;
  }

  private post(method: string, params: object = {}): Promise<unknown> {
    return new Promise((resolve, reject) =>
      this.session!.post(method, params, (err, result) => (err ? reject(err) : resolve(result))),
    );
  }
}
