import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
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
import { CancelOrderUseCase } from '../application/cancel-order.use-case';
import { OrderQueries } from '../application/order.queries';
import { PlaceOrderUseCase } from '../application/place-order.use-case';
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
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key and body return the same order',
  })
  @ApiAcceptedResponse({
    type: OrderView,
    description: 'Accepted; follows PENDING → CONFIRMED / REJECTED / CANCELLED',
  })
  @ApiBadRequestResponse({ description: 'Invalid body, with a message per field' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown SKU (code ORDERS.UNKNOWN_SKU)' })
  @ApiConflictResponse({ description: 'Idempotency-Key reused with a different body' })
  @ApiServiceUnavailableResponse({
    description: 'Cannot price the order right now; see Retry-After',
  })
  async place(
    @Body() dto: PlaceOrderDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<OrderView> {
    const order = await this.placeOrder.execute(
      {
        customerEmail: dto.customerEmail,
        items: dto.items.map((i) => ({ sku: i.sku, quantity: i.quantity })),
        paymentToken: dto.paymentToken,
      },
      key?.trim() || undefined,
    );
    return OrderView.of(order);
  }

  @Get()
  @ApiOkResponse({ type: OrderPageView })
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
  @ApiNotFoundResponse()
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrderView> {
    return OrderView.of(await this.queries.get(id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderView })
  @ApiConflictResponse({ description: 'The order is already final (code ORDERS.ALREADY_FINAL)' })
  @ApiNotFoundResponse()
  async cancel(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrderView> {
    return OrderView.of(await this.cancelOrder.execute(id));
  }
}
