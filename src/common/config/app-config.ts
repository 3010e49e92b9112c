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
import { BrokerSettings } from './broker-settings';
import { toBool, toInt, toIntList, toList } from './config-transforms';

export const FEATURE_MODULES = ['orders', 'inventory', 'billing', 'notifications'] as const;
export type FeatureModuleName = (typeof FEATURE_MODULES)[number];

/** Every setting the process reads, validated once at startup by loadAppConfig(). */
export class AppConfig extends BrokerSettings {
  @IsIn(['development', 'production', 'test'])
  nodeEnv: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 3000;

  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'MONGODB_URI must start with mongodb://' })
  mongodbUri?: string;

  /** Per-module override, e.g. ORDERS_MONGODB_URI, so a split module can own its server. */
  moduleMongodbUris: Partial<Record<FeatureModuleName, string>> = {};

  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must start with smtp:// or smtps://' })
  smtpUrl?: string;

  /** SMTP by parts, when no SMTP_URL is given (host, port, secure, user, pass). */

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  smtpPort = 587;

  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  @IsBoolean()
  smtpSecure = false;

  @IsOptional() @IsString() smtpUser?: string;
  @IsOptional() @IsString() smtpPass?: string;
  @IsOptional() @IsString() smtpHost?: string;

  /** Gmail over OAuth2: all four or none. */
  @IsOptional() @IsString() gmailUser?: string;

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
  @Transform(toIntList)
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

  /** The one currency the shop sells in (ISO 4217); a price in any other is refused. */
  @Matches(/^[A-Z]{3}$/, {
    message: 'SHOP_CURRENCY must be a three-letter ISO 4217 code, e.g. EUR',
  })
  shopCurrency = 'EUR';

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

  /** Largest JSON body accepted; anything bigger is refused (413) before it is parsed. */
  @Transform(toInt)
  @IsInt({ message: 'BODY_LIMIT_BYTES must be a whole number of bytes' })
  @Min(1024, { message: 'BODY_LIMIT_BYTES must be at least 1024' })
  bodyLimitBytes = 100 * 1024;

  /** Browser origins allowed to call the API (CORS); empty (the default) sends no CORS headers. */
  @Transform(toList)
  @Matches(/^https?:\/\/[^/\s]+$/, {
    each: true,
    message: 'CORS_ORIGINS entries must be origins such as https://shop.example.com',
  })
  corsOrigins: string[] = [];

  /** Orders one client (by IP) may place per ORDER_RATE_WINDOW_MS; 0 turns the limit off. */
  @Transform(toInt)
  @IsInt({ message: 'ORDER_RATE_LIMIT must be a whole number (0 turns it off)' })
  @Min(0, { message: 'ORDER_RATE_LIMIT must be a whole number (0 turns it off)' })
  orderRateLimit = 60;

  @Transform(toInt)
  @IsInt({ message: 'ORDER_RATE_WINDOW_MS must be a whole number of milliseconds' })
  @Min(100, { message: 'ORDER_RATE_WINDOW_MS must be at least 100' })
  orderRateWindowMs = 60_000;

  /** How long the order process waits for a charge to settle before it cancels the order. */
  @Transform(toInt)
  @IsInt({ message: 'PAYMENT_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100, { message: 'PAYMENT_TIMEOUT_MS must be at least 100' })
  paymentTimeoutMs = 600_000;

  /** Swagger UI and /docs-json; unset means on outside production, off in production. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean({ message: 'DOCS_ENABLED must be true or false' })
  docsEnabled?: boolean;

  mongodbUriFor(module: FeatureModuleName | 'messaging'): string | undefined {
    return (module === 'messaging' ? undefined : this.moduleMongodbUris[module]) ?? this.mongodbUri;
  }

  isLoaded(module: FeatureModuleName): boolean {
    return this.appModules.includes(module);
  }

  /** True when some real mail server is configured (URL, host, or Gmail). */
  get mailServerConfigured(): boolean {
    return !!(this.smtpUrl || this.smtpHost || this.gmailUser);
  }

  get docsServed(): boolean {
    return this.docsEnabled ?? this.nodeEnv !== 'production';
  }

  get devMailboxEnabled(): boolean {
    return !this.mailServerConfigured && this.nodeEnv !== 'production';
  }
}
