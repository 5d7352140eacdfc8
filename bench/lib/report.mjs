/**
 * Formatting of workload results. Convention: the first row of a workload is the Touchstone run; the
 * other rows are its anchors (the physical limit, the Python peer). Ratios are Touchstone's figure
 * divided by each row's: "2.0×" time means Touchstone took twice as long as that anchor.
 */
export function ratio(a, b) {
  return a === null || b === null || b === undefined || !(b > 0) ? null : a / b;
}

const fmt = {
  s: (x) => (x === null || x === undefined ? '-' : x < 10 ? x.toFixed(2) : x.toFixed(1)),
  mb: (x) => (x === null || x === undefined ? '-' : x.toFixed(0)),
  r: (x) => (x === null ? '-' : `${x.toFixed(2)}×`),
};

const CORE_KEYS = new Set(['label', 'seconds', 'peak_rss_mb']);

function rowsWithRatios(result) {
  const first = result.rows[0];
  return result.rows.map((row) => ({
    ...row,
    time_ratio: ratio(first?.seconds ?? null, row.seconds),
    rss_ratio: ratio(first?.peak_rss_mb ?? null, row.peak_rss_mb),
  }));
}

function extras(row) {
  return Object.entries(row)
    .filter(([k]) => !CORE_KEYS.has(k) && k !== 'time_ratio' && k !== 'rss_ratio')
    .map(([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toPrecision(4)) : v}`)
    .join(' ');
}

/** A plain-text table for the terminal. */
export function textTable(result) {
  const head = ['run', 'wall s', 'peak RSS MB', 'ts ÷ time', 'ts ÷ RSS', 'details'];
  const body = rowsWithRatios(result).map((r) => [r.label, fmt.s(r.seconds), fmt.mb(r.peak_rss_mb), fmt.r(r.time_ratio), fmt.r(r.rss_ratio), extras(r)]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((r) => String(r[i]).length)));
  return [head, ...body].map((r) => r.map((c, i) => (i >= 1 && i <= 4 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}

/** A markdown table for RESULTS.md. */
export function markdownTable(result) {
  const lines = ['| run | wall s | peak RSS MB | Touchstone ÷ time | Touchstone ÷ RSS | details |', '| --- | ---: | ---: | ---: | ---: | --- |'];
  for (const r of rowsWithRatios(result)) {
    lines.push(`| ${r.label} | ${fmt.s(r.seconds)} | ${fmt.mb(r.peak_rss_mb)} | ${fmt.r(r.time_ratio)} | ${fmt.r(r.rss_ratio)} | ${extras(r).replaceAll('|', '\\|')} |`);
  }
  return lines.join('\n');
}

export function machineMarkdown(m) {
  return [
    `- date: ${m.date}; code: commit ${m.commit}`,
    `- CPU: ${m.cpu}, ${m.cores} cores; RAM ${m.ram_gib} GiB; ${m.os}`,
    `- Node ${m.node}; DuckDB ${m.duckdb}`,
    `- Python peers: ${m.python.length > 0 ? m.python.join(', ') : 'not available'}`,
    `- peak RSS measured with ${m.rss_method}`,
    `- load average at start (1/5/15 min): ${m.load_average_at_start.join(' / ')}${m.load_average_at_end ? `; at end: ${m.load_average_at_end.join(' / ')}` : ''}`,
  ].join('\n');
}
