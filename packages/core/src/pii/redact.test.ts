import { describe, expect, it } from 'vitest';
import { luhnValid } from './luhn.js';
import { createRedactor } from './redact.js';

describe('luhnValid', () => {
  it('accepts the standard test card numbers and rejects a changed digit', () => {
    // Test numbers published by card networks (e.g. Stripe's testing docs): 4242 4242 4242 4242, 5555 5555 5555 4444, 3782 822463 10005
    expect(luhnValid('4242 4242 4242 4242')).toBe(true);
    expect(luhnValid('5555-5555-5555-4444')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4242 4242 4242 4241')).toBe(false);
  });
});

describe('createRedactor', () => {
  const r = createRedactor();
  it('redacts emails, phones, Luhn-valid cards and IP addresses', () => {
    const out = r.redact('mail jane.doe+x@example.co.uk or call +1 (415) 555-0132, card 4242 4242 4242 4242 from 192.168.0.17 and 2001:db8::8a2e:370:7334');
    expect(out.text).toBe('mail [EMAIL] or call [PHONE], card [CARD] from [IP] and [IP]');
    expect(out.hits).toEqual({ email: 1, phone: 1, card: 1, ipv4: 1, ipv6: 1 });
  });
  it('leaves ordinary numbers, dates, times, versions and Luhn-invalid digit runs alone (or as phones)', () => {
    const text = 'order 12345 on 2024-05-01 at 12:30:45, version 1.2.3, 3 items for $19.99';
    expect(r.redact(text).text).toBe(text);
    expect(r.redact('ref 4242 4242 4242 4241').text).toBe('ref 4242 4242 4242 4241');
    expect(r.redact('IP 999.1.1.1 is not one').text).toBe('IP 999.1.1.1 is not one');
  });
  it('is configurable: a subset of rules, custom rules, or off', () => {
    expect(createRedactor({ rules: ['email'] }).redact('a@b.io 192.168.0.1').text).toBe('[EMAIL] 192.168.0.1');
    const custom = createRedactor({ rules: [], custom: [{ name: 'ssn', pattern: '\\b\\d{3}-\\d{2}-\\d{4}\\b', replacement: '[SSN]' }] });
    expect(custom.redact('ssn 123-45-6789').text).toBe('ssn [SSN]');
    expect(createRedactor({ enabled: false }).redact('a@b.io').text).toBe('a@b.io');
    expect(() => createRedactor({ custom: [{ name: 'bad', pattern: '(', replacement: 'x' }] })).toThrow(/pii.custom\[0\] \("bad"\)/);
  });
});
