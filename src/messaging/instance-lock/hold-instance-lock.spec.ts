import { INestApplication, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { RabbitEventServer } from '../consumer/rabbit-event.server';
import { holdInstanceLock } from './hold-instance-lock';
import { InstanceLockRefusedError } from './instance-lock-refused.error';
import { InstanceLockKeeper, LockOutcome } from './instance-lock.keeper';

type Start = InstanceLockKeeper['start'];

function appWith(start: Start) {
  const keeper = { modules: ['inventory'], start: jest.fn(start) };
  const server = { drain: jest.fn(async () => undefined) };
  const http = Object.assign(new EventEmitter(), { listening: false });
  const close = jest.fn(async () => undefined);
  const app = {
    get: (token: unknown) => (token === RabbitEventServer ? server : keeper),
    getHttpServer: () => http,
    close,
  } as unknown as INestApplication;
  return { app, keeper, server, http, close };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('holdInstanceLock', () => {
  const exitCode = process.exitCode;

  beforeAll(() => Logger.overrideLogger(false));
  afterEach(() => (process.exitCode = exitCode));

  it.each<LockOutcome>(['held', 'undecided', 'not-needed'])(
    'lets startup go on when the lock is %s, waiting at most waitMs',
    async (outcome) => {
      const { app, keeper, close } = appWith(async () => outcome);
      await holdInstanceLock(app, 10_000);
      expect(keeper.start).toHaveBeenCalledWith(10_000, expect.any(Function));
      expect(close).not.toHaveBeenCalled();
    },
  );

  it('closes the app and fails startup when another instance holds the lock', async () => {
    const refused = new InstanceLockRefusedError('inventory', 'p.');
    const { app, close } = appWith(async () => Promise.reject(refused));
    await expect(holdInstanceLock(app, 10_000)).rejects.toBe(refused);
    expect(close).toHaveBeenCalledTimes(1);
  });

  describe('when the lock is refused later', () => {
    let onLost: Parameters<Start>[1];
    let rig: ReturnType<typeof appWith>;

    beforeEach(async () => {
      rig = appWith(async (_ms, lost) => {
        onLost = lost;
        return 'undecided';
      });
      await holdInstanceLock(rig.app, 10_000);
    });

    it('stops consuming at once and stops the app with exit code 1', async () => {
      rig.http.listening = true;
      onLost(new InstanceLockRefusedError('inventory', 'p.'));
      await tick();
      expect(rig.server.drain).toHaveBeenCalled();
      expect(rig.close).toHaveBeenCalledTimes(1);
      expect(process.exitCode).toBe(1);
    });

    it('waits for a startup still running to end before closing', async () => {
      onLost(new InstanceLockRefusedError('inventory', 'p.'));
      await tick();
      expect(rig.server.drain).toHaveBeenCalled();
      expect(rig.close).not.toHaveBeenCalled();
      rig.http.listening = true;
      rig.http.emit('listening');
      await tick();
      expect(rig.close).toHaveBeenCalledTimes(1);
    });
  });
});
