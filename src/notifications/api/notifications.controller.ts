import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NotificationQueries } from '../application/notification.queries';
import { NotificationView } from './notification.view';
import { NotificationsQuery } from './notifications.query';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly queries: NotificationQueries) {}

  @Get()
  @ApiOkResponse({ type: [NotificationView] })
  async list(@Query() q: NotificationsQuery): Promise<NotificationView[]> {
    return (await this.queries.list(q.orderId)).map(NotificationView.of);
  }
}
