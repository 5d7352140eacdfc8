import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditStore } from './audit-fixture.js';
import { REPO, runCli, TOUCHSTONE, tempDir } from './helpers/cli.js';

// The real `touchstone audit` binary in a real pseudo-terminal: tmux (CI installs it with apt).
const tmp = tempDir('touchstone-tui-');
const session = `ts-audit-${process.pid}`;
let db: string;

const tmux = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = (): string => tmux('capture-pane', '-p', '-t', session);
// One key at a time, each once the screen has answered the one before (as a person types): on a
// busy machine keys sent together can reach Ink in one read. The wait ends at the first change.
const keys = async (...k: string[]): Promise<void> => {
  for (const key of k) {
    const before = screen();
    tmux('send-keys', '-t', session, key);
    const deadline = Date.now() + 30_000;
    while (screen() === before && Date.now() < deadline) await sleep(30);
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// SGR colour parameters (30–38, 40–48, 90–97, 100–107) as tmux's capture-pane -e shows them; 39/49 only reset to the default.
// eslint-disable-next-line no-control-regex
const COLOUR = /\u001b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

// Deadlines only catch a hang (CI is a busy 2-core box); a screen that is ready returns at once.
async function until(test: (s: string) => boolean, what: string, ms = 240_000): Promise<string> {
  const deadline = Date.now() + ms;
  let last = '';
  while (Date.now() < deadline) {
    last = screen();
    if (test(last)) return last;
    await sleep(100);
  }
  throw new Error(`the screen never showed ${what}; it showed:\n${last}`);
}

beforeAll(async () => {
  db = await buildAuditStore(tmp.dir);
});
afterAll(() => {
  try {
    tmux('kill-session', '-t', session);
  } catch {
    // already ended with the program
  }
  tmp.cleanup();
});

describe('touchstone audit in a pseudo-terminal (tmux, 80×24)', () => {
  it('navigates to a labeler, searches an item, and quits with exit code 0', async () => {
    const status = join(tmp.dir, 'exit-status');
    // The wrapper records the exit status; CI is unset because a person's terminal is not CI (Ink would not redraw).
    const command = `env -u CI -u CONTINUOUS_INTEGRATION -u FORCE_COLOR -u NO_COLOR TERM=xterm-256color ${process.execPath} ${TOUCHSTONE} --db ${db} audit --gold g; echo $? > ${status}; sleep 5`;
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', REPO, command);

    let s = await until((x) => x.includes('Gold set') && x.includes('[1 Overview]'), 'the Overview');
    expect(s).toContain('60 items · 184 labels (1 superseded) · 6 labelers');
    s = await until((x) => x.includes('✓ intact'), 'the integrity check');
    expect(s.split('\n').every((line) => [...line].length <= 80)).toBe(true);
    expect(tmux('capture-pane', '-p', '-e', '-t', session)).toMatch(COLOUR);

    await keys('Tab');
    await until((x) => x.includes('sorted by labels'), 'the Labelers table');
    await keys('s', 's', 's', 's');
    await until((x) => x.includes('sorted by labeler ↓'), 'the table sorted by labeler');
    await keys('r');
    s = await until((x) => x.includes('sorted by labeler ↑'), 'the table sorted by labeler, ascending');
    expect(s).toContain('mallory');
    expect(s).not.toContain('52;c;');
    // Find dan's row in the sorted table and move the cursor there with j.
    const rows = s.split('\n').filter((l) => /^[› ] \S/.test(l) && !l.includes('labeler'));
    const dan = rows.findIndex((l) => l.slice(2).startsWith('dan '));
    expect(dan).toBeGreaterThanOrEqual(0);
    await keys(...Array.from({ length: dan }, () => 'j'), 'Enter');
    s = await until((x) => x.includes('Labelers › dan') && x.includes('Leniency by slice'), "dan's drill-in");
    expect(s).toMatch(/refunds\s+15\s+\+0\.\d\d \[\+/);
    // skew's flags arrive from a worker thread once its computation is done.
    await until((x) => x.includes('dan lenient on refunds'), "skew's flag for dan");

    await keys('Escape');
    await until((x) => x.includes('sorted by labeler ↑'), 'the table again');
    await keys('5');
    await until((x) => x.includes('items match'), 'the Items screen');
    await keys('/', 'o', 'r', 'd', 'e', 'r', ' ', '5', '0', '1', '2');
    s = await until((x) => x.includes('/ order 5012') && x.includes('1 items match'), 'one search hit');
    await keys('Enter', 'Enter');
    s = await until((x) => x.includes('Items › item-012') && x.includes('Label history'), 'the item with its label history');
    expect(s).toMatch(/batch #1 labels\.jsonl \(jsonl\) imported by e2e-bot/);

    tmux('send-keys', '-t', session, 'q');
    const deadline = Date.now() + 120_000;
    while (!existsSync(status) && Date.now() < deadline) await sleep(100);
    expect(readFileSync(status, 'utf8').trim()).toBe('0');
  });

  it('draws no colour under NO_COLOR', async () => {
    const name = `${session}-nc`;
    tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', `env -u CI -u CONTINUOUS_INTEGRATION -u FORCE_COLOR NO_COLOR=1 TERM=xterm-256color ${process.execPath} ${TOUCHSTONE} --db ${db} audit --gold g; sleep 5`);
    try {
      const deadline = Date.now() + 240_000;
      let s = '';
      while (!s.includes('✓ intact') && Date.now() < deadline) {
        await sleep(100);
        s = tmux('capture-pane', '-p', '-e', '-t', name);
      }
      expect(s).toContain('✓ intact');
      expect(s).not.toMatch(COLOUR);
      tmux('send-keys', '-t', name, 'q');
    } finally {
      await sleep(300);
      try {
        tmux('kill-session', '-t', name);
      } catch {
        // ended
      }
    }
  });

  it('prints a static summary pointing to --json when stdout is not a terminal, and one JSON document with --json', async () => {
    const text = await runCli(['--db', db, 'audit', '--gold', 'g']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('This is a static summary (no interactive terminal)');
    expect(text.stdout).toContain('touchstone audit --gold g --json');
    expect(text.stdout).toContain('mallory');
    expect(text.stdout).not.toContain('\u001b');
    const json = await runCli(['--db', db, 'audit', '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { gold_set: string; verify: { intact: boolean }; skew: { available: boolean }; judge: { available: boolean }; drift: { available: boolean; command: string } };
    expect([doc.gold_set, doc.verify.intact, doc.skew.available, doc.judge.available, doc.drift.available]).toEqual(['g', true, true, true, false]);
    expect(doc.drift.command).toBe('touchstone drift-check --gold g');
  });
});
