import { ApiProperty } from '@nestjs/swagger';
import { DeadLetterView } from './dead-letter.view';

export class DeadLetterPage {
  @ApiProperty({ type: [DeadLetterView] }) items: DeadLetterView[];
  @ApiProperty({ example: 1 }) total: number;
  @ApiProperty({ example: 0 }) offset: number;
  @ApiProperty({ example: 50 }) limit: number;
}
