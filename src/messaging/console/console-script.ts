/**
 * The console's only script, served from /console/console.js (the CSP forbids inline scripts).
 * The app parses JSON bodies only, so forms marked data-post are sent as JSON: named fields,
 * and checked `ids` boxes as a list. The answer's `location` is where to go next.
 */
export const CONSOLE_SCRIPT = `
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!form.hasAttribute('data-post')) return;
  event.preventDefault();
  if (form.dataset.confirm && !confirm(form.dataset.confirm)) return;
  const body = {};
  for (const [name, value] of new FormData(form)) {
    if (name === 'ids') (body.ids = body.ids || []).push(value);
    else body[name] = value;
  }
  const submitter = event.submitter;
  if (submitter && submitter.name) body[submitter.name] = submitter.value;
  if (form.dataset.ids) for (const box of document.querySelectorAll('input[name=ids]:checked'))
    (body.ids = body.ids || []).push(box.value);
  const res = await fetch(form.action, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => ({}));
  const out = form.querySelector('.error') || document.querySelector('#message');
  if (!res.ok) { if (out) out.textContent = answer.detail || answer.message || res.statusText; return; }
  location.href = answer.location || location.href;
});
`;
