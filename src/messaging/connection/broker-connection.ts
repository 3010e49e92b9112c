import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';

/** What feature modules may know of the broker connection: whether it is up, and when it comes back. */
@Injectable()
export class BrokerConnection implements OnApplicationShutdown {
  constructor(private readonly amqp: AmqpConnection) {}

  get connected(): boolean {
    return this.amqp.managedConnection?.isConnected() ?? false;
  }

  /** Called on every (re)connect, e.g. to resynchronise a cache that missed messages meanwhile. */
  onConnect(listener: () => void): void {
    this.amqp.managedConnection.on('connect', listener);
  }

  /**
   * golevelup closes the connections of a process-wide registry keyed by name, where a second
   * app in the same process (tests, an embedding host) replaces the first's entry: the first
   * app's connection then outlives it and keeps the process from exiting. Each app closes its own.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.amqp.close().catch(() => undefined);
  }
}
