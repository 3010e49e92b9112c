import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config';
import { CorrelationContext } from '../../common/correlation/correlation.context';
import { TopologyNames } from '../topology/topology-names';
import { MessagingUnavailableError } from './messaging-unavailable.error';
import { RPC_CORRELATION_HEADER, RpcReply } from './rpc-reply';
import { RpcRemoteError } from './rpc-remote.error';

/** Request/reply over RabbitMQ (golevelup's direct reply-to), with a deadline. */
@Injectable()
export class RpcClient {
  private readonly names: TopologyNames;
  private readonly logger = new Logger(RpcClient.name);

  constructor(
    private readonly amqp: AmqpConnection,
    private readonly config: AppConfig,
  ) {
    this.names = new TopologyNames(config.amqpNamePrefix);
  }

  async request<TRes>(routingKey: string, payload: object): Promise<TRes> {
    // Fail fast: a publish on a down connection would only wait out the whole timeout.
    if (!this.amqp.managedConnection?.isConnected()) {
      throw new MessagingUnavailableError('The message broker is unavailable');
    }
    let reply: RpcReply<TRes>;
    try {
      reply = await this.amqp.request<RpcReply<TRes>>({
        exchange: '',
        routingKey: this.names.rpcQueue(routingKey),
        payload,
        timeout: this.config.rpcTimeoutMs,
        expiration: this.config.rpcTimeoutMs,
        headers: { [RPC_CORRELATION_HEADER]: CorrelationContext.correlationId() },
      });
    } catch (error) {
      // The client library's words and our queue names go to the log, not to whoever called.
      this.logger.warn(`No answer from ${routingKey}: ${(error as Error).message}`);
      throw new MessagingUnavailableError('A module this request needs did not answer in time');
    }
    if (!reply.ok) throw new RpcRemoteError(reply.error.code, reply.error.message);
    return reply.data;
  }
}
