import { describe, expect, it } from 'vitest';
import { erasedFragments, scrubJson, scrubText } from './scrub-text.js';

describe('scrubText / scrubJson: copies of erased text in stored reports', () => {
  const secret = 'my name is Zebulon Quixote, call 415.555.0132';
  it('replaces the whole text and a prefix cut short by …, and nothing else', () => {
    expect(scrubText(`a ${secret} b`, [secret])).toBe('a [erased] b');
    expect(scrubText(`like "${secret.slice(0, 20)}…"`, [secret])).toBe('like "[erased]…"');
    // A shared prefix that goes on differently is another request's text.
    expect(scrubText('my name is Ann, hi', [secret])).toBe('my name is Ann, hi');
    // Short texts are not searched for.
    expect(scrubText('ok then', ['ok'])).toBe('ok then');
  });

  it('walks every string and key of a JSON report, leaving an untouched report byte for byte', () => {
    const report = JSON.stringify({ gaps: [{ examples: [`${secret.slice(0, 30)}…`, 'reset password'], top_metadata: [{ key: 'tenant', value: 'Zebulon Quixote of 12 Wisteria Lane' }] }] });
    const fragments = erasedFragments([{ input: secret, output: 'ok', metadata: JSON.stringify({ tenant: 'Zebulon Quixote of 12 Wisteria Lane' }) }]);
    expect(fragments).toEqual([secret, 'Zebulon Quixote of 12 Wisteria Lane']);
    expect(JSON.parse(scrubJson(report, fragments))).toEqual({ gaps: [{ examples: ['[erased]…', 'reset password'], top_metadata: [{ key: 'tenant', value: '[erased]' }] }] });
    const other = ' {"a": 1}';
    expect(scrubJson(other, fragments)).toBe(other);
  });
});
