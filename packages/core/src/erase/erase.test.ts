import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestTraffic } from '../ingest/ingest-traffic.js';
import { verify } from '../integrity/verify.js';
import { compactStore } from '../store/compact-store.js';
import { Store } from '../store/store.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import { erase } from './erase.js';

const SECRET = (i: number): string => `Zebulon Quixote-Farnsworth${i} of 12 Wisteria Lane`;

describe('erase', () => {
  // Compression is forced off so that a text still in the file is found by a byte search (FSST would hide it).
  it('leaves the old text in the file after UPDATE + CHECKPOINT; compactStore removes it; the chain verifies', async () => {
    const { store, write } = await tempStore();
    const path = store.path;
    await store.run(`SET force_compression = 'uncompressed'`);
    const n = 2000;
    const file = write('t.jsonl', jsonl(Array.from({ length: n }, (_, i) => ({ id: `t${i}`, timestamp: '2026-02-01T00:00:00Z', input: i % 40 === 0 ? `name ${SECRET(i)}` : `reset password ${i}` }))));
    await ingestTraffic(store, { file, actor: 't' });
    await store.run('CHECKPOINT');
    const found = (): number => {
      const bytes = readFileSync(path);
      return Array.from({ length: n / 40 }, (_, k) => SECRET(k * 40)).filter((s) => bytes.includes(Buffer.from(s))).length;
    };
    expect(found()).toBe(50);
    const r = await erase(store, { selector: { matching: 'Quixote' }, reason: 'DSAR 1', actor: 'dpo' });
    expect(r).toMatchObject({ traffic_rows: 50, shadow_items: 0 });
    await store.run('CHECKPOINT');
    store.close();
    // DuckDB 1.x: the row groups are rewritten, but the blocks that held the old values are not wiped.
    expect(found()).toBe(50);
    await compactStore(path, { uncompressed: true });
    expect(found()).toBe(0);
    const reopened = await Store.open(path, { readOnly: true });
    try {
      expect(await verify(reopened)).toMatchObject({ intact: true, erased_rows: 50, findings: [] });
    } finally {
      reopened.close();
    }
  });

  it('erases nothing twice, and refuses an empty reason', async () => {
    const { store, write } = await tempStore();
    try {
      await ingestTraffic(store, { file: write('t.jsonl', jsonl([{ id: 'a', timestamp: '2026-02-01T00:00:00Z', input: 'x' }])), actor: 't' });
      expect((await erase(store, { selector: { trafficIds: ['a'] }, reason: 'r', actor: 't' })).traffic_rows).toBe(1);
      expect(await erase(store, { selector: { trafficIds: ['a'] }, reason: 'r', actor: 't' })).toMatchObject({ batch_id: null, traffic_rows: 0 });
      await expect(erase(store, { selector: { trafficIds: ['a'] }, reason: ' ', actor: 't' })).rejects.toThrow(/--reason/);
      expect((await verify(store)).intact).toBe(true);
    } finally {
      store.close();
    }
  });
});
