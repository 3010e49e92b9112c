import { Html, html } from './html';

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2733;background:#f5f7fa}
header{background:#1d2733;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center}
header a{color:#cfe3ff;text-decoration:none}header strong{margin-right:1rem}
header form{margin-left:auto}main{padding:1rem 1.2rem;max-width:1200px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{padding:.35rem .5rem;border-bottom:1px solid #e3e8ef;text-align:left;vertical-align:top}
th{background:#eef2f7;font-weight:600}pre{background:#fff;border:1px solid #e3e8ef;padding:.6rem;overflow:auto;max-height:24rem}
.filters,.actions{display:flex;gap:.5rem;flex-wrap:wrap;margin:.6rem 0;align-items:end}
input,select,button{font:inherit;padding:.3rem .5rem}button{cursor:pointer;background:#2b6cb0;color:#fff;border:0;border-radius:3px}
button.danger{background:#c53030}.badge{padding:0 .4rem;border-radius:3px;background:#e2e8f0}
.PARKED,.bad{background:#fed7d7}.REPLAYED,.good{background:#c6f6d5}.note{color:#5a6b7d}.error{color:#c53030}
`;

/** The console's one page frame: navigation, one CSS block and the one small script. */
export function consolePage(
  title: string,
  body: Html,
  options: { signedIn?: boolean; refreshSeconds?: number } = {},
): string {
  const signedIn = options.signedIn ?? true;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title} · orderflow console</title>
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        ${options.refreshSeconds ? html`<meta http-equiv="refresh" content="${options.refreshSeconds}" />` : ''}
        <style>
          ${new Html(CSS)}
        </style>
        <script src="/console/console.js" defer></script>
      </head>
      <body>
        <header>
          <strong>orderflow console</strong> ${
            signedIn
              ? html`<a href="/console/dead-letters">Dead letters</a
                  ><a href="/console/orders">Find an order</a>
                  <a href="/console/broker">Broker</a>
                  <form data-post action="/console/logout">
                    <button type="submit">Log out</button>
                  </form>`
              : ''
          }
        </header>
        <main>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`.value;
}
