// Where @Type() keeps nested classes; the library reads it to follow them. Untyped in the package.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import * as contracts from '../contracts';
import type { EventContract } from '../contracts/event-contract';

export type JsonSchema = Record<string, unknown>;
export const SCHEMA_REF = '#/components/schemas/';

/** Every event and command contract the code has, by its wire type. */
export function contractsByType(): Map<string, EventContract> {
  const found = new Map<string, EventContract>();
  for (const value of Object.values(contracts) as unknown[]) {
    if (typeof value !== 'function') continue;
    const c = value as Partial<EventContract>;
    if (typeof c.type === 'string' && typeof c.version === 'number')
      found.set(c.type, value as EventContract);
  }
  return found;
}

/**
 * JSON Schemas of the given classes and of every class they nest, read off the same
 * class-validator decorators the consumer checks each message against: the document cannot
 * promise a field the pipeline would refuse. Other classes in the global store (HTTP DTOs) are
 * left out.
 */
export function contractSchemas(roots: Array<{ name: string }>): Record<string, JsonSchema> {
  const all = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: SCHEMA_REF,
  }) as Record<string, JsonSchema>;
  const kept: Record<string, JsonSchema> = {};
  const visit = (name: string): void => {
    if (kept[name] || !all[name]) return;
    kept[name] = all[name];
    for (const ref of JSON.stringify(all[name]).matchAll(
      /"\$ref":"#\/components\/schemas\/(\w+)"/g,
    ))
      visit(ref[1]);
  };
  for (const root of roots) visit(root.name);
  return kept;
}
