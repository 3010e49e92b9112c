import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { Injectable } from '@nestjs/common';

/** What feature modules may know of the broker connection: whether it is up, and when it comes back. */
@Injectable()
export class BrokerConnection {
  constructor(private readonly amqp: AmqpConnection) {}

  get connected(): boolean {
    return this.amqp.managedConnection?.isConnected() ?? false;
  }

  /** Called on every (re)connect, e.g. to resynchronise a cache that missed messages meanwhile. */
  onConnect(listener: () => void): void {
    this.amqp.managedConnection.on('connect', listener);
  }
}
