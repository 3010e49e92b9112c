import type { AsyncApiDocument } from './asyncapi.document';

type Schema = { $ref?: string; type?: string; format?: string; items?: Schema } & Record<
  string,
  unknown
>;
type Op = { action: string; summary: string; channel: { $ref: string } };

const esc = (s: unknown): string =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const refName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

function typeOf(s: Schema): string {
  if (s.$ref) return refName(s.$ref);
  if (s.type === 'array' && s.items) return `${typeOf(s.items)}[]`;
  return [s.type ?? 'any', s.format].filter(Boolean).join(' · ');
}

/** One table per payload class, nested classes linked to their own table. */
function schemaTable(name: string, schema: Schema): string {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const props = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
  const rows = props.map(([field, s]) => {
    const rules = Object.entries(s)
      .filter(([k]) => !['type', 'format', '$ref', 'items'].includes(k))
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join(', ');
    const type = s.$ref ?? s.items?.$ref;
    const typeCell = type
      ? `<a href="#schema-${esc(refName(type))}">${esc(typeOf(s))}</a>`
      : esc(typeOf(s));
    return `<tr><td><code>${esc(field)}</code>${required.has(field) ? ' *' : ''}</td><td>${typeCell}</td><td>${esc(rules)}</td></tr>`;
  });
  return `<h3 id="schema-${esc(name)}">${esc(name)}</h3><table><tr><th>field</th><th>type</th><th>rules</th></tr>${rows.join('')}</table>`;
}

/**
 * The AsyncAPI document as a page a person reads: per channel, where it lives on the broker, who
 * sends and who receives, and the payload. Server-rendered, no script, so the CSP stays strict.
 */
export function renderAsyncApiPage(doc: AsyncApiDocument): string {
  const ops = Object.entries(doc.operations as Record<string, Op>);
  const sections = Object.entries(doc.channels).map(([id, ch]) => {
    const mine = ops.filter(([, o]) => o.channel.$ref === `#/channels/${id}`);
    const who = (action: string) =>
      mine
        .filter(([, o]) => o.action === action)
        .map(([, o]) => `<li>${esc(o.summary)}</li>`)
        .join('') || '<li>—</li>';
    const amqp = (ch.bindings as { amqp: Record<string, { name: string; type?: string }> }).amqp;
    const where = amqp.exchange
      ? `exchange <code>${esc(amqp.exchange.name)}</code> (${esc(amqp.exchange.type)}), routing key <code>${esc(ch.address)}</code>`
      : `queue <code>${esc(ch.address)}</code>`;
    const msgs = Object.keys(ch.messages)
      .map((m) => `<a href="#message-${esc(m)}">${esc(m)}</a>`)
      .join(', ');
    return `<section id="channel-${esc(id)}"><h3>${esc(id)}</h3><p>${where}</p>${ch.description ? `<p>${esc(ch.description)}</p>` : ''}<p>Message: ${msgs}</p><div class="cols"><div><h4>Sent by</h4><ul>${who('send')}</ul></div><div><h4>Received by</h4><ul>${who('receive')}</ul></div></div></section>`;
  });
  const messages = Object.entries(
    doc.components.messages as Record<string, Record<string, unknown>>,
  ).map(([name, m]) => {
    const payload = (m.payload as Schema).properties as Record<string, Schema> | undefined;
    const inner = payload?.payload?.$ref ?? (m.payload as Schema).$ref;
    const body = inner
      ? `payload <a href="#schema-${esc(refName(inner))}">${esc(refName(inner))}</a>`
      : 'payload: any event or command, failure in headers';
    return `<li id="message-${esc(name)}"><strong>${esc(name)}</strong> <code>${esc(m.name)}</code> — ${esc(m.summary ?? m.title)}; ${body}</li>`;
  });
  const schemas = Object.entries(doc.components.schemas).map(([n, s]) =>
    schemaTable(n, s as Schema),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(doc.info.title)}</title><style>${STYLE}</style></head><body><h1>${esc(doc.info.title)} <small>AsyncAPI ${esc(doc.asyncapi)}</small></h1><p>${esc(doc.info.description)}</p><p><a href="/docs/asyncapi.json">asyncapi.json</a> · <a href="/docs">HTTP API (Swagger)</a></p><h2>Channels</h2>${sections.join('')}<h2>Messages</h2><ul>${messages.join('')}</ul><h2>Payload schemas</h2>${schemas.join('')}</body></html>`;
}

const STYLE =
  'body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}' +
  'section{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:.75rem 0}' +
  'h3{margin:.25rem 0;font-family:monospace}.cols{display:flex;gap:2rem}small{color:#777;font-size:.6em}' +
  'table{border-collapse:collapse;margin-bottom:1rem}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}' +
  'code{background:#f4f4f4;padding:0 .2rem}';
