import { DeliveryAttempt, Notification, NotificationStatus } from '../domain/notification';

export interface Claim {
  notification: Notification;
  /** False when another worker holds an unexpired lease on this PENDING notification. */
  acquired: boolean;
}

export abstract class NotificationRepository {
  /**
   * Atomically: creates the notification for (orderId, kind) if absent, and leases it to the
   * caller until `leaseUntil` if it is PENDING and nobody else holds a live lease.
   */
  abstract claim(candidate: Notification, leaseUntil: Date): Promise<Claim>;
  /** Records an attempt, sets the status and ends the lease. */
  abstract recordAttempt(
    id: string,
    attempt: DeliveryAttempt,
    status: NotificationStatus,
  ): Promise<void>;
  abstract list(orderId?: string): Promise<Notification[]>;
}
