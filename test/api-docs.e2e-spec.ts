import { TestApp, startTestApp } from './support/test-app';

type Param = { name: string; in: string; required?: boolean; schema?: Record<string, unknown> };
type Operation = {
  parameters?: Param[];
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: object }>; securitySchemes: object };
};

const PROBLEM = '#/components/schemas/ProblemDetailsView';

/** What a newcomer meets in Swagger "Try it out" (#15), checked on the document it runs from. */
describe('API documentation', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http().get('/docs-json').expect(200)).body as Doc;
  });
  afterAll(() => t.close());

  const op = (path: string, method: string): Operation => doc.paths[path][method];
  const all = () => Object.values(doc.paths).flatMap((p) => Object.values(p));

  it('asks POST /orders for one optional Idempotency-Key header, nothing else', () => {
    const headers = (op('/orders', 'post').parameters ?? []).filter((p) => p.in === 'header');
    expect(headers).toEqual([
      expect.objectContaining({ name: 'Idempotency-Key', required: false }),
    ]);
  });

  it.each(['/orders', '/dead-letters'])('types %s offset and limit as integers', (path) => {
    const params = op(path, 'get').parameters ?? [];
    for (const name of ['offset', 'limit'])
      expect(params.find((p) => p.name === name)?.schema).toMatchObject({ type: 'integer' });
  });

  it('pre-fills no query filter', () => {
    const examples = all()
      .flatMap((o) => o.parameters ?? [])
      .filter((p) => p.in === 'query' && p.schema && 'example' in p.schema);
    expect(examples).toEqual([]);
  });

  it('has no empty schema, and no message contract among them', () => {
    const empty = Object.entries(doc.components.schemas)
      .filter(([, s]) => Object.keys(s.properties ?? {}).length === 0)
      .map(([name]) => name);
    expect(empty).toEqual([]);
    expect(Object.keys(doc.components.schemas)).not.toContain('InventoryReserved');
  });

  it('names the admin scheme as an API key sent as a bearer token, and uses it', () => {
    expect(doc.components.securitySchemes).toEqual({
      'admin-api-key': expect.objectContaining({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'ADMIN_API_KEY',
      }),
    });
    expect(op('/dead-letters', 'get').security).toEqual([{ 'admin-api-key': [] }]);
  });

  it.each([
    ['/orders', 'post', ['400', '409', '422', '429']],
    ['/orders', 'get', ['400', '401', '403']],
    ['/orders/{id}', 'get', ['400', '404']],
    ['/orders/{id}/cancel', 'post', ['400', '404', '409']],
    ['/dead-letters/{id}/replay', 'post', ['401', '403', '404', '409']],
    ['/inventory/products/{sku}', 'put', ['401', '403', '404', '409']],
  ])('documents %s %s errors %j as problem details', (path, method, statuses) => {
    const responses = op(path, method).responses;
    for (const status of [...statuses, 'default'])
      expect([status, responses[status]?.content?.['application/problem+json']?.schema]).toEqual([
        status,
        { $ref: PROBLEM },
      ]);
  });

  it('serves the AsyncAPI document and its page', async () => {
    const asyncapi = await t.http().get('/docs/asyncapi.json').expect(200);
    expect(asyncapi.body).toMatchObject({ asyncapi: '3.0.0' });
    const page = await t.http().get('/docs/events').expect(200).expect('content-type', /html/);
    expect(page.text).toContain('orders.payment-succeeded');
    expect(page.text).toContain('id="schema-InventoryReserved"');
  });
});
