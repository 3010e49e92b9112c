import { DeliveryAttempt, Notification, NotificationStatus } from '../domain/notification';
import { Claim, NotificationRepository } from '../application/notification.repository';

export class InMemoryNotificationRepository extends NotificationRepository {
  private readonly rows = new Map<string, Notification>();
  private readonly byKey = new Map<string, string>();

  async claim(candidate: Notification, leaseUntil: Date): Promise<Claim> {
    const key = `${candidate.orderId}|${candidate.kind}`;
    const id = this.byKey.get(key);
    const n = id ? this.rows.get(id)! : { ...candidate, attempts: [] };
    if (!id) {
      this.rows.set(n.id, n);
      this.byKey.set(key, n.id);
    }
    const free = n.status === 'PENDING' && (!n.leaseUntil || n.leaseUntil.getTime() < Date.now());
    if (free) n.leaseUntil = leaseUntil;
    return { notification: structuredClone(n), acquired: free };
  }

  async recordAttempt(
    id: string,
    attempt: DeliveryAttempt,
    status: NotificationStatus,
  ): Promise<void> {
    const n = this.rows.get(id);
    if (!n) return;
    n.attempts.push({ ...attempt });
    n.status = status;
    n.leaseUntil = undefined;
    if (attempt.outcome === 'sent') {
      n.messageId = attempt.messageId;
      n.sentAt = attempt.at;
    }
  }

  async list(orderId?: string): Promise<Notification[]> {
    return [...this.rows.values()]
      .filter((n) => !orderId || n.orderId === orderId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, 500)
      .map((n) => structuredClone(n));
  }
}
