/** Stock on hand is available + reserved; both are kept so a reservation is one conditional update. */
export interface Product {
  sku: string;
  name: string;
  /** Integer cents. */
  price: number;
  currency: string;
  available: number;
  reserved: number;
}

export interface StockLine {
  sku: string;
  quantity: number;
}

export interface Shortage {
  sku: string;
  requested: number;
  available: number;
}
