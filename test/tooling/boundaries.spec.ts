import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

interface Case {
  path: string;
  from: string;
}

/**
 * Lints each snippet as if it were the file at `path` (which need not exist), with the
 * project's own eslint.config.mjs, in one ESLint process (a child: the config is an ES module).
 */
function lintAll(cases: Case[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
      const out = [];
      for (const c of cases) {
        const code = "import { x } from '" + c.from + "';\\nexport const y = x;\\n";
        const [result] = await eslint.lintText(code, { filePath: c.path });
        out.push(result.messages.map((m) => (m.ruleId || 'fatal') + ': ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(2); });`;
  const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ESLint did not run: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const refused: Array<[string, string, string]> = [
  ['src/orders/application/a.ts', '../../inventory/domain/product', 'never imports another'],
  ['src/billing/billing.module.ts', '../orders/orders.module', 'never imports another'],
  ['src/notifications/api/a.ts', '../../billing', 'never imports another'],
  ['src/inventory/application/a.ts', '../../messaging/outbox/in-memory-outbox.store', 'front door'],
  ['src/orders/orders.module.ts', '../messaging/unit-of-work/unit-of-work', 'front door'],
  ['src/orders/domain/a.ts', '@nestjs/common', 'imports no framework'],
  ['src/billing/domain/a.ts', 'mongoose', 'imports no framework'],
  ['src/inventory/domain/a.ts', '../infrastructure/product.schema', 'layers around it'],
  ['src/orders/domain/a.ts', '../application/order.repository', 'layers around it'],
  ['src/orders/domain/a.ts', '../../messaging', 'layers around it'],
];
const allowed: Array<[string, string]> = [
  ['src/orders/application/a.ts', '../../messaging'],
  ['src/orders/orders.module.ts', '../messaging'],
  ['src/orders/application/a.ts', '../domain/order.entity'],
  ['src/orders/domain/a.ts', '../../common/domain/aggregate-root'],
  ['src/orders/domain/a.ts', './order-status'],
  ['src/common/health/a.ts', '../../messaging/outbox/outbox.registry'],
];

describe('Module boundaries, as `npm run lint` enforces them', () => {
  let results: string[][];
  beforeAll(() => {
    results = lintAll([...refused, ...allowed].map(([path, from]) => ({ path, from })));
  });

  it.each(refused.map((c, i) => [...c, i] as const))(
    'refuses %s importing %s',
    (_path, _from, why, i) => {
      expect(results[i]).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
      expect(results[i][0]).toContain(why);
    },
  );

  it.each(allowed.map((c, i) => [...c, refused.length + i] as const))(
    'lets %s import %s',
    (_path, _from, i) => {
      expect(results[i]).toEqual([]);
    },
  );
});
