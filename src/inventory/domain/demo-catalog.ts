import { NewProduct } from './product.entity';

type DemoProduct = Omit<NewProduct, 'currency'>;

const p = (sku: string, name: string, price: number, stock: number): DemoProduct => ({
  sku,
  name,
  price,
  stock,
});

/**
 * Seeded so `npm start` has something to sell; a few items run out fast. Prices are in the
 * shop's own currency (SHOP_CURRENCY), given when seeded.
 */
export const DEMO_CATALOG: DemoProduct[] = [
  p('SKU-MUG', 'Enamel mug', 1250, 500),
  p('SKU-TEE', 'Organic cotton T-shirt', 2400, 300),
  p('SKU-CAP', 'Baseball cap', 1800, 200),
  p('SKU-TOTE', 'Canvas tote bag', 1500, 400),
  p('SKU-NOTE', 'Dotted notebook', 900, 1000),
  p('SKU-PEN', 'Brass pen', 3200, 150),
  p('SKU-BOTTLE', 'Steel water bottle', 2900, 250),
  p('SKU-SOCKS', 'Wool socks', 1400, 600),
  p('SKU-HOODIE', 'Heavy hoodie', 5900, 80),
  p('SKU-POSTER', 'Limited print poster', 4500, 3),
  p('SKU-VINYL', 'Signed vinyl record', 7900, 2),
  p('SKU-KEYCAP', 'Artisan keycap', 3500, 1),
];
