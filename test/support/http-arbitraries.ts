import fc from 'fast-check';

/** Characters that change how text reads or parses: bidi overrides, zero-width, controls, BOM. */
const TRICKY = [
  '\u202e',
  '\u202d',
  '\u2066',
  '\u200b',
  '\u200f',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\u0085',
  '\u2028',
  '\r\n',
  '\\',
  '"',
  '%',
  '../',
  '__proto__',
  '𝔘𝔫𝔦',
  'é',
  '\u0301',
];

export const trickyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.constantFrom(...TRICKY), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }), // lone surrogates included
  fc.integer({ min: 10_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
);

/** A header value Node will send: tab, printable ASCII and latin-1 bytes (UTF-8 sent as bytes). */
export const headerValue = fc
  .oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom(...TRICKY))
  .map((s) =>
    Buffer.from(s, 'utf8')
      .toString('latin1')
      .replace(/[^\t\x20-\x7e\x80-\xff]/g, ''),
  );

/** Mostly around the 32-level bound, sometimes far past it. */
const deep = (open: string, inner: string, close: string) =>
  fc
    .oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 41, max: 5000 }))
    .map((d) => open.repeat(d) + inner + close.repeat(d));
const ORDER_HEAD = '{"customerEmail":"a@b.co","paymentToken":"tok_visa","items":';

const plausibleOrder = fc.record(
  {
    customerEmail: fc.oneof(
      fc.constant('ada@example.com'),
      fc.emailAddress(),
      trickyString,
      fc.anything(),
    ),
    items: fc.oneof(
      fc.array(
        fc.record(
          {
            sku: fc.oneof(fc.constant('SKU-MUG'), trickyString, fc.anything()),
            quantity: fc.oneof(fc.integer(), fc.double(), fc.anything()),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 60 },
      ),
      fc.anything(),
    ),
    paymentToken: fc.oneof(fc.constantFrom('tok_visa', 'tok_chargeDeclined'), trickyString),
    name: trickyString,
    price: fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER)),
    stock: fc.oneof(fc.integer(), fc.constant(1e300)),
    queue: trickyString,
    limit: fc.oneof(fc.integer(), fc.anything()),
    ratePerSecond: fc.oneof(fc.integer(), fc.anything()),
  },
  { requiredKeys: [] },
);

/** A valid order with some fields spoiled: reaches past validation into pricing and the flow. */
const nearlyValidOrder = fc.record({
  customerEmail: fc.oneof({ weight: 4, arbitrary: fc.constant('ada@example.com') }, trickyString),
  items: fc.oneof(
    { weight: 4, arbitrary: fc.constant([{ sku: 'SKU-MUG', quantity: 1 }]) },
    fc.array(
      fc.record({
        sku: fc.oneof(
          fc.constantFrom('SKU-MUG', 'SKU-TEE', 'NOPE-1'),
          fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/),
        ),
        quantity: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer()),
      }),
      { minLength: 1, maxLength: 50 },
    ),
  ),
  paymentToken: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom('tok_visa', 'tok_chargeDeclined', 'tok_processingError'),
    },
    trickyString,
  ),
});

/** A request body as raw text: JSON of anything, near-valid shapes, deep nesting, or garbage. */
export const rawBody: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.anything({ withNullPrototype: true, withObjectString: true }).map((v) => JSON.stringify(v)),
  { weight: 3, arbitrary: plausibleOrder.map((v) => JSON.stringify(v)) },
  { weight: 3, arbitrary: nearlyValidOrder.map((v) => JSON.stringify(v)) },
  deep('{"a":', '1', '}'),
  deep('[', '', ']'),
  { weight: 2, arbitrary: deep('[', '', ']').map((items) => `${ORDER_HEAD}[${items}]}`) },
  deep('{"a":', '1', '}').map((sku) => `${ORDER_HEAD}[{"sku":${sku},"quantity":1}]}`),
  fc.string({ maxLength: 200 }),
  fc.constant(undefined),
);

export const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  fc.constantFrom(
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'application/merge-patch+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=',
  ),
  headerValue,
);

/** One path segment, percent-encoded, or a raw sequence Express must decode (or refuse). */
export const pathSegment = fc.oneof(
  fc.uuid().map(String),
  fc.constantFrom(
    'SKU-MUG',
    'replay',
    '%',
    '%FF',
    '%E0%A4%A',
    '%00',
    '..%2F..%2Fetc',
    '%2e%2e',
    'a%2Fb',
    '',
  ),
  trickyString.map((s) => {
    try {
      return encodeURIComponent(s.slice(0, 2000));
    } catch {
      return '%ED%A0%80'; // a lone surrogate, as its bytes
    }
  }),
);

export const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'status',
          'limit',
          'offset',
          'orderId',
          'queue',
          'type',
          'since',
          '__proto__',
          'limit[]',
        ),
        fc.string({ maxLength: 10 }),
      ),
      pathSegment,
    ),
    { maxLength: 5 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&'));
