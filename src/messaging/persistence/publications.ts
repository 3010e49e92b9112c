import { FeatureModuleName } from '../../common/config/app-config';
import { EventContract } from '../contracts/event-contract';
import { MessageEnvelope } from '../envelope/message-envelope';
import { EventMapper } from '../unit-of-work/event-mapper';
import { UndeclaredPublicationError } from './undeclared-publication.error';

/**
 * What a module sends, declared next to its event mapper. The broker users are generated from
 * it (`npm run broker:permissions`), so what is not listed here the module's user may not send.
 */
export interface Publications {
  /** Events its mapper announces, on the events exchange. */
  events?: EventContract[];
  /** Commands its mapper sends, on the commands exchange. */
  commands?: EventContract[];
  /** Request/reply calls it makes through RpcClient, on the default exchange. */
  requests?: Array<{ readonly routingKey: string }>;
}

/** A module's declaration as a provider of its own, where the permission generator reads it. */
export class ModulePublications {
  readonly events: string[];
  readonly commands: string[];
  readonly requests: string[];

  constructor(
    readonly owner: FeatureModuleName,
    declared: Publications = {},
  ) {
    this.events = (declared.events ?? []).map((c) => c.type);
    this.commands = (declared.commands ?? []).map((c) => c.type);
    this.requests = (declared.requests ?? []).map((r) => r.routingKey);
  }

  /**
   * The mapper, refusing what the declaration lacks: caught at the first commit in any test that
   * reaches it, rather than by the broker in production (ACCESS_REFUSED, and the event stuck).
   */
  guard(mapper: EventMapper): EventMapper {
    return (event: object): MessageEnvelope<object>[] => {
      const envelopes = mapper(event);
      for (const e of envelopes) this.check(e);
      return envelopes;
    };
  }

  private check(envelope: MessageEnvelope<object>): void {
    const command = envelope.kind === 'command';
    if (!(command ? this.commands : this.events).includes(envelope.type))
      throw new UndeclaredPublicationError(
        this.owner,
        command ? 'command' : 'event',
        envelope.type,
      );
  }
}
