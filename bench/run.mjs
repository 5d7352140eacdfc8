#!/usr/bin/env node
// The benchmark harness: `npm run bench [-- --quick] [-- --only ingest,skew]`. See bench/README.md.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine } from './lib/machine.mjs';
import { BENCH, REPO, outDir } from './lib/paths.mjs';
import { textTable } from './lib/report.mjs';
import { writeResults } from './lib/results-file.mjs';

let args;
try {
  args = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, help: { type: 'boolean', default: false } } }).values;
} catch (error) {
  process.stderr.write(`bench: ${error.message}\nusage: npm run bench [-- --quick] [-- --only NAME,NAME]\n`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write('usage: npm run bench [-- --quick] [-- --only NAME,NAME]\n  --quick  small sizes (about a minute); results go to bench/out/RESULTS-quick.md\n  --only   run only these workloads (file names in bench/workloads without .mjs)\n');
  process.exit(0);
}
if (!existsSync(join(REPO, 'packages/cli/dist/bundle/touchstone.js'))) {
  process.stderr.write('bench: the CLI is not built; run `npm run build` first (npm run bench builds it through turbo)\n');
  process.exit(2);
}
// Simulation tests and workloads use their full seed counts on a bench run (brief: bench/ sets it).
if (!args.quick) process.env.TOUCHSTONE_FULL_SIM = '1';

const wanted = args.only?.split(',').map((s) => s.trim()).filter(Boolean);
const files = readdirSync(join(BENCH, 'workloads'))
  .filter((f) => f.endsWith('.mjs'))
  .map((f) => f.slice(0, -4))
  .filter((name) => wanted === undefined || wanted.includes(name))
  .sort((a, b) => (a === 'ingest' ? -1 : b === 'ingest' ? 1 : a.localeCompare(b)));
for (const name of wanted ?? []) if (!files.includes(name)) process.stderr.write(`bench: no workload bench/workloads/${name}.mjs (skipped)\n`);

const machine = await describeMachine();
process.stdout.write(`bench (${args.quick ? 'quick' : 'full'}): ${files.length} workload(s) on ${machine.cpu}, ${machine.cores} cores, ${machine.ram_gib} GiB, Node ${machine.node}, DuckDB ${machine.duckdb}\n`);
process.stdout.write(`load average at start: ${machine.load_average_at_start.join(' / ')}\n\n`);

const entries = [];
const started = Date.now();
for (const file of files) {
  const t0 = Date.now();
  try {
    const mod = await import(pathToFileURL(join(BENCH, 'workloads', `${file}.mjs`)).href);
    if (typeof mod.run !== 'function') throw new Error(`bench/workloads/${file}.mjs exports no run({ quick }) function`);
    process.stdout.write(`== ${file} …\n`);
    const result = checkResult(file, await mod.run({ quick: args.quick }));
    const entry = { file, name: result.name, result, seconds: (Date.now() - t0) / 1000 };
    entries.push(entry);
    process.stdout.write(`== ${result.name} (${entry.seconds.toFixed(0)} s)\n${textTable(result)}\n${(result.notes ?? []).map((n) => `  - ${n}\n`).join('')}\n`);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    entries.push({ file, name: file, error: message, seconds: (Date.now() - t0) / 1000 });
    process.stdout.write(`== ${file} FAILED\n${message}\n\n`);
  }
}
machine.load_average_at_end = loadavg().map((x) => Number(x.toFixed(2)));

const results = args.quick ? join(outDir(), 'RESULTS-quick.md') : join(BENCH, 'RESULTS.md');
writeResults(results, machine, entries);
writeFileSync(join(outDir(), `results-${args.quick ? 'quick' : 'full'}.json`), `${JSON.stringify({ machine, entries }, null, 2)}\n`);
const failed = entries.filter((e) => e.error !== undefined).length;
process.stdout.write(`bench: ${entries.length - failed} workload(s) ran, ${failed} failed, in ${((Date.now() - started) / 1000).toFixed(0)} s; figures in ${results}\n`);
process.exitCode = failed > 0 ? 1 : 0;

/** Validates a workload's result against the contract: { name, rows: [{ label, seconds, peak_rss_mb, … }], notes? }. */
function checkResult(file, r) {
  const bad = (why) => new Error(`bench/workloads/${file}.mjs: run() must return { name, rows: [{ label, seconds, peak_rss_mb, … }], notes? }; ${why}`);
  if (r === null || typeof r !== 'object' || typeof r.name !== 'string') throw bad('no name');
  if (!Array.isArray(r.rows) || r.rows.length === 0) throw bad('no rows');
  for (const row of r.rows) {
    if (typeof row?.label !== 'string' || typeof row.seconds !== 'number') throw bad(`row ${JSON.stringify(row)} lacks label or seconds`);
    if (row.peak_rss_mb !== null && typeof row.peak_rss_mb !== 'number') throw bad(`row "${row.label}" has a non-numeric peak_rss_mb`);
  }
  if (r.notes !== undefined && !Array.isArray(r.notes)) throw bad('notes must be an array of strings');
  return r;
}
