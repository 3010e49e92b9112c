import { consolePage } from './console-layout';
import { ReplayJob } from './console-replay.jobs';
import { html } from './html';

/** Progress of a bulk replay; reloads itself each second until the job is done. */
export function replayJobPage(job: ReplayJob): string {
  const handled = job.replayed + job.failed;
  const body = html` <p>
      <progress max="${job.total || 1}" value="${job.total ? handled : 1}"></progress>
      <span id="progress"
        >${handled} of ${job.total} handled: ${job.replayed} replayed, ${job.failed} failed</span
      >
      <span class="badge ${job.done ? 'good' : ''}">${job.done ? 'done' : 'running'}</span>
    </p>
    ${job.errors.length ? html`<pre class="error">${job.errors.join('\n')}</pre>` : ''}
    <p><a href="/console/dead-letters">Back to the dead letters</a></p>`;
  return consolePage('Replay', body, { refreshSeconds: job.done ? undefined : 1 });
}
