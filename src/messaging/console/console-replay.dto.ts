import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** Replay the checked ids, or (`scope: all`) everything parked that matches the filter. */
export class ConsoleReplayDto {
  @IsOptional()
  @IsIn(['selected', 'all'])
  scope?: 'selected' | 'all';

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  ids?: string[];

  @IsOptional() @IsString() @MaxLength(300) queue?: string;
  @IsOptional() @IsString() @MaxLength(300) type?: string;
  @IsOptional() @IsString() @MaxLength(300) reason?: string;
}
