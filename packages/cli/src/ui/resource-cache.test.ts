import { describe, expect, it } from 'vitest';
import { createResourceCache } from './resource-cache.js';

describe('createResourceCache', () => {
  it('loads a key once, shares the promise, and keeps the result for coming back', async () => {
    let t = 100;
    const cache = createResourceCache(() => t);
    let calls = 0;
    const load = async () => {
      calls += 1;
      t = 130;
      return 'value';
    };
    expect(cache.peek('k')).toBeUndefined();
    const a = cache.load('k', load);
    const b = cache.load('k', load);
    expect(cache.peek('k')).toEqual({ state: 'loading', startedAt: 100 });
    expect(await a).toEqual({ state: 'ok', value: 'value', ms: 30 });
    expect(await b).toBe(await a);
    expect(cache.peek('k')).toEqual({ state: 'ok', value: 'value', ms: 30 });
    expect(calls).toBe(1);
  });

  it('keeps an error with a terminal-safe message instead of retrying', async () => {
    const cache = createResourceCache();
    let calls = 0;
    const failing = async (): Promise<never> => {
      calls += 1;
      throw new Error('bad \u001b]52;c;eA==\u0007store');
    };
    expect(await cache.load('x', failing)).toEqual({ state: 'error', message: 'bad store' });
    await cache.load('x', failing);
    expect(calls).toBe(1);
  });
});
