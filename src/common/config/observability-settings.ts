import { Transform } from 'class-transformer';
import { IsIn, IsInt, Min } from 'class-validator';
import { toInt } from './config-transforms';
import { TracingSettings } from './tracing-settings';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** What the process tells an operator: its log lines and when it reports itself ready. */
export class ObservabilitySettings extends TracingSettings {
  /** LOG_LEVEL: the least severe level written. */
  @IsIn(LOG_LEVELS as unknown as string[], {
    message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`,
  })
  logLevel: LogLevelName = 'info';

  /**
   * LOG_FORMAT: json (one object per line, for a log shipper) or pretty (for a terminal).
   * loadAppConfig defaults it to json in production, pretty elsewhere.
   */
  @IsIn(LOG_FORMATS as unknown as string[], { message: 'LOG_FORMAT must be json or pretty' })
  logFormat: LogFormat = 'pretty';

  /**
   * READY_OUTBOX_MAX_AGE_MS: /health/ready answers 503 while an unsent outbox message is older
   * than this (events are not leaving); 0 turns the rule off.
   */
  @Transform(toInt)
  @IsInt({ message: 'READY_OUTBOX_MAX_AGE_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'READY_OUTBOX_MAX_AGE_MS must be 0 (off) or more' })
  readyOutboxMaxAgeMs = 60_000;
}
