import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

export const FEATURE_MODULES = ['orders', 'inventory', 'billing', 'notifications'] as const;
export type FeatureModuleName = (typeof FEATURE_MODULES)[number];

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/** Every setting the process reads, validated once at startup by loadAppConfig(). */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  nodeEnv: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 3000;

  @Matches(/^amqps?:\/\//, { message: 'AMQP_URL must start with amqp:// or amqps://' })
  amqpUrl = 'amqp://guest:guest@localhost:5672';

  /** Prefixes every exchange and queue name; lets test runs share a broker without colliding. */
  @IsString()
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'AMQP_NAME_PREFIX may hold letters, digits, . _ -' })
  amqpNamePrefix = '';

  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'MONGODB_URI must start with mongodb://' })
  mongodbUri?: string;

  /** Per-module override, e.g. ORDERS_MONGODB_URI, so a split module can own its server. */
  moduleMongodbUris: Partial<Record<FeatureModuleName, string>> = {};

  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must start with smtp:// or smtps://' })
  smtpUrl?: string;

  /** SMTP by parts, when no SMTP_URL is given. */
  @IsOptional()
  @IsString()
  smtpHost?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  smtpPort = 587;

  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  @IsBoolean()
  smtpSecure = false;

  @IsOptional()
  @IsString()
  smtpUser?: string;

  @IsOptional()
  @IsString()
  smtpPass?: string;

  /** Gmail over OAuth2: all four or none. */
  @IsOptional()
  @IsString()
  gmailUser?: string;

  @ValidateIf((c: AppConfig) => !!c.gmailUser)
  @IsString({ message: 'GMAIL_CLIENT_ID is required with GMAIL_USER' })
  gmailClientId?: string;

  @ValidateIf((c: AppConfig) => !!c.gmailUser)
  @IsString({ message: 'GMAIL_CLIENT_SECRET is required with GMAIL_USER' })
  gmailClientSecret?: string;

  @ValidateIf((c: AppConfig) => !!c.gmailUser)
  @IsString({ message: 'GMAIL_REFRESH_TOKEN is required with GMAIL_USER' })
  gmailRefreshToken?: string;

  @IsString()
  @MinLength(3)
  mailFrom = 'orderflow <no-reply@orderflow.local>';

  /** Port of the embedded SMTP catcher used when SMTP_URL is unset; 0 picks a free port. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  mailCatcherPort = 1025;

  @Transform(toList)
  @ArrayNotEmpty({ message: `APP_MODULES must list at least one of ${FEATURE_MODULES.join(', ')}` })
  @IsIn(FEATURE_MODULES as unknown as string[], {
    each: true,
    message: `APP_MODULES entries must be among ${FEATURE_MODULES.join(', ')}`,
  })
  appModules: FeatureModuleName[] = [...FEATURE_MODULES];

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'ADMIN_API_KEY must be at least 8 characters' })
  adminApiKey?: string;

  /** Delays between retries of a failed message, e.g. "1000,5000,25000". */
  @Transform(({ value }) =>
    typeof value === 'string' ? (toList({ value }) as string[]).map(Number) : value,
  )
  @IsInt({ each: true })
  @Min(10, { each: true })
  retryDelaysMs: number[] = [1000, 5000, 25000];

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  consumerPrefetch = 100;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  rpcTimeoutMs = 3000;

  @IsBoolean()
  seedDemoCatalog = true;

  /** How often parked messages are re-driven automatically; 0 (the default) turns it off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  deadLetterRedriveIntervalMs = 0;

  /** A parked message is re-driven at most this many times, then left for a person. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  deadLetterRedriveMax = 3;

  mongodbUriFor(module: FeatureModuleName | 'messaging'): string | undefined {
    if (module === 'messaging') return this.mongodbUri;
    return this.moduleMongodbUris[module] ?? this.mongodbUri;
  }

  isLoaded(module: FeatureModuleName): boolean {
    return this.appModules.includes(module);
  }

  /** True when some real mail server is configured (URL, host, or Gmail). */
  get mailServerConfigured(): boolean {
    return !!(this.smtpUrl || this.smtpHost || this.gmailUser);
  }

  get devMailboxEnabled(): boolean {
    return !this.mailServerConfigured && this.nodeEnv !== 'production';
  }
}
