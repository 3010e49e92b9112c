import { ApiProperty } from '@nestjs/swagger';
import { OrderView } from './order.view';

export class OrderPageView {
  @ApiProperty({ type: [OrderView] }) items: OrderView[];
  @ApiProperty({ example: 1 }) total: number;
  @ApiProperty({ example: 0 }) offset: number;
  @ApiProperty({ example: 20 }) limit: number;
}
