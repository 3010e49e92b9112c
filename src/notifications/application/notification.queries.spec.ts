import { Notification } from '../domain/notification';
import { InMemoryNotificationRepository } from '../infrastructure/in-memory-notification.repository';
import { NotificationQueries } from './notification.queries';

const notification = (id: string, orderId: string, createdAt: string): Notification => ({
  id,
  orderId,
  kind: 'order-confirmed',
  recipient: 'ada@example.com',
  subject: `Order ${orderId} confirmed`,
  status: 'PENDING',
  attempts: [],
  createdAt: new Date(createdAt),
});

describe('NotificationQueries', () => {
  const repository = new InMemoryNotificationRepository();
  const queries = new NotificationQueries(repository);
  const first = notification('n-1', 'o-1', '2026-01-01T10:00:00.000Z');
  const second = notification('n-2', 'o-2', '2026-01-01T11:00:00.000Z');

  beforeAll(async () => {
    const lease = new Date('2026-01-01T12:00:00.000Z');
    await repository.claim(first, lease);
    await repository.claim(second, lease);
  });

  it('lists the notifications of one order', async () => {
    const listed = await queries.list('o-1');
    expect(listed.map((n) => n.id)).toEqual(['n-1']);
    expect(listed[0]).toMatchObject({ orderId: 'o-1', subject: 'Order o-1 confirmed' });
  });

  it('lists every notification, newest first, when no order is given', async () => {
    expect((await queries.list()).map((n) => n.id)).toEqual(['n-2', 'n-1']);
  });
});
