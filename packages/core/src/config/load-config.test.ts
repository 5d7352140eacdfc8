import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/touchstone-error.js';
import { parseDuration } from './duration.js';
import { loadConfig, parseConfig } from './load-config.js';

describe('parseConfig', () => {
  it('accepts a full config', () => {
    const c = parseConfig(JSON.stringify({
      db: 'x.duckdb',
      shadow: { window: '7d', size: 500, stratify_by: 'metadata.model', seed: 7, allocation: 'neyman' },
      drift: { pass_threshold: 0.7, thresholds: { psi_alert: 0.3 }, coverage: { similarity: 0.6 }, metadata_keys: ['model'] },
      drift_check: { gold: 'support', markdown: 'out.md', webhook: { url: 'http://127.0.0.1:9/hook', timeout_ms: 1000 } },
      pii: { rules: ['email'], custom: [{ name: 'ssn', pattern: '\\d{3}-\\d{2}-\\d{4}', replacement: '[SSN]' }] },
    }), 'c.json');
    expect(c.drift?.thresholds?.psi_alert).toBe(0.3);
  });
  it('rejects an unknown key by name, at any level', () => {
    expect(() => parseConfig('{"shadw": {}}', 'c.json')).toThrow(/unknown key "shadw" at the top level/);
    expect(() => parseConfig('{"drift": {"thresholds": {"psi_alret": 0.3}}}', 'c.json')).toThrow(/unknown key "drift.thresholds.psi_alret" in "drift.thresholds"/);
  });
  it('names the field of a bad value', () => {
    expect(() => parseConfig('{"shadow": {"window": "a week"}}', 'c.json')).toThrow(/"shadow.window" must be a positive duration/);
    // The config accepts exactly what the window parser accepts: "0d" fails here, not later as a --window flag.
    expect(() => parseConfig('{"shadow": {"window": "0d"}}', 'c.json')).toThrow(/"shadow.window" must be a positive duration/);
    expect(() => parseConfig('{"shadow": {"stratify_by": "model"}}', 'c.json')).toThrow(ConfigError);
  });
  it('reports the line and column of a JSON syntax error', () => {
    try {
      parseConfig('{\n  "db": "x",\n  oops\n}', 'c.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/^c\.json:3:\d+: not valid JSON/);
    }
  });
});

describe('loadConfig', () => {
  it('finds touchstone.config.json in the working directory, resolves db next to it, and requires an explicit file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ts-config-'));
    expect(loadConfig(dir).path).toBeNull();
    writeFileSync(join(dir, 'touchstone.config.json'), '{"db": "store.duckdb"}');
    expect(loadConfig(dir).config.db).toBe(join(dir, 'store.duckdb'));
    expect(() => loadConfig(dir, 'missing.json')).toThrow(/does not exist/);
  });
});

describe('parseDuration', () => {
  it('reads m/h/d/w', () => {
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    expect(parseDuration('90m')).toBe(5_400_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    expect(() => parseDuration('7 days')).toThrow(RangeError);
  });
});
