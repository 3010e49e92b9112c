import { TestApp } from './test-app';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** One scrape of /metrics, parsed from the Prometheus text format. */
export class MetricsScrape {
  constructor(
    readonly text: string,
    private readonly samples: Sample[] = parse(text),
  ) {}

  static async of(t: TestApp): Promise<MetricsScrape> {
    const res = await t.http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return new MetricsScrape(res.text);
  }

  /** The sum over every series of `name` whose labels include `labels`; 0 when none does. */
  get(name: string, labels: Record<string, string> = {}): number {
    return this.samples
      .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
      .reduce((sum, s) => sum + s.value, 0);
  }

  /** `name` summed by the given labels, keyed by their values joined with spaces. */
  by(name: string, keys: string[]): Record<string, number> {
    const sums: Record<string, number> = {};
    for (const s of this.samples.filter((x) => x.name === name)) {
      const key = keys.map((k) => s.labels[k] ?? '').join(' ');
      sums[key] = (sums[key] ?? 0) + s.value;
    }
    return sums;
  }

  /** What changed since `before`, by the given labels; unchanged keys left out. */
  changedSince(before: MetricsScrape, name: string, keys: string[]): Record<string, number> {
    const [was, now] = [before.by(name, keys), this.by(name, keys)];
    return Object.fromEntries(
      Object.entries(now)
        .map(([k, v]) => [k, v - (was[k] ?? 0)] as const)
        .filter(([, d]) => d !== 0),
    );
  }

  has(name: string): boolean {
    return this.samples.some((s) => s.name === name);
  }

  /** Every label set of `name`, e.g. to see that no label carries an id. */
  labelSets(name: string): Array<Record<string, string>> {
    return this.samples.filter((s) => s.name === name).map((s) => s.labels);
  }
}

const LINE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g;

function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const m = LINE.exec(line);
      if (!m) throw new Error(`Not a Prometheus sample line: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, k, v] of (m[2] ?? '').matchAll(LABEL))
        labels[k] = v.replace(/\\n/g, '\n').replace(/\\(.)/g, '$1');
      return { name: m[1], labels, value: Number(m[3]) };
    });
}
