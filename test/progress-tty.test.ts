import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, TOUCHSTONE, tempDir } from './helpers/cli.js';

// Long statistics draw a spinner on stderr when it is a terminal (a real pseudo-terminal: tmux, which CI
// installs with apt), and nothing under --json. tmux's pipe-pane records every byte the program writes to
// the terminal, including spinner frames that the final clear erases from the screen.
const tmp = tempDir('touchstone-progress-');
const session = `ts-progress-${process.pid}`;
const db = join(tmp.dir, 'store.duckdb');
const tmux = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  // 10,000 items × 3–4 labels: skew takes a second or two, long enough for the spinner's first frame (100 ms).
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    for (const l of ['a', 'b', 'c', 'd'].slice(0, 3 + (i % 2))) {
      lines.push(JSON.stringify({ item_id: `i${i}`, labeler_id: `${l}${i % 7}`, label: 1 + ((i * 7 + l.charCodeAt(0)) % 5), labeled_at: `2026-01-0${1 + (i % 9)}T10:00:00Z`, slice: `s${i % 5}` }));
    }
  }
  writeFileSync(join(tmp.dir, 'labels.jsonl'), `${lines.join('\n')}\n`);
  expect((await runCli(['--db', db, 'ingest', 'labels', join(tmp.dir, 'labels.jsonl'), '--gold', 'g', '--scale', 'ordinal:1-5'])).code).toBe(0);
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '10', '-c', REPO, 'sh');
});
afterAll(() => {
  try {
    tmux('kill-session', '-t', session);
  } catch {
    // already gone
  }
  tmp.cleanup();
});

/** Runs `args` in the terminal with stdout to a file; returns every byte written to the terminal (stderr) and the exit status. */
async function inTerminal(name: string, args: readonly string[]): Promise<{ terminal: string; stdout: string; status: number }> {
  const log = join(tmp.dir, `${name}.pane`);
  const out = join(tmp.dir, `${name}.out`);
  const done = join(tmp.dir, `${name}.status`);
  tmux('pipe-pane', '-t', session, `cat > ${log}`);
  // CI is unset: a person's terminal is not CI (CI silences progress).
  tmux('send-keys', '-t', session, `env -u CI -u CONTINUOUS_INTEGRATION TERM=xterm-256color ${process.execPath} ${TOUCHSTONE} --db ${db} ${args.join(' ')} > ${out}; echo $? > ${done}`, 'Enter');
  const deadline = Date.now() + 240_000;
  while (!existsSync(done) || readFileSync(done, 'utf8').trim() === '') {
    if (Date.now() > deadline) throw new Error(`${args.join(' ')} did not finish`);
    await sleep(100);
  }
  await sleep(200);
  tmux('pipe-pane', '-t', session);
  return { terminal: readFileSync(log, 'utf8'), stdout: readFileSync(out, 'utf8'), status: Number(readFileSync(done, 'utf8').trim()) };
}

describe('progress on a terminal for long statistics (touchstone skew)', () => {
  it('draws a spinner labelled with the command on stderr, then clears it; the report itself goes to stdout', async () => {
    const r = await inTerminal('skew', ['skew', '--gold', 'g']);
    expect([0, 1]).toContain(r.status);
    // A frame: carriage return, erase line, spinner glyph, the command's name and the elapsed time.
    // eslint-disable-next-line no-control-regex
    expect(r.terminal).toMatch(/\r\u001b\[2K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] skew .*\d+(\.\d)?s/);
    // The last thing about the spinner is its clear: nothing is left on the line.
    expect(r.terminal.slice(r.terminal.lastIndexOf('skew ')).includes('\r\u001b[2K')).toBe(true);
    expect(r.stdout).toMatch(/alpha/i);
    expect(r.stdout).not.toContain('\u001b[2K');
  });

  it('stays silent under --json', async () => {
    const r = await inTerminal('skew-json', ['skew', '--gold', 'g', '--json']);
    expect([0, 1]).toContain(r.status);
    expect(r.terminal).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] skew/);
    expect(JSON.parse(r.stdout)).toHaveProperty('agreement');
  });
});

describe('progress on a terminal for an ingest', () => {
  it('names the phase and counts records on stderr, then clears the line; silent under --json', async () => {
    const file = join(tmp.dir, 'labels.jsonl');
    const r = await inTerminal('ingest', ['ingest', 'labels', file, '--gold', 'h', '--scale', 'ordinal:1-5']);
    expect(r.status).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(r.terminal).toMatch(/\r\u001b\[2K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] ingest labels: (staging|waiting for the store|checking duplicates|storing and hashing|sealing the batch)/);
    expect(r.terminal.slice(r.terminal.lastIndexOf('ingest labels: ')).includes('\r\u001b[2K')).toBe(true);
    expect(r.stdout).not.toContain('\u001b[2K');
    const quiet = await inTerminal('ingest-json', ['ingest', 'labels', file, '--gold', 'k', '--scale', 'ordinal:1-5', '--json']);
    expect(quiet.status).toBe(0);
    expect(quiet.terminal).not.toMatch(/ingest labels: /);
    expect(JSON.parse(quiet.stdout)).toHaveProperty('inserted', 35_000);
  }, 120_000);
});
