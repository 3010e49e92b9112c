import Handlebars from 'handlebars';
import { join } from 'node:path';
import { EmailTemplates, TEMPLATE_DIR } from './email-templates';

const confirmed = {
  shop: { name: 'Mug & Co', supportEmail: 'help@mugs.test' },
  orderId: 'a1b2c3d4-0000-4000-8000-000000000000',
  orderNumber: '#A1B2C3',
  title: 'Thank you for your order',
  preheader: 'Paid €59.97',
  invoiceNumber: 'INV-7',
  items: [{ sku: 'MUG-1', name: 'Mug', quantity: 3, unitPrice: '€19.99', lineTotal: '€59.97' }],
  total: '€59.97',
};

describe('EmailTemplates', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads the templates shipped beside the notifications module', () => {
    expect(TEMPLATE_DIR).toBe(join(__dirname, '..', 'templates'));
  });

  it('renders the plain-text part inside the shop header and support footer', () => {
    expect(new EmailTemplates().render('order-confirmed', confirmed).text).toBe(
      'Mug & Co\n' +
        'Thank you for your order - order #A1B2C3\n\n' +
        'Your payment went through and your order is confirmed. Invoice INV-7.\n\n' +
        '- 3 x Mug (SKU MUG-1) at €19.99 = €59.97\n\n' +
        'Total: €59.97\n\n' +
        '--\n' +
        'Questions about your order? Write to help@mugs.test and quote #A1B2C3.\n' +
        'Order reference a1b2c3d4-0000-4000-8000-000000000000 - Mug & Co\n',
    );
  });

  it('escapes values in the HTML part and keeps them verbatim in the text part', () => {
    const { html, text } = new EmailTemplates().render('order-confirmed', confirmed);
    expect(html).toContain('Mug &amp; Co');
    expect(html).toContain('<strong>Mug</strong>');
    expect(html).toContain('mailto:help@mugs.test');
    expect(text).toContain('Mug & Co');
  });

  it('refuses a context that lacks a value the template prints', () => {
    const { invoiceNumber: _omitted, ...incomplete } = confirmed;
    expect(() => new EmailTemplates().render('order-confirmed', incomplete)).toThrow(
      /"invoiceNumber" not defined/,
    );
  });

  it('compiles each file once and reuses it', () => {
    const compile = jest.spyOn(Handlebars, 'compile');
    const templates = new EmailTemplates();
    templates.render('order-confirmed', confirmed);
    const again = templates.render('order-confirmed', { ...confirmed, invoiceNumber: 'INV-9' });
    expect(again.text).toContain('Invoice INV-9.');
    // Body and layout, HTML and text: four files.
    expect(compile).toHaveBeenCalledTimes(4);
  });
});
