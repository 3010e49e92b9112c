import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { toInt, toList } from './config-transforms';

/** How the process reaches RabbitMQ: the node list it fails over across, and the name prefix. */
export class BrokerSettings {
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

  /** The first URL, for logs and single-node tools. */
  get amqpUrl(): string {
    return this.amqpUrls[0];
  }
}
