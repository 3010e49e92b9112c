import { randomBytes } from 'node:crypto';
import { AppProcess, buildDist } from './support/app-process';
import { AMQP_URL } from './support/broker';
import { deleteAppTopology } from './support/app-topology';

interface Line {
  level: string;
  context?: string;
  msg: string;
}

/** What `npm start` prints: a summary an operator can act on, before anything else. */
describe('startup log', () => {
  const prefix = `s${randomBytes(3).toString('hex')}.`;
  let app: AppProcess | undefined;

  beforeAll(() => buildDist(), 120_000);

  afterAll(async () => {
    await app?.kill();
    await deleteAppTopology(prefix);
  });

  it('opens with the summary, and leaves the route mapping to debug level', async () => {
    app = await AppProcess.start('summary', {
      NODE_ENV: 'test',
      AMQP_URL,
      AMQP_NAME_PREFIX: prefix,
      MAIL_CATCHER_PORT: '0',
      ADMIN_API_KEY: '',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
    });
    const lines = app.log
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Line);
    const first = lines.slice(0, 8).map((l) => l.msg);
    expect(first).toEqual([
      `orderflow starting on http://localhost:${app.port} (Swagger UI at /docs)`,
      'Storage: in-memory, lost on restart (set MONGODB_URI for MongoDB)',
      expect.stringMatching(
        new RegExp(`^Broker: amqp://guest:\\*\\*\\*@.+ \\(names prefixed "${prefix}"\\)$`),
      ),
      expect.stringMatching(/^Mail: embedded catcher on a free port.*\/dev\/mailbox$/),
      'Catalog cache: in this process (set REDIS_URL to share one Redis across instances)',
      'Modules loaded: orders, inventory, billing, notifications',
      expect.stringMatching(/^Admin: off, admin endpoints answer 403\. To enable: ADMIN_API_KEY=/),
      expect.stringMatching(/^Config: /),
    ]);
    expect(lines[6].level).toBe('warn'); // admin off is a warning
    expect(app.log).not.toContain('guest:guest');
    const noisy = lines.filter((l) =>
      /RouterExplorer|RoutesResolver|InstanceLoader/.test(l.context ?? ''),
    );
    expect(noisy).toEqual([]);
    expect(lines.map((l) => l.msg)).toContainEqual(expect.stringMatching(/^Listening on /));
  });
});
