import { createHash, randomBytes } from 'node:crypto';

/** RabbitMQ's name for the scheme below, as definitions files spell it. */
export const HASHING_ALGORITHM = 'rabbit_password_hashing_sha256';

/** A fresh random password (160 bits), safe in a URL and a shell argument as is. */
export function newPassword(): string {
  // Hex: no character a URL or a shell would read, and no leading dash for rabbitmqctl to take
  // for an option.
  return randomBytes(20).toString('hex');
}

/**
 * rabbit_password_hashing_sha256: base64(salt ‖ sha256(salt ‖ utf-8 password)), with a 4-byte
 * random salt — what `rabbitmqctl export_definitions` writes, so import_definitions reads it.
 */
export function rabbitPasswordHash(password: string, salt = randomBytes(4)): string {
  const hash = createHash('sha256').update(salt).update(password, 'utf8').digest();
  return Buffer.concat([salt, hash]).toString('base64');
}
