import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { ContractViolationError } from './contract-violation.error';

function flatten(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((e) => {
    const at = path ? `${path}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => `${at}: ${m}`);
    return [...own, ...flatten(e.children ?? [], at)];
  });
}

/** Turns a plain object into a validated contract instance, or throws a permanent error. */
export function validateContract<T extends object>(
  contract: ClassConstructor<T>,
  plain: unknown,
  what: string,
): T {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new ContractViolationError(`${what} is not an object`, [typeof plain]);
  }
  const instance = plainToInstance(contract, plain);
  const errors = validateSync(instance, { forbidUnknownValues: true });
  if (errors.length > 0)
    throw new ContractViolationError(`${what} breaks its contract`, flatten(errors));
  return instance;
}
