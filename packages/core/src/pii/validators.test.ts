import { describe, expect, it } from 'vitest';
import { isCardNumber } from './card-number.js';
import { ibanValid } from './iban.js';
import { ssnValid } from './ssn.js';

describe('ibanValid (ISO 13616, MOD 97-10)', () => {
  it('accepts the example IBANs published in the ISO 13616 registry / SWIFT IBAN Registry and rejects a changed digit', () => {
    // SWIFT IBAN Registry examples: DE89370400440532013000, GB29NWBK60161331926819, FR1420041010050500013M02606, NL91ABNA0417164300, CH9300762011623852957
    for (const iban of ['DE89 3704 0044 0532 0130 00', 'GB29NWBK60161331926819', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'CH9300762011623852957']) expect(ibanValid(iban), iban).toBe(true);
    expect(ibanValid('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(ibanValid('DE88370400440532013000')).toBe(false);
  });
});

describe('ssnValid (SSA issuance rules)', () => {
  it('accepts SSA-shaped numbers and rejects area 000, 666 and 900–999, group 00 and serial 0000', () => {
    expect(ssnValid('123-45-6789')).toBe(true);
    expect(ssnValid('078 05 1120')).toBe(true); // the Woolworth wallet-card number: valid in form
    for (const bad of ['000-12-3456', '666-12-3456', '900-12-3456', '123-00-4567', '123-45-0000', '123-456-789']) expect(ssnValid(bad), bad).toBe(false);
  });
});

describe('isCardNumber (network prefix and length, Luhn)', () => {
  it('accepts the networks\' published test numbers and rejects look-alikes', () => {
    // Stripe's testing docs: Visa 4242424242424242, Mastercard 5555555555554444 and 2223003122003222, Amex 378282246310005, Discover 6011111111111117, Diners 3056930009020004, JCB 3566002020360505, UnionPay 6200000000000005
    for (const n of ['4242424242424242', '5555555555554444', '2223003122003222', '378282246310005', '6011111111111117', '3056930009020004', '3566002020360505', '6200000000000005']) expect(isCardNumber(n), n).toBe(true);
    expect(isCardNumber('4242424242424241')).toBe(false); // Luhn fails
    expect(isCardNumber('9783161484100')).toBe(false); // an ISBN-13: no network starts with 97
    expect(isCardNumber('1234567812345670')).toBe(false); // Luhn-valid, no network prefix
  });
});
