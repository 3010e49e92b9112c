import { Injectable } from '@nestjs/common';
import { Notification } from '../domain/notification';
import { NotificationRepository } from './notification.repository';

@Injectable()
export class NotificationQueries {
  constructor(private readonly notifications: NotificationRepository) {}

  list(orderId?: string): Promise<Notification[]> {
    return this.notifications.list(orderId);
  }
}
