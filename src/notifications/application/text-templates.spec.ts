import Handlebars from 'handlebars';
import { join } from 'node:path';
import { TEMPLATE_DIR, TextTemplates } from './text-templates';

const confirmed = {
  orderId: 'o-1',
  invoiceNumber: 'INV-7',
  items: [
    { sku: 'MUG-1', name: 'Mug', quantity: 3, unitPrice: 'EUR 19.99', lineTotal: 'EUR 59.97' },
  ],
  total: 'EUR 59.97',
};

describe('TextTemplates', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads the templates shipped beside the notifications module', () => {
    expect(TEMPLATE_DIR).toBe(join(__dirname, '..', 'templates'));
  });

  it('renders the plain-text alternative of a template', () => {
    expect(new TextTemplates().render('order-confirmed', confirmed)).toBe(
      'Thank you, your order is confirmed.\n\n' +
        'Order o-1 is paid. Invoice INV-7.\n\n' +
        '- 3 x Mug (MUG-1) at EUR 19.99 = EUR 59.97\n\n' +
        'Total: EUR 59.97\n',
    );
  });

  it('prints values verbatim: plain text is not HTML-escaped', () => {
    const text = new TextTemplates().render('order-rejected', {
      orderId: 'o-2',
      reason: `Tom & Jerry's <mugs>`,
      shortages: [],
    });
    expect(text).toContain(`Order o-2 was not placed: Tom & Jerry's <mugs>.`);
  });

  it('refuses a context that lacks a value the template prints', () => {
    const { invoiceNumber: _omitted, ...incomplete } = confirmed;
    expect(() => new TextTemplates().render('order-confirmed', incomplete)).toThrow(
      /"invoiceNumber" not defined/,
    );
  });

  it('compiles each template once and reuses it', () => {
    const compile = jest.spyOn(Handlebars, 'compile');
    const templates = new TextTemplates();
    const cancelled = { ...confirmed, reason: 'changed my mind' };

    templates.render('order-confirmed', confirmed);
    const again = templates.render('order-confirmed', { ...confirmed, orderId: 'o-9' });
    templates.render('order-cancelled', cancelled);

    expect(again).toContain('Order o-9 is paid.');
    expect(compile).toHaveBeenCalledTimes(2);
  });
});
