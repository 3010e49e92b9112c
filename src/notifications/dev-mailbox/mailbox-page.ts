import { CapturedMail } from './captured-mail';

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f3f4f6;color:#1f2937}
header{background:#1e3a8a;color:#fff;padding:12px 20px;font-weight:700}header a{color:#fff}
main{max-width:1000px;margin:0 auto;padding:16px}table{width:100%;border-collapse:collapse;background:#fff}
td,th{padding:8px 10px;border-bottom:1px solid #e5e7eb;text-align:left;font-size:14px}
th{color:#6b7280;font-size:12px;text-transform:uppercase}a{color:#1e3a8a}
iframe{width:100%;height:70vh;border:1px solid #d1d5db;background:#fff}
pre{white-space:pre-wrap;background:#fff;padding:12px;border:1px solid #d1d5db}dt{font-weight:600}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>${STYLE}</style></head><body><header><a href="/dev/mailbox">Dev mailbox</a></header>
<main>${body}</main></body></html>`;
}

/** The inbox: newest first, each row opening the mail. */
export function mailboxPage(mails: CapturedMail[]): string {
  const rows = mails
    .map(
      (m) => `<tr><td>${escape(m.receivedAt.toISOString().replace('T', ' ').slice(0, 19))}</td>
<td>${escape(m.to)}</td><td><a href="/dev/mailbox/${m.id}">${escape(m.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('');
  const table = mails.length
    ? `<table><tr><th>Received (UTC)</th><th>To</th><th>Subject</th></tr>${rows}</table>`
    : '<p>No mail yet. Place an order and its email shows up here.</p>';
  return page(
    `Dev mailbox (${mails.length})`,
    `<h1>Inbox (${mails.length})</h1>
<p>Every email the app sent to the embedded SMTP catcher. JSON: send <code>Accept: application/json</code>.</p>${table}`,
  );
}

/** One mail: its headers, the HTML part rendered in a sandboxed frame, and the text part. */
export function mailPage(m: CapturedMail): string {
  return page(
    m.subject,
    `<h1>${escape(m.subject)}</h1><dl><dt>From</dt><dd>${escape(m.from)}</dd>
<dt>To</dt><dd>${escape(m.to)}</dd><dt>Received</dt><dd>${escape(m.receivedAt.toISOString())}</dd></dl>
<iframe sandbox title="HTML part" src="/dev/mailbox/${m.id}/html"></iframe>
<h2>Plain-text part</h2><pre>${escape(m.text ?? '')}</pre>`,
  );
}
