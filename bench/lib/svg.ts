/** A hand-written SVG line chart: latency percentiles (log scale) against offered rate. */
export interface Series {
  name: string;
  color: string;
  dashed?: boolean;
  /** y null = the percentile was never reached (orders unfinished): drawn as a hollow marker
   *  on the top edge. */
  points: Array<{ x: number; y: number | null }>;
}

export interface ChartOptions {
  title: string;
  subtitle?: string[];
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Horizontal reference line, e.g. a latency target. */
  target?: { y: number; label: string };
  /** Vertical reference line, e.g. the rate the target applies at. */
  marker?: { x: number; label: string };
}

const W = 820;
const H = 500;
const M = { left: 78, right: 190, top: 78, bottom: 62 };

function esc(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  );
}

function niceMax(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

export function lineChart(o: ChartOptions): string {
  const ys = o.series
    .flatMap((s) => s.points.map((p) => p.y))
    .filter((y): y is number => y !== null && y > 0);
  if (o.target) ys.push(o.target.y);
  const xs = o.series.flatMap((s) => s.points.map((p) => p.x));
  if (o.marker) xs.push(o.marker.x);
  const yMin = 10 ** Math.floor(Math.log10(Math.max(1, Math.min(...ys, 10))));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...ys, yMin * 10) * 1.05));
  const xMax = niceMax(Math.max(...xs, 1) * 1.05);
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const X = (x: number) => M.left + (x / xMax) * pw;
  const Y = (y: number) =>
    M.top + ph - ((Math.log10(y) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * ph;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${M.left}" y="26" font-size="16" font-weight="bold">${esc(o.title)}</text>`,
  );
  (o.subtitle ?? []).forEach((line, i) =>
    out.push(
      `<text x="${M.left}" y="${44 + i * 14}" fill="#555" font-size="11">${esc(line)}</text>`,
    ),
  );
  // Grid and y ticks (1, 2, 5 per decade).
  for (let d = yMin; d < yMax * 1.001; d *= 10) {
    for (const m of [1, 2, 5]) {
      const v = d * m;
      if (v > yMax * 1.001) break;
      const y = Y(v);
      out.push(
        `<line x1="${M.left}" y1="${y.toFixed(1)}" x2="${M.left + pw}" y2="${y.toFixed(1)}" stroke="${m === 1 ? '#d0d0d0' : '#eeeeee'}"/>`,
        `<text x="${M.left - 8}" y="${(y + 4).toFixed(1)}" text-anchor="end" fill="#333">${v >= 1000 ? `${v / 1000} s` : `${v} ms`}</text>`,
      );
    }
  }
  const xStep = niceMax(xMax / 8);
  for (let v = 0; v <= xMax + 1e-9; v += xStep) {
    const x = X(v);
    out.push(
      `<line x1="${x.toFixed(1)}" y1="${M.top}" x2="${x.toFixed(1)}" y2="${M.top + ph}" stroke="#eeeeee"/>`,
      `<text x="${x.toFixed(1)}" y="${M.top + ph + 18}" text-anchor="middle" fill="#333">${v}</text>`,
    );
  }
  out.push(
    `<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`,
    `<text x="${M.left + pw / 2}" y="${H - 18}" text-anchor="middle">${esc(o.xLabel)}</text>`,
    `<text transform="translate(20 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`,
  );
  if (o.target) {
    const y = Y(o.target.y);
    out.push(
      `<line x1="${M.left}" y1="${y.toFixed(1)}" x2="${M.left + pw}" y2="${y.toFixed(1)}" stroke="#c62828" stroke-dasharray="6 4"/>`,
      `<text x="${M.left + pw - 4}" y="${(y - 6).toFixed(1)}" text-anchor="end" fill="#c62828">${esc(o.target.label)}</text>`,
    );
  }
  if (o.marker) {
    const x = X(o.marker.x);
    out.push(
      `<line x1="${x.toFixed(1)}" y1="${M.top}" x2="${x.toFixed(1)}" y2="${M.top + ph}" stroke="#c62828" stroke-dasharray="2 4"/>`,
      `<text x="${(x + 4).toFixed(1)}" y="${M.top + ph - 8}" fill="#c62828">${esc(o.marker.label)}</text>`,
    );
  }
  o.series.forEach((s, i) => {
    const dash = s.dashed ? ' stroke-dasharray="5 4"' : '';
    const reached = s.points.filter((p) => p.y !== null && p.y > 0) as Array<{
      x: number;
      y: number;
    }>;
    if (reached.length > 1)
      out.push(
        `<polyline fill="none" stroke="${s.color}" stroke-width="2"${dash} points="${reached.map((p) => `${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}`).join(' ')}"/>`,
      );
    for (const p of s.points) {
      if (p.y !== null && p.y > 0)
        out.push(
          `<circle cx="${X(p.x).toFixed(1)}" cy="${Y(p.y).toFixed(1)}" r="3.5" fill="${s.color}"/>`,
        );
      else
        out.push(
          `<circle cx="${X(p.x).toFixed(1)}" cy="${M.top + 6}" r="4" fill="#fff" stroke="${s.color}" stroke-width="2"/>`,
        );
    }
    const ly = M.top + 10 + i * 20;
    const lx = M.left + pw + 16;
    out.push(
      `<line x1="${lx}" y1="${ly}" x2="${lx + 24}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`,
      `<text x="${lx + 30}" y="${ly + 4}">${esc(s.name)}</text>`,
    );
  });
  const ly = M.top + 10 + o.series.length * 20 + 8;
  out.push(
    `<circle cx="${M.left + pw + 28}" cy="${ly}" r="4" fill="#fff" stroke="#555" stroke-width="2"/>`,
    `<text x="${M.left + pw + 46}" y="${ly + 4}">not reached by</text>`,
    `<text x="${M.left + pw + 46}" y="${ly + 18}">the drain deadline</text>`,
    '</svg>',
  );
  return out.join('\n');
}
