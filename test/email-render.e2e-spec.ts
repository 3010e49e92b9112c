import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { EmailContent, EmailContents } from '../src/notifications/application/email-content';
import { EmailTemplates } from '../src/notifications/application/email-templates';
import { describeWhen } from './support/requires';

const chromiumPath = (() => {
  try {
    return execSync('command -v chromium', { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
})();

const ARTIFACTS = join(__dirname, '..', 'test-artifacts', 'emails');
const shop = { name: 'Mugs & More', supportEmail: 'help@mugs.test' };
const base = { orderId: 'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d', customerEmail: 'ada@example.com' };
const items = [
  { sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 },
  { sku: 'SKU-TEE', name: 'Orderflow T-shirt', quantity: 1, unitPrice: 2400 },
];

/** Each outcome's email, the words its text part must carry, whatever the layout. */
const cases: Array<[string, EmailContent, string[]]> = [
  [
    'confirmed',
    EmailContents.confirmed(
      { ...base, items, total: 4900, currency: 'EUR', invoiceNumber: 'INV-2026-000042' },
      shop,
    ),
    ['Enamel mug (SKU SKU-MUG)', '€12.50', '€25.00', 'Total: €49.00', 'INV-2026-000042'],
  ],
  [
    'rejected',
    EmailContents.rejected(
      {
        ...base,
        reason: 'Out of stock: SKU-MUG (requested 2, available 1)',
        shortages: [{ sku: 'SKU-MUG', requested: 2, available: 1 }],
        items,
      },
      shop,
    ),
    ['Some items are out of stock.', 'Enamel mug (SKU-MUG): you asked for 2, only 1 available'],
  ],
  [
    'cancelled',
    EmailContents.cancelled(
      {
        ...base,
        reason: 'Payment declined: Your card was declined.',
        items,
        total: 4900,
        currency: 'USD',
      },
      shop,
    ),
    [
      'The payment did not go through: your card was declined. ',
      'Enamel mug (SKU SKU-MUG)',
      '$49.00',
    ],
  ],
];

describeWhen(!!chromiumPath, 'chromium')('Order emails rendered in headless Chromium', () => {
  let browser: Browser;
  const templates = new EmailTemplates();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // Default launch: Playwright gives the browser a fresh, temporary user-data dir.
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(cases)(
    'renders the %s email and a text part that says the same',
    async (name, content, says) => {
      expect(content.subject).toContain('Mugs & More order #A1B2C3');
      const { html, text } = templates.render(content.template, content.context);

      for (const words of [...says, '#A1B2C3', 'help@mugs.test', base.orderId]) {
        expect(text).toContain(words);
      }
      expect(text).not.toMatch(/\.\./);

      for (const [width, suffix] of [
        [800, ''],
        [375, '-phone'],
      ] as const) {
        const page = await browser.newPage({ viewport: { width, height: 700 } });
        try {
          await page.setContent(html, { waitUntil: 'load' });
          const shown = await page.locator('body').innerText();
          expect(shown).toContain('Mugs & More');
          expect(shown).toContain('#A1B2C3');
          expect(shown).toContain('Enamel mug');
          expect(shown).toContain('help@mugs.test');
          // Responsive: nothing forces a horizontal scroll on a phone.
          const overflow = await page.evaluate('document.documentElement.scrollWidth');
          expect(overflow).toBeLessThanOrEqual(width);
          await page.screenshot({
            path: join(ARTIFACTS, `order-${name}${suffix}.png`),
            fullPage: true,
          });
        } finally {
          await page.close();
        }
      }
    },
  );
});
