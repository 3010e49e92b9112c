import { DeadLetterRecord } from '../dead-letters/dead-letter.record';
import { consolePage } from './console-layout';
import { ConsoleDeadLetterFilter } from './console-dead-letter.search';
import { html } from './html';

const when = (d?: Date) => (d ? d.toISOString().replace('T', ' ').slice(0, 19) : '');

/** The dead-letter list: filters (a GET form), checkboxes, and replay selected / all matching. */
export function deadLettersPage(
  f: ConsoleDeadLetterFilter,
  items: DeadLetterRecord[],
  total: number,
): string {
  const rows = items.map(
    (r) =>
      html`<tr>
        <td>
          ${r.status === 'PARKED' ? html`<input type="checkbox" name="ids" value="${r.id}" aria-label="select ${r.id}" />` : ''}
        </td>
        <td>
          <a href="/console/dead-letters/${encodeURIComponent(r.id)}">${when(r.deadLetteredAt)}</a>
        </td>
        <td>${r.queue}</td>
        <td>${r.type ?? '—'}</td>
        <td><b>${r.errorType}</b><br />${r.errorMessage.slice(0, 200)}</td>
        <td>${r.attempts}</td>
        <td><span class="badge ${r.status}">${r.status}</span></td>
      </tr>`,
  );
  const body = html` <form class="filters" method="get" action="/console/dead-letters">
      <label>Queue<br /><input name="queue" value="${f.queue ?? ''}" /></label>
      <label>Type<br /><input name="type" value="${f.type ?? ''}" /></label>
      <label
        >Reason<br /><input
          name="reason"
          value="${f.reason ?? ''}"
          placeholder="error type or text"
      /></label>
      <label
        >Status<br /><select name="status">
          ${['', 'PARKED', 'REPLAYED'].map((s) => html`<option value="${s}" ${f.status === s ? 'selected' : ''}>${s || 'any'}</option>`)}
        </select></label
      ><button type="submit">Filter</button>
    </form>
    <p class="note">
      ${total} matching${total > items.length ? html` (showing ${items.length})` : ''}.
    </p>
    <form class="actions" data-post data-ids action="/console/dead-letters/replay">
      <input type="hidden" name="queue" value="${f.queue ?? ''}" /><input
        type="hidden"
        name="type"
        value="${f.type ?? ''}"
      />
      <input type="hidden" name="reason" value="${f.reason ?? ''}" />
      <button type="submit" name="scope" value="selected">Replay selected</button>
      <button type="submit" name="scope" value="all">Replay all parked matching</button>
      <span id="message" class="error"></span>
    </form>
    <table>
      <thead>
        <tr>
          <th></th>
          <th>Parked at (UTC)</th>
          <th>Queue</th>
          <th>Type</th>
          <th>Error</th>
          <th>Attempts</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        ${
          rows.length
            ? rows
            : html`<tr>
                <td colspan="7" class="note">Nothing parked matches.</td>
              </tr>`
        }
      </tbody>
    </table>`;
  return consolePage('Dead letters', body);
}
