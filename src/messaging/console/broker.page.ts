import { consolePage } from './console-layout';
import { html } from './html';
import { QueueStats } from './queue-stats.reader';

export interface BrokerView {
  connected: boolean;
  queues: QueueStats[];
  consumedHere: string[];
  outboxPending: number;
  outboxOldest?: Date;
}

export function brokerPage(v: BrokerView, now: Date): string {
  const age = v.outboxOldest
    ? `${((now.getTime() - v.outboxOldest.getTime()) / 1000).toFixed(1)} s`
    : '—';
  const rows = v.queues.map(
    (q) =>
      html`<tr>
        <td>${q.queue}</td>
        <td>${q.messages ?? '—'}</td>
        <td class="${q.consumers === 0 && v.consumedHere.includes(q.queue) ? 'bad' : ''}">
          ${q.consumers ?? '—'}
        </td>
        <td>${v.consumedHere.includes(q.queue) ? 'yes' : ''}</td>
        <td class="error">${q.error ?? ''}</td>
      </tr>`,
  );
  const body = html` <p>
      Broker:
      <span class="badge ${v.connected ? 'good' : 'bad'}"
        >${v.connected ? 'connected' : 'not connected'}</span
      >
      · Outbox: ${v.outboxPending} pending, oldest ${age}
    </p>
    <p class="note">
      The queues this process declared, read by passive declare (depth and consumers across all
      processes). In split mode, each process lists the queues of the modules it runs.
    </p>
    <table>
      <thead>
        <tr>
          <th>Queue</th>
          <th>Messages</th>
          <th>Consumers</th>
          <th>Consumed here</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>`;
  return consolePage('Broker', body);
}
