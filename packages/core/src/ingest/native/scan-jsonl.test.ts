import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanJsonl } from './scan-jsonl.js';

const dir = mkdtempSync(join(tmpdir(), 'ts-scan-'));
const at = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('scanJsonl', () => {
  it('accepts plain JSONL', async () => {
    expect(await scanJsonl(at('ok.jsonl', '{"a":1}\n{"a":2}\n'))).toEqual({ eligible: true });
  });
  it.each([
    ['blank line', '{"a":1}\n\n{"a":2}\n'],
    ['line starting with white space', '  {"a":1}\n'],
    ['carriage return', '{"a":1}\r\n'],
    ['null value', '{"a":null}\n'],
    ['blank line', '\n{"a":1}\n'],
  ])('sends a file with a %s to the line-by-line reader', async (reason, content) => {
    expect(await scanJsonl(at(`x${Math.random()}.jsonl`, content))).toEqual({ eligible: false, reason });
  });
  it('finds a pattern split across two 4 MiB reads', async () => {
    const prefix = `{"p":"${'x'.repeat((4 << 20) - 2 - 6)}`;
    const split = `${prefix}null"}\n`;
    expect(split.indexOf('null')).toBe((4 << 20) - 2); // "nu" ends the first 4 MiB read, "ll" starts the second
    expect(await scanJsonl(at('seam.jsonl', split))).toMatchObject({ eligible: false, reason: 'null value' });
  });
  it('sends a file with a byte order mark to the line-by-line reader', async () => {
    expect(await scanJsonl(at('bom.jsonl', '\uFEFF{"a":1}\n'))).toEqual({ eligible: false, reason: 'byte order mark' });
  });
});
