/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`, or `npm run bench -- --profile`):
 * self time by function and by package/file, to find the hot spots.
 *
 *   node -r ts-node/register/transpile-only bench/profile-summary.ts FILE.cpuprofile [top] [regex…]
 *
 * Each regex (matched against "functionName scriptUrl") also gets its inclusive time.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  total_ms: number;
  idle_pct: number;
  gc_pct: number;
  by_function: Array<{ name: string; where: string; self_pct: number }>;
  by_area: Array<{ area: string; self_pct: number; inclusive_pct?: number }>;
}

/** Which package, or which of our folders, a script URL belongs to. */
function areaOf(script: string): string {
  if (!script) return '(native)';
  // The bench's children run a compiled copy of the repo (bench/lib/compile.ts): name its files
  // as the repo's.
  const url = script.replace(/^.*\/node_modules\/\.cache\/orderflow-bench\//, '/');
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const src = url.indexOf('/src/');
  if (src >= 0)
    return `src/${url
      .slice(src + 5)
      .split('/')
      .slice(0, -1)
      .join('/')}`;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const bench = url.indexOf('/bench/');
  if (bench >= 0) return 'bench';
  return url;
}

/**
 * Inclusive time (self + callees) of every function whose "name file" matches one of
 * `patterns`, counted once per sample even when it recurses.
 */
export function inclusive(
  profile: Profile,
  patterns: RegExp[],
): Array<{ pattern: string; pct: number }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => `${n.callFrame.functionName} ${n.callFrame.url}`;
  const totals = patterns.map(() => 0);
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const hit = patterns.map(() => false);
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const l = label(byId.get(id)!);
      patterns.forEach((p, k) => {
        if (!hit[k] && p.test(l)) hit[k] = true;
      });
    }
    hit.forEach((h, k) => h && (totals[k] += dt));
  }
  return patterns.map((p, k) => ({
    pattern: p.source,
    pct: Math.round((totals[k] / (total || 1)) * 1000) / 10,
  }));
}

export function summarise(profile: Profile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const fn = new Map<string, { name: string; where: string; us: number }>();
  const area = new Map<string, number>();
  let idle = 0;
  let gc = 0;
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') idle += us;
    if (functionName === '(garbage collector)') gc += us;
    const name = functionName || '(anonymous)';
    const where = url
      ? `${url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${lineNumber + 1}`
      : '';
    const key = `${name}@${where}`;
    const e = fn.get(key) ?? { name, where, us: 0 };
    e.us += us;
    fn.set(key, e);
    const a = url ? areaOf(url) : name.startsWith('(') ? name : '(native)';
    area.set(a, (area.get(a) ?? 0) + us);
  }
  const pct = (us: number) => Math.round((us / total) * 1000) / 10;
  return {
    total_ms: Math.round(total / 1000),
    idle_pct: pct(idle),
    gc_pct: pct(gc),
    by_function: [...fn.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((e) => ({ name: e.name, where: e.where, self_pct: pct(e.us) })),
    by_area: [...area.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([a, us]) => ({ area: a, self_pct: pct(us) })),
  };
}

if (require.main === module) {
  const [file, top, ...patterns] = process.argv.slice(2);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const s = summarise(profile, Number(top ?? 25));
  console.log(`${file}: ${s.total_ms} ms sampled, idle ${s.idle_pct}%, GC ${s.gc_pct}%`);
  console.log('\nself time by package / folder');
  for (const a of s.by_area) console.log(`  ${String(a.self_pct).padStart(5)}%  ${a.area}`);
  console.log('\nself time by function');
  for (const f of s.by_function)
    console.log(`  ${String(f.self_pct).padStart(5)}%  ${f.name}  ${f.where}`);
  if (patterns.length) {
    console.log('\ninclusive time (self + callees) of functions matching');
    for (const r of inclusive(
      profile,
      patterns.map((p) => new RegExp(p)),
    ))
      console.log(`  ${String(r.pct).padStart(5)}%  /${r.pattern}/`);
  }
}
