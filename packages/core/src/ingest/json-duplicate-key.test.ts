import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from './json-duplicate-key.js';
import { scanJsonl } from './native/scan-jsonl.js';
import { readJsonArray } from './read-json-array.js';
import { readJsonl } from './read-jsonl.js';

const dir = mkdtempSync(join(tmpdir(), 'ts-dupkey-'));
const at = (name: string, content: string): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('findDuplicateKeys', () => {
  it('names a key given twice at the top level and nested, by record', () => {
    expect(findDuplicateKeys('{"score": 5, "score": 1}')).toEqual([{ record: 1, field: 'score' }]);
    expect(findDuplicateKeys('{"a":1}\n{"m":{"x":1,"x":2}}\n')).toEqual([{ record: 2, field: 'm.x' }]);
    expect(findDuplicateKeys('[{"a":1},{"r":[{"v":1,"v":2}]}]')).toEqual([{ record: 2, field: 'r.v' }]);
  });
  it('finds nothing when keys repeat only across objects, inside strings or as values', () => {
    expect(findDuplicateKeys('[{"a":1},{"a":2}]')).toEqual([]);
    expect(findDuplicateKeys('{"a":"\\"a\\": 1, \\"a\\"","b":"a","c":{"a":1},"d":[{"a":1},{"a":2}]}')).toEqual([]);
  });
  it('compares keys after unescaping', () => {
    expect(findDuplicateKeys('{"a":1,"\\u0061":2}')).toEqual([{ record: 1, field: 'a' }]);
  });
});

describe('duplicate keys on every reader', () => {
  it('JSONL: the line is a parse error naming the field; the native scan sends the file to that reader', async () => {
    const file = at('d.jsonl', '{"score":5}\n{"score": 5, "score": 1}\n');
    const records = [];
    for await (const r of readJsonl(file)) records.push(r);
    expect(records[1]).toMatchObject({ line: 2, value: { parseError: expect.stringMatching(/^duplicate key/) as unknown, parseErrorField: 'score' } });
    expect(records[0]?.value).toEqual({ score: 5 });
    expect(await scanJsonl(file)).toEqual({ eligible: false, reason: 'duplicate key' });
    expect(await scanJsonl(at('nonl.jsonl', '{"a":1}\n{"b":1,"b":2}'))).toEqual({ eligible: false, reason: 'duplicate key' });
    expect(await scanJsonl(at('ok.jsonl', '{"a":1,"b":{"a":1}}\n'))).toEqual({ eligible: true });
  });
  it('JSON array: the record is a parse error; one wrapping object is refused whole', async () => {
    const { records } = await readJsonArray(at('d.json', '[{"a":1}, 7, {"a":1,"a":2}]'));
    expect(records[2]).toMatchObject({ line: 3, unit: 'record', value: { parseError: expect.stringMatching(/^duplicate key/) as unknown, parseErrorField: 'a' } });
    expect(records[0]?.value).toEqual({ a: 1 });
    await expect(readJsonArray(at('page.json', '{"data":[{"a":1,"a":2}]}'))).rejects.toMatchObject({ code: 'INGEST_DUPLICATE_KEY' });
  });
});
