import { ValidationOptions, registerDecorator } from 'class-validator';

/**
 * Unicode Cc (C0/C1 controls: NUL, CR, LF …) and Cf (format: bidi overrides such as U+202E,
 * zero-width characters such as U+200B). Neither belongs in a name or an address, and both let
 * a value read differently to a person (in an email, a log line, an admin screen) than to code.
 */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;

export function hasControlChars(value: string): boolean {
  return CONTROL_OR_FORMAT.test(value);
}

/** Refuses strings holding control or invisible formatting characters. */
export function NoControlChars(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'noControlChars',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must not contain control or invisible formatting characters',
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !hasControlChars(value),
      },
    });
}
