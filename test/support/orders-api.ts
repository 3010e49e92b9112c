import { TestApp } from './test-app';
import { waitFor } from './wait-for';

export interface OrderBody {
  id: string;
  status: string;
  total: number;
  items: Array<{ sku: string; quantity: number; unitPrice: number; name: string }>;
  history: Array<{ status: string; reason?: string }>;
  invoiceNumber?: string;
  step?: string;
  paymentDueAt?: string;
}

export interface ProductBody {
  sku: string;
  price: number;
  available: number;
  reserved: number;
}

/** Small HTTP helpers over the real API, shared by the e2e suites. */
export class OrdersApi {
  constructor(private readonly t: TestApp) {}

  async createProduct(sku: string, price: number, stock: number): Promise<void> {
    await this.t
      .http()
      .put(`/inventory/products/${sku}`)
      .set('Authorization', this.t.admin)
      .send({ name: `Test ${sku}`, price, stock })
      .expect(200);
  }

  async product(sku: string): Promise<ProductBody> {
    const res = await this.t.http().get('/inventory/products').expect(200);
    const p = (res.body as ProductBody[]).find((x) => x.sku === sku);
    if (!p) throw new Error(`No product ${sku}`);
    return p;
  }

  async place(
    items: Array<{ sku: string; quantity: number }>,
    paymentToken = 'tok_visa',
    email = 'ada@example.com',
  ): Promise<OrderBody> {
    const res = await this.t
      .http()
      .post('/orders')
      .send({ customerEmail: email, items, paymentToken });
    if (res.status !== 202)
      throw new Error(`POST /orders answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as OrderBody;
  }

  async get(id: string): Promise<OrderBody> {
    return (await this.t.http().get(`/orders/${id}`).expect(200)).body as OrderBody;
  }

  waitForStatus(id: string, status: string, timeoutMs = 20_000): Promise<OrderBody> {
    return waitFor(
      () => this.get(id),
      (o) => o.status === status,
      { timeoutMs, what: `order ${id} to be ${status}` },
    );
  }
}
