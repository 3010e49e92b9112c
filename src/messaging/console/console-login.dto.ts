import { IsString, MaxLength } from 'class-validator';

export class ConsoleLoginDto {
  @IsString()
  @MaxLength(1000)
  key: string;
}
