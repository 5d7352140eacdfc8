import { openSync, readSync, closeSync } from 'node:fs';
import { extname } from 'node:path';

export const INPUT_FORMATS = ['jsonl', 'csv', 'tsv', 'parquet', 'json'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** Detects a file's format from its extension, then from its first bytes. */
export function detectFormat(file: string): InputFormat {
  const ext = extname(file).toLowerCase().replace(/^\./, '');
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'csv') return 'csv';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'parquet' || ext === 'pq') return 'parquet';
  const head = peek(file, 4096);
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return ext === 'json' && !/\}\s*\r?\n\s*\{/.test(text) ? 'json' : 'jsonl';
  const firstLine = text.split('\n')[0] ?? '';
  return firstLine.includes('\t') ? 'tsv' : 'csv';
}

function peek(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
