import { DuckDBInstance, DuckDBDataChunk, VARCHAR } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng.js';
import { piiTexts } from '../test-helpers/pii-random-text.js';
import { piiPrefilterSql } from './pii-prefilter-sql.js';
import { createRedactor } from './redact.js';

// The prefilter may pick rows the redactor leaves alone, never the reverse: every text the
// redactor changes (or counts a hit in) must match it. Truth is the redactor itself.
describe('PII prefilter SQL', () => {
  it('matches every text any built-in rule redacts, on the redaction corpus and random near-misses', async () => {
    const texts = piiTexts(createRng(16), process.env['TOUCHSTONE_FULL_SIM'] === '1' ? 200_000 : 20_000);
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    await con.run('CREATE TABLE t (i VARCHAR, text VARCHAR)');
    const appender = await con.createAppender('t');
    for (let start = 0; start < texts.length; start += 2048) {
      const part = texts.slice(start, start + 2048);
      const chunk = DuckDBDataChunk.create([VARCHAR, VARCHAR], part.length);
      chunk.setColumns([part.map((_, i) => String(start + i)), part]);
      appender.appendDataChunk(chunk);
    }
    appender.closeSync();
    const reader = await con.runAndReadAll(`SELECT i::INTEGER AS i, ${piiPrefilterSql('text')} AS hit FROM t`);
    const hit = new Map(reader.getRowObjectsJS().map((r) => [Number(r['i']), r['hit'] === true]));
    con.closeSync();
    instance.closeSync();
    const redactor = createRedactor();
    const missed: string[] = [];
    let redacted = 0;
    let picked = 0;
    texts.forEach((text, i) => {
      const r = redactor.redact(text);
      const changed = r.text !== text || Object.keys(r.hits).length > 0;
      if (changed) redacted += 1;
      if (hit.get(i) === true) picked += 1;
      else if (changed) missed.push(JSON.stringify(text));
    });
    expect(missed).toEqual([]);
    // Enough positives among the texts for the check to mean something.
    expect(redacted).toBeGreaterThan(500);
    expect(picked).toBeGreaterThanOrEqual(redacted);
  }, 120_000);

  it('leaves plain prose without digits, @ or colons unpicked', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    const reader = await con.runAndReadAll(`SELECT ${piiPrefilterSql(`'how do I reset my password? the app says error'`)} AS hit`);
    expect(reader.getRowObjectsJS()[0]?.['hit']).toBe(false);
    con.closeSync();
    instance.closeSync();
  });
});
