/**
 * Amounts travel and are stored in minor units (cents); a person reads "25.00 EUR". Every log
 * line that states an amount formats it here, so none says "total 2500 EUR" for €25.00.
 */
export function formatMoney(cents: number, currency: string): string {
  if (!Number.isSafeInteger(cents)) return `${cents} (minor units) ${currency}`;
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const minor = String(abs % 100).padStart(2, '0');
  return `${sign}${Math.floor(abs / 100)}.${minor} ${currency}`;
}
