// Workload (issue 6): the interactive audit. Targets: the first screen (the Overview with the gold
// set's provenance) within 1 s on the demo data, measured on the real binary in a real pseudo-terminal
// (tmux, 80×24); a keypress answered (the next frame drawn) within 100 ms on a 100,000-label gold
// set, measured in-process on the built UI with a terminal-like stdout, so the clock is exact.
import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { labelsFile } from '../gen/labels.mjs';
import { measure } from '../lib/measure.mjs';
import { REPO, TOUCHSTONE, outDir } from '../lib/paths.mjs';

const sleep = (ms) => delay(ms);
const now = () => Number(process.hrtime.bigint()) / 1e6;

export async function run({ quick }) {
  const scratch = outDir('scratch', 'audit');
  const rows = [];
  const notes = [];

  // 1. Time to first screen on the demo data (setup: `touchstone demo` once, not timed).
  const demoDb = join(scratch, 'demo.duckdb');
  if (!existsSync(demoDb)) await measure(process.execPath, [TOUCHSTONE, '--db', demoDb, 'demo', '--json']);
  if (hasTmux()) {
    // Anchor: the same CLI unbundled (tsc's dist/bin.js: ~1,500 modules, React in development mode), as it shipped before the bundle.
    const unbundled = join(scratch, 'unbundled-touchstone.mjs');
    writeFileSync(unbundled, `import { main } from ${JSON.stringify(pathToFileURL(join(REPO, 'packages/cli/dist/bin.js')).href)};\nprocess.exitCode = await main(process.argv.slice(2));\n`);
    const bins = [
      ['touchstone audit: first screen with provenance, demo data (tmux 80×24)', TOUCHSTONE],
      ['same, unbundled CLI (dist/bin.js, React development build)', unbundled],
    ];
    const runs = new Map(bins.map(([label]) => [label, []]));
    // Interleaved, so a busy moment on the machine falls on both.
    for (let i = 0; i < (quick ? 3 : 7); i += 1) for (const [label, bin] of bins) runs.get(label).push(await firstScreen(bin, demoDb));
    const med = (xs) => {
      const s = [...xs].sort((a, b) => a - b);
      return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
    };
    for (const [label] of bins) {
      const data = med(runs.get(label).map((r) => r.data));
      const frame = med(runs.get(label).map((r) => r.frame));
      rows.push({ label, seconds: data.median / 1000, peak_rss_mb: null, min_ms: Math.round(data.min), median_ms: Math.round(data.median), max_ms: Math.round(data.max), first_frame_median_ms: Math.round(frame.median) });
    }
    const shipped = med(runs.get(bins[0][0]).map((r) => r.data)).median;
    notes.push(`first screen: spawn of the real binary until the Overview shows the provenance line, polled with tmux capture-pane every 10 ms; median of ${runs.get(bins[0][0]).length}; target < 1000 ms — ${shipped < 1000 ? 'met' : 'MISSED'}`);
    notes.push('first_frame_median_ms: until the header shows. The audit holds its first frame up to 400 ms for the provenance (Ink\'s first render would otherwise stall the provenance queries), so on the demo the first frame is the first screen.');
  } else notes.push('first screen not measured: tmux is not installed (apt-get install tmux)');

  // 2. Keypress latency on a 100,000-label gold set (setup: ingest, not timed).
  const n = quick ? 20_000 : 100_000;
  const db = join(scratch, `labels-${n}.duckdb`);
  if (!existsSync(db)) {
    rmSync(`${db}.wal`, { force: true });
    await measure(process.execPath, [TOUCHSTONE, '--db', db, 'ingest', 'labels', labelsFile(n, 1).file, '--gold', 'bench', '--scale', 'ordinal:1-5', '--pass-threshold', '4', '--actor', 'bench', '--json']);
  }
  const lat = await keypressLatency(db, quick ? 20 : 60);
  for (const [what, ms] of Object.entries(lat)) {
    ms.sort((a, b) => a - b);
    const p = (q) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
    rows.push({ label: `keypress → next frame: ${what} (${n.toLocaleString('en-US')} labels)`, seconds: p(0.5) / 1000, peak_rss_mb: null, p50_ms: +p(0.5).toFixed(1), p95_ms: +p(0.95).toFixed(1), max_ms: +ms[ms.length - 1].toFixed(1), keys: ms.length });
  }
  const worst = Math.max(...Object.values(lat).map((ms) => ms[Math.min(ms.length - 1, Math.floor(0.95 * ms.length))]));
  notes.push(`keypress: from writing the key to stdin until Ink writes the next frame (the audit asks Ink for at most 60 frames/s, so up to ~17 ms of this is its frame throttle); target p95 < 100 ms — ${worst < 100 ? 'met' : 'MISSED'} (worst p95 ${worst.toFixed(1)} ms)`);
  notes.push('keypress rows run the UI in-process from tsc\'s dist/ with React\'s development build; the shipped binary is the production build, so these are upper bounds.');
  notes.push('Search results arrive after a 120 ms debounce plus the store query; the typed character itself is echoed at once (the "type in search" row).');
  return { name: 'interactive audit: time to first screen and keypress latency', rows, notes };
}

function hasTmux() {
  try {
    execFileSync('tmux', ['-V']);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds from starting `touchstone audit` in a fresh 80×24 tmux session until its first frame, and until its Overview shows provenance. */
async function firstScreen(bin, db) {
  const session = `bench-audit-${process.pid}`;
  const started = now();
  execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '80', '-y', '24', `env -u CI ${process.execPath} ${bin} --db ${db} audit; sleep 5`]);
  try {
    let frame;
    for (;;) {
      const screen = execFileSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' });
      if (frame === undefined && screen.includes('Overview')) frame = now() - started;
      if (/Gold set\s+[\d,]+ items/.test(screen)) return { frame: frame ?? now() - started, data: now() - started };
      if (now() - started > 30_000) throw new Error(`no first screen after 30 s:\n${screen}`);
      await sleep(10);
    }
  } finally {
    execFileSync('tmux', ['send-keys', '-t', session, 'q']);
    await sleep(200);
    try {
      execFileSync('tmux', ['kill-session', '-t', session]);
    } catch {
      // ended
    }
  }
}

/** A stdout Ink treats as an 80×24 terminal; resolves waiters on every frame written. */
class FakeStdout extends EventEmitter {
  columns = 80;
  rows = 24;
  isTTY = true;
  frames = 0;
  last = '';
  waiters = [];
  write(chunk) {
    const text = String(chunk);
    // Synchronized-output markers (ESC [?2026h / l) come as their own writes; a frame is the write between them.
    if (text.length <= 16) return true;
    this.frames += 1;
    this.last = text;
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve(now());
    return true;
  }
  nextFrame() {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** A stdin Ink reads keys from (the readable/read protocol Ink uses), in raw mode. */
class FakeStdin extends EventEmitter {
  isTTY = true;
  data = null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read() {
    const d = this.data;
    this.data = null;
    return d;
  }
  press(key) {
    this.data = key;
    this.emit('readable');
    this.emit('data', key);
  }
}

async function keypressLatency(db, presses) {
  const dist = (p) => import(pathToFileURL(join(REPO, 'packages/cli/dist', p)).href);
  const { Store } = await import('@touchstone/core');
  const React = await import('react');
  const { render } = await import('ink');
  const { App } = await dist('ui/App.js');
  const { AuditContext } = await dist('ui/audit-context.js');
  const { createAuditSource } = await dist('ui/data/audit-source.js');
  const { computePool } = await dist('ui/compute/compute-pool.js');
  const { createResourceCache } = await dist('ui/resource-cache.js');
  const { themeFromEnv } = await dist('ui/theme.js');
  const store = await Store.open(db, { readOnly: true });
  const pool = computePool();
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  // As `touchstone audit` sets it up (commands/audit.ts), statistics in child processes.
  const source = await createAuditSource(store, { goldSet: 'bench', compute: pool.run, sanitize: true, computeAfterFirstScreenMs: 1500 });
  const env = { source, cache: createResourceCache(), theme: themeFromEnv({}) };
  const app = render(React.createElement(AuditContext.Provider, { value: env }, React.createElement(App)), { stdout, stdin, stderr: stdout, exitOnCtrlC: false, patchConsole: false, maxFps: 60 });
  const until = async (test, ms = 120_000) => {
    const deadline = now() + ms;
    while (!test(stdout.last)) {
      if (now() > deadline) throw new Error(`audit never showed the expected screen:\n${stdout.last}`);
      await sleep(20);
    }
    await sleep(300);
  };
  const timeKey = async (key) => {
    // Keys arrive as their own I/O events, at most at a fast key-repeat rate (about 30 per second).
    await sleep(30);
    const frame = stdout.nextFrame();
    const t0 = now();
    stdin.press(key);
    const t1 = await Promise.race([frame, sleep(2000).then(() => Infinity)]);
    if (t1 === Infinity) process.stderr.write(`audit bench: no frame within 2 s after ${JSON.stringify(key)}; screen:\n${stdout.last}\n`);
    return t1 - t0;
  };
  const out = { 'move in the labelers table': [], 'switch screens (Tab)': [], 'move in the items list': [], 'type in search': [], 'open and close a labeler': [] };
  try {
    await until((f) => f.includes('Gold set'));
    await timeKey('2');
    await until((f) => f.includes('sorted by'));
    for (let i = 0; i < presses; i += 1) out['move in the labelers table'].push(await timeKey(i % 20 < 10 ? 'j' : 'k'));
    for (let i = 0; i < Math.min(presses, 20); i += 1) out['open and close a labeler'].push(await timeKey(i % 2 === 0 ? '\r' : '\u001b'));
    await timeKey('5');
    await until((f) => f.includes('items match'));
    for (let i = 0; i < presses; i += 1) out['move in the items list'].push(await timeKey(i % 20 < 10 ? 'j' : 'k'));
    await timeKey('/');
    for (let i = 0; i < Math.min(presses, 30); i += 1) out['type in search'].push(await timeKey(i % 2 === 0 ? '1' : '\u007f'));
    await timeKey('\u001b');
    for (let i = 0; i < Math.min(presses, 20); i += 1) out['switch screens (Tab)'].push(await timeKey('\t'));
  } finally {
    app.unmount();
    pool.stop();
    store.close();
  }
  return out;
}
