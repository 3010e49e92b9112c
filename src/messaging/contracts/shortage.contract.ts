import { IsInt, IsString, Min } from 'class-validator';

export class ShortageContract {
  @IsString()
  sku: string;

  @IsInt()
  @Min(1)
  requested: number;

  @IsInt()
  @Min(0)
  available: number;
}
