/**
 * What a process does on the broker, reduced to what AMQP 0-9-1 checks permissions for.
 * `exchange: ''` is the default exchange, which RabbitMQ checks as `amq.default`.
 */
export type AmqpOperation =
  | { op: 'declareExchange'; exchange: string; type: string; alternateExchange?: string }
  | { op: 'declareQueue'; queue: string; deadLetterExchange?: string }
  | { op: 'bindQueue'; queue: string; exchange: string; key: string }
  | { op: 'bindExchange'; destination: string; source: string; key: string }
  | { op: 'publish'; exchange: string; key: string }
  | { op: 'consume'; queue: string };
