import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '../../common/http/admin-only.decorator';
import { MessageJournal } from '../../messaging';
import { OrderQueries } from '../application/order.queries';
import { OrderTimelineView } from './order-timeline.view';

/** Read across modules and processes from the message journal; the order must exist here. */
@ApiTags('orders')
@AdminOnly()
@Controller('orders')
export class OrderTimelineController {
  constructor(
    private readonly queries: OrderQueries,
    private readonly journal: MessageJournal,
  ) {}

  @Get(':id/timeline')
  @ApiOperation({
    summary: 'Every message of one order, oldest first: who published and handled it, and how',
  })
  @ApiOkResponse({ type: OrderTimelineView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse()
  async timeline(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrderTimelineView> {
    await this.queries.get(id);
    const entries = await this.journal.forOrder(id);
    return OrderTimelineView.of(id, entries, this.journal.shared);
  }
}
