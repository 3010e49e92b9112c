import {
  IsDefined,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Min,
  MinLength,
} from 'class-validator';

/** What every message carries on the wire, around its typed payload. */
export class MessageEnvelope<P = Record<string, unknown>> {
  @IsString()
  @MinLength(1)
  messageId: string;

  @Matches(/^[a-z]+(\.[a-z-]+)+$/)
  type: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsISO8601()
  occurredAt: string;

  @IsString()
  @MinLength(1)
  correlationId: string;

  @IsOptional()
  @IsString()
  causationId?: string;

  @IsDefined()
  @IsObject()
  payload: P;
}
