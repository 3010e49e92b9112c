import { ValidationError } from 'class-validator';
import { variableFor } from './config-variables';
import { withoutPassword } from './without-password';

type Env = Record<string, string | undefined>;

/** Words a validator message goes on with after the name it starts with. */
const CONTINUATIONS = /^(must|may|entries|is|should)\b/;

/**
 * One line per wrong variable: its name, what was given, what is wrong and what is accepted,
 * e.g. `CONSUMER_PREFETCH="5000": must not be greater than 1000. Expected a whole number ...`.
 * class-validator's own messages name the field; here they are rewritten to name the variable.
 */
export function describeConfigErrors(errors: ValidationError[], env: Env): string[] {
  return errors.map((error) => {
    const { variable, form, secret } = variableFor(error.property);
    const constraints = { ...error.constraints };
    // Not a number at all: its range is beside the point.
    if (constraints.isInt) for (const key of ['min', 'max']) delete constraints[key];
    const problems = Object.values(constraints).map((message) =>
      problemOf(message, error.property, variable),
    );
    const unique = [...new Set(problems)].join('; ') || 'is not valid';
    return `${variable}${given(env[variable], secret)}: ${unique}. Expected ${form}`;
  });
}

function problemOf(message: string, field: string, variable: string): string {
  const named = message
    .replace(`each value in ${field}`, 'each value')
    .replace(new RegExp(`\\b${field}\\b`, 'g'), variable);
  const rest = named.startsWith(`${variable} `) ? named.slice(variable.length + 1) : named;
  return CONTINUATIONS.test(rest) ? rest : named;
}

function given(value: string | undefined, secret?: boolean): string {
  if (value === undefined) return ' (unset)';
  if (secret) return ' (value hidden)';
  const shown = value
    .split(',')
    .map((part) => (part.includes('://') ? withoutPassword(part) : part))
    .join(',');
  return `=${JSON.stringify(shown.length > 80 ? `${shown.slice(0, 77)}...` : shown)}`;
}
