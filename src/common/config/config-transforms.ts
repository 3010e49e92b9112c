/** How raw environment strings become typed settings, before validation. */
export const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

export const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

export const toIntList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? (toList({ value }) as string[]).map(Number) : value;

export const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
