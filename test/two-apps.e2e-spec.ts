import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { startTestApp } from './support/test-app';

/**
 * golevelup registers connections process-wide by name, so a second app in one process (as in a
 * suite with a production-configured app beside the default one) hid the first one's connection
 * from shutdown: it stayed open and jest never exited.
 */
describe('Two apps in one process', () => {
  it('each closes its own broker connection', async () => {
    const first = await startTestApp();
    const second = await startTestApp();
    const connections = [first, second].map((t) => t.app.get(AmqpConnection).managedConnection);
    expect(connections.map((c) => c.isConnected())).toEqual([true, true]);
    await second.close();
    await first.close();
    expect(connections.map((c) => c.isConnected())).toEqual([false, false]);
  });
});
