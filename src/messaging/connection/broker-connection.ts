import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConnectFailureReporter } from './connect-failure.reporter';

/** What feature modules may know of the broker connection: whether it is up, and when it comes back. */
@Injectable()
export class BrokerConnection implements OnApplicationShutdown {
  private readonly failures?: ConnectFailureReporter;

  constructor(private readonly amqp: AmqpConnection) {
    // In the constructor: the first attempt is already under way, and its failure must be told.
    const manager = amqp.managedConnection;
    if (manager) {
      this.failures = new ConnectFailureReporter(manager);
      this.failures.start();
    }
  }

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
    this.failures?.stop();
    await this.amqp.close().catch(() => undefined);
  }
}
