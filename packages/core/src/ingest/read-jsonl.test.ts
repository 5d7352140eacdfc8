import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../errors/touchstone-error.js';
import { readJsonl } from './read-jsonl.js';
import type { SourceRecord } from './source-record.js';

const dir = mkdtempSync(join(tmpdir(), 'ts-jsonl-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
async function readAll(path: string): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of readJsonl(path)) out.push(r);
  return out;
}

describe('readJsonl', () => {
  it('numbers lines from 1, skips blank lines, and accepts CRLF and a BOM', async () => {
    const records = await readAll(file('crlf.jsonl', '\uFEFF{"a":1}\r\n\r\n{"a":2}\r\n'));
    expect(records.map((r) => [r.line, r.value])).toEqual([[1, { a: 1 }], [3, { a: 2 }]]);
  });

  it('reports invalid JSON on its line without stopping', async () => {
    const records = await readAll(file('bad.jsonl', '{"a":1}\n{"a":\n{"a":3}\n'));
    expect(records).toHaveLength(3);
    expect(records[1]).toMatchObject({ line: 2, value: { parseError: expect.stringMatching(/invalid JSON/) } });
    expect(records[2]?.value).toEqual({ a: 3 });
  });

  it('calls a cut-off final line truncated', async () => {
    const records = await readAll(file('trunc.jsonl', '{"a":1}\n{"a":2, "b": "unfinish'));
    expect(records[1]).toMatchObject({ line: 2, value: { parseError: expect.stringMatching(/truncated record/) } });
  });

  it('accepts a complete final line without a newline', async () => {
    const records = await readAll(file('nonl.jsonl', '{"a":1}\n{"a":2}'));
    expect(records.map((r) => r.value)).toEqual([{ a: 1 }, { a: 2 }]);
  });

  // 0xFF is the 8th byte of the line `{"a":"x<FF><FE>"}` (1-based).
  it('names invalid UTF-8 and the byte where it starts', async () => {
    const bad = Buffer.concat([Buffer.from('{"a":1}\n{"a":"x'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]);
    const records = await readAll(file('utf8.jsonl', bad));
    expect(records[1]).toMatchObject({ line: 2, value: { parseError: 'invalid UTF-8 at byte 8 of the line' } });
  });

  it('rejects a line that is not an object', async () => {
    const records = await readAll(file('arr.jsonl', '[1,2]\n'));
    expect(records[0]?.value).toEqual({ parseError: 'a JSONL line must be a JSON object' });
  });

  it('throws INGEST_EMPTY_FILE for an empty file or one with only blank lines', async () => {
    await expect(readAll(file('empty.jsonl', ''))).rejects.toMatchObject({ code: 'INGEST_EMPTY_FILE' });
    await expect(readAll(file('blank.jsonl', '\n\n  \n'))).rejects.toBeInstanceOf(DataError);
  });

  it('keeps line numbers exact across read chunks (1 MiB boundaries)', async () => {
    const line = `{"pad":"${'x'.repeat(1000)}"}\n`;
    const records = await readAll(file('big.jsonl', line.repeat(3000)));
    expect(records).toHaveLength(3000);
    expect(records[2999]?.line).toBe(3000);
    expect(records.every((r, i) => r.line === i + 1 && !('parseError' in r.value))).toBe(true);
  });
});
