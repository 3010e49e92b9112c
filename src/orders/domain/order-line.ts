export interface OrderLine {
  sku: string;
  name: string;
  quantity: number;
  /** Integer cents. */
  unitPrice: number;
}
