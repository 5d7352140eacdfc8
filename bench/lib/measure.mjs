import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

/** How peak RSS is measured on this machine: GNU time, a Python rusage wrapper, or not at all. */
export const RSS_METHOD = existsSync(GNU_TIME) ? 'GNU time -v (max RSS of the child and its waited-for descendants)' : 'python3 resource.getrusage(RUSAGE_CHILDREN)';

/**
 * Runs `cmd args` as a child process and measures it: wall seconds (parent's monotonic clock, spawn to
 * exit), CPU seconds (user + system of the child and its descendants, all threads: steadier than
 * wall time on a shared machine) and peak resident set size in MB (MiB). Rejects when the command
 * exits non-zero (with its stderr), so a failed run is never reported as a fast one.
 * @returns {Promise<{ seconds: number, cpu_seconds: number | null, peak_rss_mb: number | null, stdout: string, stderr: string }>}
 */
export async function measure(cmd, args, { cwd, env, allowExit = [0] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'touchstone-bench-'));
  const report = join(dir, 'rusage.txt');
  const wrapped = existsSync(GNU_TIME)
    ? [GNU_TIME, ['-v', '-o', report, cmd, ...args]]
    : ['python3', ['-c', RUSAGE_WRAPPER, report, cmd, ...args]];
  try {
    const started = process.hrtime.bigint();
    const { code, stdout, stderr } = await run(wrapped[0], wrapped[1], { cwd, env: { ...process.env, ...env } });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!allowExit.includes(code)) {
      throw new Error(`${cmd} ${args.join(' ')} exited ${code}\n${stderr.slice(-4000)}`);
    }
    return { seconds, ...readRusage(report), stdout, stderr, code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const RUSAGE_WRAPPER = `import resource, subprocess, sys
r = subprocess.run(sys.argv[2:])
u = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], 'w').write('User time (seconds): %f\\nSystem time (seconds): %f\\nMaximum resident set size (kbytes): %d\\n' % (u.ru_utime, u.ru_stime, u.ru_maxrss))
sys.exit(r.returncode)`;

function readRusage(report) {
  const text = existsSync(report) ? readFileSync(report, 'utf8') : '';
  const num = (re) => {
    const m = re.exec(text);
    return m === null ? null : Number(m[1]);
  };
  const user = num(/User time \(seconds\): ([\d.]+)/);
  const system = num(/System time \(seconds\): ([\d.]+)/);
  const rss = num(/Maximum resident set size \(kbytes\): (\d+)/);
  return { cpu_seconds: user === null || system === null ? null : user + system, peak_rss_mb: rss === null ? null : rss / 1024 };
}

function run(cmd, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
}

/**
 * Runs every entry of `runs` ({ label, go: () => measure(…) }) `rounds` times, interleaved (a, b, c, a, b,
 * c …) so that load on a shared machine falls on all of them alike. Per entry it keeps the fastest wall
 * time and that run's stdout, the least CPU time and the largest peak RSS. `check(run, m)` validates
 * each measurement (for instance, that everything was stored) and throws when it is wrong.
 */
export async function interleavedBest(runs, rounds, check = () => {}) {
  const best = runs.map(() => ({ seconds: Infinity, cpu_s: null, peak_rss_mb: null, stdout: '' }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, r] of runs.entries()) {
      const m = await r.go();
      check(r, m);
      const b = best[i];
      if (m.seconds < b.seconds) {
        b.seconds = m.seconds;
        b.stdout = m.stdout;
      }
      if (m.cpu_seconds !== null) b.cpu_s = Math.min(b.cpu_s ?? Infinity, m.cpu_seconds);
      if (m.peak_rss_mb !== null) b.peak_rss_mb = Math.max(b.peak_rss_mb ?? 0, m.peak_rss_mb);
    }
  }
  return best;
}
