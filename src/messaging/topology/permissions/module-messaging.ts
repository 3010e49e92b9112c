import { FeatureModuleName } from '../../../common/config/app-config';

/** One handler a feature module's controllers declare (@OnEvent, @OnCommand, @OnRequest). */
export type HandlerDeclaration =
  | { kind: 'event'; consumer: string; type: string; broadcast: boolean }
  | { kind: 'command'; consumer: string; type: string }
  | { kind: 'request'; routingKey: string };

/** Everything one feature module does on the broker, as its code declares it. */
export interface ModuleMessaging {
  module: FeatureModuleName;
  handlers: HandlerDeclaration[];
  /** Event types, command types and request routing keys it sends (its `publishes`). */
  publishes: { events: string[]; commands: string[]; requests: string[] };
}
