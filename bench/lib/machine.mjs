import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { DuckDBInstance } from '@duckdb/node-api';
import { RSS_METHOD } from './measure.mjs';
import { REPO } from './paths.mjs';
import { pythonVersions } from './python.mjs';

const require = createRequire(import.meta.url);

/** What the figures were measured on: CPU, cores, RAM, OS, Node, DuckDB, Python peers, and the load. */
export async function describeMachine() {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const duckdb = (await con.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0]?.v ?? 'unknown';
  con.closeSync();
  instance.closeSync();
  return {
    date: new Date().toISOString(),
    commit: gitCommit(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    ram_gib: Number((totalmem() / 2 ** 30).toFixed(1)),
    os: `${process.platform} ${release()}`,
    node: process.version,
    duckdb: `${duckdb} (@duckdb/node-api ${packageVersion('@duckdb/node-api')})`,
    python: pythonVersions(['pandas', 'duckdb', 'numpy', 'scipy', 'sklearn', 'statsmodels']),
    rss_method: RSS_METHOD,
    load_average_at_start: loadavg().map((x) => Number(x.toFixed(2))),
  };
}

/** The measured code: HEAD's short hash, marked when tracked files differ from it. */
function gitCommit() {
  const head = spawnSync('git', ['-C', REPO, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  if (head.status !== 0) return 'unknown (not a git checkout)';
  const dirty = spawnSync('git', ['-C', REPO, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? ' with uncommitted changes' : ''}`;
}

function packageVersion(name) {
  try {
    const pkg = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8'));
    return pkg.version;
  } catch {
    return 'unknown';
  }
}
