import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { ContractViolationError } from './contract-violation.error';

function flatten(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((e) => {
    const at = path ? `${path}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => `${at}: ${m}`);
    // class-validator leaves `children` undefined only under forbidNonWhitelisted, never set here.
    // Stryker disable next-line ArrayDeclaration: the `?? []` fallback is unreachable
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
  // class-validator >= 0.14 already defaults forbidUnknownValues to true; the option pins it.
  // Stryker disable next-line ObjectLiteral: same behaviour as the library default
  const errors = validateSync(instance, { forbidUnknownValues: true });
  if (errors.length > 0)
    throw new ContractViolationError(`${what} breaks its contract`, flatten(errors));
  return instance;
}
