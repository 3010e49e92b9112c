import { Injectable, Logger } from '@nestjs/common';
import { ClassConstructor } from 'class-transformer';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { CorrelationContext } from '../../common/correlation/correlation.context';
import { validateContract } from '../consumer/contract.validator';
import { headerString } from '../consumer/message-headers';
import { MalformedMessageError } from '../consumer/malformed-message.error';
import { MAX_JSON_DEPTH, exceedsJsonDepth } from '../../common/json/json-depth';
import { Settle } from '../consumer/queue-consumer';
import { RPC_CORRELATION_HEADER, RpcReply } from './rpc-reply';

export interface RpcRoute {
  routingKey: string;
  contract: ClassConstructor<object>;
  invoke: (request: object) => Promise<unknown>;
}

/**
 * Answers a request on its reply-to address. Every request is acked: a failed request is
 * answered with an error rather than retried, since the caller is waiting with a timeout.
 */
@Injectable()
export class RpcResponder {
  private readonly logger = new Logger(RpcResponder.name);

  async handle(route: RpcRoute, msg: ConsumeMessage, channel: ConfirmChannel): Promise<Settle> {
    const { replyTo, correlationId } = msg.properties;
    const flowId =
      headerString(msg.properties.headers, RPC_CORRELATION_HEADER) ??
      String(correlationId ?? 'rpc');
    const reply = await CorrelationContext.run({ correlationId: flowId }, () =>
      this.answer(route, msg),
    );
    if (!replyTo) return 'ack';
    try {
      channel.sendToQueue(replyTo, Buffer.from(JSON.stringify(reply)), {
        correlationId,
        contentType: 'application/json',
      });
    } catch (err) {
      this.logger.warn(`Could not reply on ${route.routingKey}: ${(err as Error).message}`);
    }
    return 'ack';
  }

  private async answer(route: RpcRoute, msg: ConsumeMessage): Promise<RpcReply<unknown>> {
    try {
      if (exceedsJsonDepth(msg.content, MAX_JSON_DEPTH))
        throw new MalformedMessageError(`Request is nested deeper than ${MAX_JSON_DEPTH} levels`);
      const request = validateContract(
        route.contract,
        JSON.parse(msg.content.toString('utf8')),
        'Request',
      );
      return { ok: true, data: await route.invoke(request) };
    } catch (error) {
      const e = error as Error & { code?: string };
      this.logger.warn(`${route.routingKey} failed: ${e.message}`);
      return { ok: false, error: { code: e.code ?? e.name ?? 'ERROR', message: e.message } };
    }
  }
}
