/** How the emails put things for a customer: short order numbers, money, reasons in sentences. */

/** `#A1B2C3`: the UUID's first six hex digits, enough for a customer to quote on the phone. */
export function orderNumber(orderId: string): string {
  return `#${orderId.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

const formats = new Map<string, Intl.NumberFormat>();

/** Integer cents in the currency's own notation (`€19.99`, `$5.00`). */
export function money(cents: number, currency: string): string {
  let format = formats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en', { style: 'currency', currency });
    } catch {
      // Not an ISO 4217 code Intl knows: spell it out rather than fail the email.
      return `${currency} ${(cents / 100).toFixed(2)}`;
    }
    formats.set(currency, format);
  }
  return format.format(cents / 100);
}

/** One sentence: capital first letter, exactly one full stop (reasons may bring their own). */
function sentence(text: string): string {
  const trimmed = text.trim().replace(/[.!\s]+$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}

const lowerFirst = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

/** The order process's notes, which are written for operators, said for the customer. */
const PHRASES: Array<[RegExp, (detail: string) => string]> = [
  [/^Payment declined:\s*(.*)$/s, (d) => `The payment did not go through: ${lowerFirst(d)}`],
  [/^Payment timed out$/, () => 'The payment did not complete in time'],
  [/^Cancelled by the customer$/, () => 'You asked us to cancel it'],
  [/^Out of stock:/, () => 'Some items are out of stock'],
];

export function plainReason(reason: string): string {
  for (const [pattern, say] of PHRASES) {
    const match = pattern.exec(reason.trim());
    if (match) return sentence(say(match[1] ?? ''));
  }
  return sentence(reason);
}
