import { DynamicModule, Provider, Type } from '@nestjs/common';
import { MetadataScanner } from '@nestjs/core';
import { ListenerMetadataExplorer } from '@nestjs/microservices/listener-metadata-explorer';
import { parseSubscriptionPattern } from '../../consumer/on-event.decorator';
import { ModulePublications } from '../../persistence/publications';
import { HandlerDeclaration, ModuleMessaging } from './module-messaging';

const explorer = new ListenerMetadataExplorer(new MetadataScanner());

/**
 * Reads what a feature module does on the broker off the module definition its forRoot returns,
 * without starting it: the handlers' Nest pattern metadata, and the `publishes` declaration that
 * featurePersistence registers. A module without that declaration is not a feature module.
 */
export function readModuleMessaging(definition: DynamicModule): ModuleMessaging | undefined {
  const publications = (definition.providers ?? []).map(publicationsOf).find((p) => p);
  if (!publications) return undefined;
  const controllers = (definition.controllers ?? []) as Type[];
  return {
    module: publications.owner,
    handlers: controllers.flatMap(handlersOf),
    publishes: {
      events: publications.events,
      commands: publications.commands,
      requests: publications.requests,
    },
  };
}

function publicationsOf(provider: Provider): ModulePublications | undefined {
  const p = provider as { provide?: unknown; useValue?: unknown };
  return p.provide === ModulePublications ? (p.useValue as ModulePublications) : undefined;
}

function handlersOf(controller: Type): HandlerDeclaration[] {
  // The explorer wants an instance only to look up its prototype; none is constructed.
  const listeners = explorer.explore(Object.create(controller.prototype) as object);
  return listeners.flatMap(({ patterns, isEventHandler, extras }) =>
    patterns.map((pattern): HandlerDeclaration => {
      const key = String(pattern);
      if (!isEventHandler) return { kind: 'request', routingKey: key };
      const parsed = parseSubscriptionPattern(key);
      if (!parsed) throw new Error(`${controller.name}: "${key}" is not <consumer>::<event>`);
      const { command, broadcast } = (extras ?? {}) as { command?: boolean; broadcast?: boolean };
      const { consumer, eventType: type } = parsed;
      return command
        ? { kind: 'command', consumer, type }
        : { kind: 'event', consumer, type, broadcast: broadcast === true };
    }),
  );
}
