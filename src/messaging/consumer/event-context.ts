import { BaseRpcContext } from '@nestjs/microservices';
import { MessageEnvelope } from '../envelope/message-envelope';

/** What a handler may know about the message it handles, beyond its payload (via @Ctx()). */
export class EventContext extends BaseRpcContext<
  [MessageEnvelope, { queue: string; attempt: number }]
> {
  get envelope(): MessageEnvelope {
    return this.args[0];
  }
  get messageId(): string {
    return this.args[0].messageId;
  }
  get queue(): string {
    return this.args[1].queue;
  }
  /** 0 on the first delivery, 1 on the first retry, and so on. */
  get attempt(): number {
    return this.args[1].attempt;
  }
}
