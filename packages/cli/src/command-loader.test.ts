import { describe, expect, it } from 'vitest';
import { invokedCommand, loadCommands } from './command-loader.js';
import { COMMANDS } from './commands/registry.js';

const names = ['ingest', 'verify', 'drift-check', 'gold'];

describe('invokedCommand', () => {
  it('finds the command after global options', () => {
    expect(invokedCommand(['--db', 'x.duckdb', 'verify', '--json'], names)).toBe('verify');
    expect(invokedCommand(['--wait', 'ingest', 'labels', 'f.jsonl'], names)).toBe('ingest');
    expect(invokedCommand(['help', 'gold'], names)).toBe('gold');
  });
  it('is undefined for root help, no command and unknown commands (so every module loads)', () => {
    expect(invokedCommand([], names)).toBeUndefined();
    expect(invokedCommand(['--help'], names)).toBeUndefined();
    expect(invokedCommand(['nope'], names)).toBeUndefined();
    expect(invokedCommand(['--db', 'verify'], names)).toBeUndefined();
  });
});

describe('loadCommands', () => {
  it('loads one module for a command and all of them otherwise, from the real registry', async () => {
    expect(await loadCommands(COMMANDS, ['verify'])).toHaveLength(1);
    expect(await loadCommands(COMMANDS, ['--help'])).toHaveLength(COMMANDS.length);
  });
});
