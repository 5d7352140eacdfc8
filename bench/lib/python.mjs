import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BENCH } from './paths.mjs';

const REQUIREMENTS = join(BENCH, 'peers/requirements.txt');

/**
 * Checks that python3 can import `modules`; if not, installs bench/peers/requirements.txt once with
 * pip (which this machine points at its local wheel store). Returns null when ready, else the reason
 * the Python peers must be skipped.
 */
export function ensurePython(modules) {
  const probe = () => spawnSync('python3', ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8' });
  let p = probe();
  if (p.error !== undefined) return `python3 not found (${p.error.message})`;
  if (p.status === 0) return null;
  process.stderr.write(`bench: installing Python peer requirements (${REQUIREMENTS})…\n`);
  const pip = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', '-r', REQUIREMENTS], { encoding: 'utf8' });
  p = probe();
  if (p.status === 0) return null;
  return `python3 cannot import ${modules.join(', ')} (pip: ${(pip.stderr || pip.stdout || '').trim().split('\n').at(-1) ?? 'failed'})`;
}

/** `python3 -c "import m; print(m.__version__)"` for each module, for the results' machine section. */
export function pythonVersions(modules) {
  const code = `import sys, importlib\nprint('python ' + sys.version.split()[0])\nfor m in ${JSON.stringify(modules)}:\n  try: print(m + ' ' + importlib.import_module(m).__version__)\n  except Exception: pass`;
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split('\n') : [];
}
