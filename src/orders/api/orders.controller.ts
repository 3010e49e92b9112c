import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AdminOnly } from '../../common/http/admin-only.decorator';
import { RateLimited } from '../../common/http/rate-limited.decorator';
import { CancelOrderUseCase } from '../application/cancel-order.use-case';
import { OrderQueries } from '../application/order.queries';
import { PlaceOrderUseCase } from '../application/place-order.use-case';
import { IDEMPOTENCY_KEY_MAX, IdempotencyKey } from './idempotency-key.decorator';
import { ListOrdersQuery } from './list-orders.query';
import { OrderPageView } from './order-page.view';
import { OrderView } from './order.view';
import { PlaceOrderDto } from './place-order.dto';

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly placeOrder: PlaceOrderUseCase,
    private readonly cancelOrder: CancelOrderUseCase,
    private readonly queries: OrderQueries,
  ) {}

  @Post()
  @HttpCode(202)
  @RateLimited()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: `Same key and body return the same order. 1-${IDEMPOTENCY_KEY_MAX} printable ASCII characters`,
    schema: { type: 'string', maxLength: IDEMPOTENCY_KEY_MAX },
  })
  @ApiAcceptedResponse({
    type: OrderView,
    description:
      'Accepted; follows PENDING → STOCK_RESERVED → CONFIRMED, or ends REJECTED / CANCELLED (declined, timed out, cancelled)',
  })
  @ApiBadRequestResponse({
    description:
      'Invalid body, with a message per field; or a malformed Idempotency-Key (code ORDERS.INVALID_IDEMPOTENCY_KEY)',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'Unknown SKU (code ORDERS.UNKNOWN_SKU), or over the per-SKU quantity once repeated lines are merged (code ORDERS.QUANTITY_LIMIT_EXCEEDED)',
  })
  @ApiConflictResponse({ description: 'Idempotency-Key reused with a different body' })
  @ApiServiceUnavailableResponse({
    description: 'Cannot price the order right now; see Retry-After',
  })
  async place(@Body() dto: PlaceOrderDto, @IdempotencyKey() key?: string): Promise<OrderView> {
    const order = await this.placeOrder.execute(
      {
        customerEmail: dto.customerEmail,
        items: dto.items.map((i) => ({ sku: i.sku, quantity: i.quantity })),
        paymentToken: dto.paymentToken,
      },
      key,
    );
    return OrderView.of(order);
  }

  /** Every customer's email is in here: admin only. A customer follows one order by its id. */
  @Get()
  @AdminOnly()
  @ApiOkResponse({ type: OrderPageView })
  @ApiBadRequestResponse({ description: 'status, offset or limit out of range' })
  async list(@Query() q: ListOrdersQuery): Promise<OrderPageView> {
    const page = await this.queries.list({ status: q.status, offset: q.offset, limit: q.limit });
    return {
      items: page.items.map(OrderView.of),
      total: page.total,
      offset: q.offset,
      limit: q.limit,
    };
  }

  @Get(':id')
  @ApiOkResponse({ type: OrderView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such order (code ORDERS.NOT_FOUND)' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrderView> {
    return OrderView.of(await this.queries.get(id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({
    type: OrderView,
    description:
      'Cancelled at any step before CONFIRMED: stock held is released, a charge that succeeds later is refunded',
  })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiConflictResponse({ description: 'The order is already final (code ORDERS.ALREADY_FINAL)' })
  @ApiNotFoundResponse({ description: 'No such order (code ORDERS.NOT_FOUND)' })
  async cancel(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrderView> {
    return OrderView.of(await this.cancelOrder.execute(id));
  }
}
