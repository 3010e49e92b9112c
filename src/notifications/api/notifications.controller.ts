import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminUnlessScoped } from '../../common/http/admin-unless-scoped.decorator';
import { NotificationQueries } from '../application/notification.queries';
import { NotificationView } from './notification.view';
import { NotificationsQuery } from './notifications.query';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly queries: NotificationQueries) {}

  @Get()
  @AdminUnlessScoped('orderId')
  @ApiBadRequestResponse({ description: 'orderId is not a UUID' })
  @ApiOkResponse({ type: [NotificationView] })
  async list(@Query() q: NotificationsQuery): Promise<NotificationView[]> {
    return (await this.queries.list(q.orderId)).map(NotificationView.of);
  }
}
