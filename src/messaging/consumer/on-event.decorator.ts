import { UseFilters, applyDecorators } from '@nestjs/common';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { EventContract } from '../contracts/event-contract';
import { PassThroughRpcFilter } from './pass-through-rpc.filter';

const SEPARATOR = '::';

/**
 * Message handlers are no HTTP routes: Swagger would otherwise list their payloads as empty
 * schemas. They are documented in the AsyncAPI document (src/messaging/asyncapi) instead.
 *
 * Both decorators bind PassThroughRpcFilter, so the pipeline gets the handler's own error and
 * can tell transient from permanent.
 *
 * Subscribes a controller method: one durable queue `<consumer>.<event>` per (consumer, event). */
export function OnEvent(
  contract: EventContract,
  consumer: string,
  options: {
    prefetch?: number;
    retryDelaysMs?: number[];
    /** Every running instance gets every message (cache refresh), not one of them (work). */
    broadcast?: boolean;
    /** For handlers that wait on slow outside servers; see DEFAULT_CONSUMER_TIMEOUT_MS. */
    consumerTimeoutMs?: number;
  } = {},
): MethodDecorator {
  return applyDecorators(
    ApiExcludeEndpoint(),
    UseFilters(PassThroughRpcFilter),
    EventPattern(`${consumer}${SEPARATOR}${contract.type}`, { contract, ...options }),
  );
}

/**
 * Handles a command sent to this module: one durable queue `<consumer>.<command>` bound to the
 * commands exchange, with the same retries, dead letters and inbox as events.
 */
export function OnCommand(
  contract: EventContract,
  consumer: string,
  options: { prefetch?: number; retryDelaysMs?: number[]; consumerTimeoutMs?: number } = {},
): MethodDecorator {
  return applyDecorators(
    ApiExcludeEndpoint(),
    UseFilters(PassThroughRpcFilter),
    EventPattern(`${consumer}${SEPARATOR}${contract.type}`, {
      contract,
      ...options,
      command: true,
    }),
  );
}

/** Answers request/reply calls sent to a routing key (see RpcClient). */
export function OnRequest(routingKey: string, requestContract: new () => object): MethodDecorator {
  return applyDecorators(
    ApiExcludeEndpoint(),
    UseFilters(PassThroughRpcFilter),
    MessagePattern(routingKey, { contract: requestContract }),
  );
}

export function parseSubscriptionPattern(
  pattern: string,
): { consumer: string; eventType: string } | undefined {
  const [consumer, eventType, ...rest] = pattern.split(SEPARATOR);
  return consumer && eventType && rest.length === 0 ? { consumer, eventType } : undefined;
}
