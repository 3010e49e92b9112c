import { DeadLetterRecord } from '../dead-letters/dead-letter.record';
import { consolePage } from './console-layout';
import { html } from './html';

/** The body as received; pretty-printed when it is JSON, since most of ours are. */
function payload(r: DeadLetterRecord): string {
  const text = Buffer.from(r.bodyBase64, 'base64').toString('utf8');
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function deadLetterPage(r: DeadLetterRecord): string {
  const facts: Array<[string, unknown]> = [
    ['Status', r.status],
    ['Queue', r.queue],
    ['Type', r.type],
    ['Message id', r.messageId],
    ['Correlation id', r.correlationId],
    ['Consumer', r.consumer],
    ['Host', r.host],
    ['Sent to', `${r.originalExchange ?? '?'} / ${r.originalRoutingKey ?? '?'}`],
    ['Attempts', r.attempts],
    ['Permanent', r.permanent ? 'yes: retrying cannot help' : 'no'],
    ['First failed', r.firstFailedAt.toISOString()],
    ['Last failed', r.lastFailedAt.toISOString()],
    ['Parked', r.deadLetteredAt.toISOString()],
    ['Replays', `${r.replayCount}${r.replayedAt ? ` (last ${r.replayedAt.toISOString()})` : ''}`],
  ];
  const body = html` <table>
      ${facts.map(
        ([k, v]) =>
          html`<tr>
            <th>${k}</th>
            <td>${v ?? '—'}</td>
          </tr>`,
      )}
    </table>
    <div class="actions">
      ${r.status === 'PARKED' ? html`<form data-post action="/console/dead-letters/${encodeURIComponent(r.id)}/replay"><button type="submit">Replay</button></form>` : ''}
      <form
        data-post
        data-confirm="Delete this dead letter for good?"
        action="/console/dead-letters/${encodeURIComponent(r.id)}/delete"
      >
        <button class="danger" type="submit">Delete</button>
      </form>
      <span id="message" class="error"></span>
    </div>
    <h2>Error</h2>
    <p><b>${r.errorType}</b>: ${r.errorMessage}</p>
    ${r.errorStack ? html`<pre>${r.errorStack}</pre>` : ''}
    <h2>Payload</h2>
    <pre>${payload(r)}</pre>
    <h2>Headers</h2>
    <pre>${JSON.stringify(r.headers, null, 2)}</pre>`;
  return consolePage(`Dead letter ${r.id}`, body);
}
