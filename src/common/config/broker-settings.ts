import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { toInt, toList } from './config-transforms';
import { TlsSettings } from './tls-settings';

const CLIENT_PAIR =
  'AMQP_TLS_CERT_FILE and AMQP_TLS_KEY_FILE go together: set both for mutual TLS, or neither';

/**
 * How the process reaches RabbitMQ: the node list it fails over across, the TLS it does so
 * with (amqps:// URLs), and the name prefix.
 */
export class BrokerSettings extends TlsSettings {
  /**
   * AMQP_URL, one URL or a comma-separated list of a cluster's nodes. The client connects to the
   * first that answers and, when that connection drops, goes on to the next in turn.
   */
  @Transform(toList)
  @ArrayNotEmpty({ message: 'AMQP_URL must name at least one broker' })
  @Matches(/^amqps?:\/\/[^\s,]+$/, {
    each: true,
    message: 'AMQP_URL entries must start with amqp:// or amqps://',
  })
  amqpUrls: string[] = ['amqp://guest:guest@localhost:5672'];

  /** Prefixes every exchange and queue name; lets test runs share a broker without colliding. */
  @IsString()
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'AMQP_NAME_PREFIX may hold letters, digits, . _ -' })
  amqpNamePrefix = '';

  /** A connection that hears nothing for twice this long is declared dead and replaced. */
  @Transform(toInt)
  @IsInt({ message: 'AMQP_HEARTBEAT_SECONDS must be a whole number of seconds' })
  @Min(1, { message: 'AMQP_HEARTBEAT_SECONDS must be between 1 and 60' })
  @Max(60, { message: 'AMQP_HEARTBEAT_SECONDS must be between 1 and 60' })
  amqpHeartbeatSeconds = 5;

  /** Wait before trying the next broker after a failed connect or a lost connection. */
  @Transform(toInt)
  @IsInt({ message: 'AMQP_RECONNECT_MS must be a whole number of milliseconds' })
  @Min(100, { message: 'AMQP_RECONNECT_MS must be at least 100' })
  amqpReconnectMs = 1000;

  /** AMQP_TLS_CA_FILE: the CA(s) that signed the brokers' certificates (amqps:// URLs). */
  @IsOptional()
  @IsString()
  amqpTlsCaFile?: string;

  /** AMQP_TLS_CERT_FILE and AMQP_TLS_KEY_FILE: the client certificate for mutual TLS. */
  @ValidateIf((s: BrokerSettings) => !!s.amqpTlsKeyFile)
  @IsString({ message: CLIENT_PAIR })
  amqpTlsCertFile?: string;

  @ValidateIf((s: BrokerSettings) => !!s.amqpTlsCertFile)
  @IsString({ message: CLIENT_PAIR })
  amqpTlsKeyFile?: string;

  /**
   * AMQP_TLS_SERVERNAME: the name the brokers' certificates are checked against, when the
   * URLs' host is not in them (an IP address, a load balancer's name).
   */
  @IsOptional()
  @IsString()
  amqpTlsServername?: string;

  get amqpTlsConfigured(): boolean {
    return !!(
      this.amqpTlsCaFile ||
      this.amqpTlsCertFile ||
      this.amqpTlsKeyFile ||
      this.amqpTlsServername
    );
  }

  /** The first URL, for logs and single-node tools. */
  get amqpUrl(): string {
    return this.amqpUrls[0];
  }
}
