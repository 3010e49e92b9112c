import { ApiProperty } from '@nestjs/swagger';

export class BulkReplayView {
  @ApiProperty({ example: 3 }) matched: number;
  @ApiProperty({ example: 3 }) replayed: number;
  @ApiProperty({ example: 0 }) failed: number;
}
