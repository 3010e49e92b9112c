import { JournalEntry } from '../journal/journal-entry';
import { consolePage } from './console-layout';
import { ConsoleOrder } from './console-order.lookup';
import { html } from './html';

export interface OrderPageView {
  id: string;
  order?: ConsoleOrder;
  ordersHere: boolean;
  journalShared: boolean;
  entries: JournalEntry[];
}

const search = (id: string) =>
  html`<form class="filters" method="get" action="/console/orders">
    <label>Order id<br /><input name="id" value="${id}" size="40" placeholder="UUID" /></label
    ><button type="submit">Find</button>
  </form>`;

export function orderPage(v: OrderPageView | undefined): string {
  if (!v) return consolePage('Find an order', search(''));
  const o = v.order;
  const summary = o
    ? html`<table>
        <tr>
          <th>Status</th>
          <td><span class="badge">${o.status}</span></td>
        </tr>
        <tr>
          <th>Saga step</th>
          <td>${o.step}</td>
        </tr>
        <tr>
          <th>Customer</th>
          <td>${o.customerEmail}</td>
        </tr>
        <tr>
          <th>Total</th>
          <td>${(o.total / 100).toFixed(2)} ${o.currency}</td>
        </tr>
        ${
          o.paymentDueAt
            ? html`<tr>
                <th>Payment due</th>
                <td>${o.paymentDueAt.toISOString()}</td>
              </tr>`
            : ''
        }
        <tr>
          <th>History</th>
          <td>
            ${o.history.map((h) => html`${h.at.toISOString()} ${h.status}${h.reason ? ` (${h.reason})` : ''}<br />`)}
          </td>
        </tr>
      </table>`
    : html`<p class="note">
        ${v.ordersHere ? 'No such order.' : 'The orders module does not run in this process: status and step are not shown (open the console of the orders process).'}
      </p>`;
  const emails = v.entries.filter((e) => e.email);
  const body = html`${search(v.id)}
    <h2>Order ${v.id}</h2>
    ${summary}
    <h2>Emails</h2>
    ${
      emails.length
        ? html`<ul>
            ${emails.map((e) => html`<li>${e.at.toISOString()} to ${e.email?.to}: ${e.email?.subject}</li>`)}
          </ul>`
        : html`<p class="note">None recorded.</p>`
    }
    <h2>Timeline</h2>
    ${v.journalShared ? '' : html`<p class="note">In-memory journal: only what this process saw.</p>`}
    <table>
      <thead>
        <tr>
          <th>At (UTC)</th>
          <th></th>
          <th>Message</th>
          <th>Module</th>
          <th>Queue / exchange</th>
          <th>Outcome</th>
        </tr>
      </thead>
      <tbody>
        ${v.entries.map(
          (e) =>
            html`<tr>
              <td>${e.at.toISOString()}</td>
              <td>${e.direction}</td>
              <td>${e.type}</td>
              <td>${e.module}</td>
              <td>${e.queue ?? e.exchange ?? ''}</td>
              <td>
                ${e.outcome}${e.attempt ? ` (attempt ${e.attempt + 1})` : ''}${e.error ? html`<br /><span class="error">${e.error}</span>` : ''}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  return consolePage('Find an order', body);
}
