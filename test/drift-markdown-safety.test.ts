import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

// Issue 12: `drift-check --markdown FILE` kept raw ANSI/OSC 8 bytes, unescaped `|` and HTML from
// slices and request texts. It must sanitize as stdout does (render/markdown-text.ts).
const tmp = tempDir('touchstone-drift-md-');
afterAll(() => tmp.cleanup());
const EVIL = 'refunds|<img src=x onerror=alert(1)>\u001b[31m\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007';
const lines = (rows: readonly object[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('drift-check --markdown with hostile slices and texts (real CLI)', () => {
  it('strips escape codes and escapes table cells and HTML outside code spans', async () => {
    const db = join(tmp.dir, 'store.duckdb');
    const labels = join(tmp.dir, 'labels.jsonl');
    writeFileSync(labels, lines(Array.from({ length: 40 }, (_, i) => ({ item_id: `g${i}`, labeler_id: 'ann', label: i % 2, labeled_at: '2026-01-01T00:00:00Z', input: `how do I change my plan ${i}`, slice: i % 2 === 1 ? EVIL : 'tone' }))));
    const traffic = join(tmp.dir, 'traffic.jsonl');
    writeFileSync(traffic, lines(Array.from({ length: 400 }, (_, i) => ({
      id: `t${i}`, timestamp: `2026-02-0${1 + (i % 7)}T10:00:00Z`, input: i % 2 === 1 ? `${EVIL} a new topic about crypto wallets ${i % 5}` : `how do I change my plan ${i}`,
      output: 'ok', judge_score: i % 2 === 1 ? 0 : 1, slice: i % 3 === 0 ? 'tone' : EVIL,
    }))));
    expect((await runCli(['--db', db, 'ingest', 'labels', labels, '--gold', 'g', '--scale', 'binary'])).code).toBe(0);
    expect((await runCli(['--db', db, 'ingest', 'traffic', traffic, '--no-redact-on-ingest'])).code).toBe(0);
    const md = join(tmp.dir, 'summary.md');
    const r = await runCli(['--db', db, 'drift-check', '--gold', 'g', '--window', '7d', '--now', '2026-02-08T00:00:00Z', '--markdown', md], { cwd: tmp.dir });
    expect([0, 1], r.stderr).toContain(r.code);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('refunds\\|\\<img src=x onerror=alert(1)\\>link');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).not.toContain('evil.example');
    // Raw HTML only inside code spans, where Markdown shows it as text.
    expect(text.replace(/`[^`]*`/g, '')).not.toMatch(/(^|[^\\])<img/);
  });
});
