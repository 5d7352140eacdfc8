import { describe, expect, it } from 'vitest';
import { sanitizeDeep } from './sanitize-deep.js';
import { stripControl } from './strip-control.js';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

// Byte layouts follow ECMA-48 5th ed. (CSI, control strings, C1 set) and xterm's ctlseqs (OSC 52, OSC 8).
describe('stripControl', () => {
  it('removes CSI sequences: colours, cursor moves, screen clears, private modes', () => {
    expect(stripControl(`${ESC}[31mred${ESC}[0m`)).toBe('red');
    expect(stripControl(`a${ESC}[2J${ESC}[H${ESC}[10;20Hb`)).toBe('ab');
    expect(stripControl(`x${ESC}[?1049h${ESC}[?25l${ESC}[38;2;255;0;0my`)).toBe('xy');
    expect(stripControl(`${ESC}[1A${ESC}[2K overwritten`)).toBe(' overwritten');
  });

  it('removes OSC 52 clipboard writes, OSC 8 hyperlinks and window titles, with BEL or ST', () => {
    expect(stripControl(`ok${ESC}]52;c;ZWNobyBwd25lZA==${BEL}!`)).toBe('ok!');
    expect(stripControl(`${ESC}]8;;https://evil.example/${ST}click${ESC}]8;;${ST}`)).toBe('click');
    expect(stripControl(`${ESC}]0;fake title${BEL}t`)).toBe('t');
    expect(stripControl(`${ESC}]2;title${ST}t`)).toBe('t');
  });

  it('drops an unterminated control string to the end, and lets a new ESC abort it', () => {
    expect(stripControl(`safe${ESC}]52;c;AAAA never ends`)).toBe('safe');
    expect(stripControl(`a${ESC}Pq#0;2;0;0;0${ESC}[31mb`)).toBe('ab');
  });

  it('removes DCS, SOS, PM and APC strings and short ESC sequences', () => {
    expect(stripControl(`a${ESC}P1$r0m${ST}b${ESC}X sos ${ST}c${ESC}^pm${ST}d${ESC}_apc${ST}e`)).toBe('abcde');
    expect(stripControl(`${ESC}cReset${ESC}(B${ESC}7${ESC}8${ESC}=done`)).toBe('Resetdone');
    expect(stripControl(`trailing${ESC}`)).toBe('trailing');
  });

  it('removes 8-bit C1 controls, including C1 CSI and C1 OSC', () => {
    expect(stripControl('a\u009b31mb\u009b0m')).toBe('ab');
    expect(stripControl('a\u009d52;c;QUFB\u0007b')).toBe('ab');
    expect(stripControl('a\u009d8;;http://x\u009cb')).toBe('ab');
    expect(stripControl('a\u0085b\u008dc\u0090q\u009cd')).toBe('abcd');
  });

  it('removes BEL, backspace, NUL and DEL so nothing earlier can be hidden or rung', () => {
    expect(stripControl(`ding${BEL}${BEL}`)).toBe('ding');
    expect(stripControl('approved\b\b\b\b\b\b\b\brejected')).toBe('approvedrejected');
    expect(stripControl('a\u0000b\u007fc\u0018d\u001ae')).toBe('abcde');
  });

  it('turns carriage returns, newlines and tabs into spaces in line mode', () => {
    expect(stripControl('label: fail\rlabel: pass')).toBe('label: fail label: pass');
    expect(stripControl('a\nb\tc\r\nd')).toBe('a b c  d');
  });

  it('keeps newlines in block mode, normalising CRLF and lone CR', () => {
    expect(stripControl('a\r\nb\rc\nd\te', 'block')).toBe('a\nb\nc\nd  e');
  });

  it('removes bidirectional overrides and isolates but keeps other Unicode', () => {
    expect(stripControl('file\u202Egnp.exe')).toBe('filegnp.exe');
    expect(stripControl('\u2066x\u2069 héllo 日本 🙂')).toBe('x héllo 日本 🙂');
  });

  it('leaves ordinary text alone', () => {
    const s = 'The refund policy (v2) says 30 days; 100% <b>bold</b> & "quotes"';
    expect(stripControl(s)).toBe(s);
  });
});

describe('sanitizeDeep', () => {
  it('cleans every string in nested rows, keys included, and keeps numbers, booleans and null', () => {
    const dirty = { [`id${ESC}[31m`]: `L07${ESC}]52;c;eA==${BEL}`, n: 3, ok: true, none: null, list: [`a\u009b2Jb`, { t: 'x\ny' }] };
    expect(sanitizeDeep(dirty)).toEqual({ id: 'L07', n: 3, ok: true, none: null, list: ['ab', { t: 'x\ny' }] });
  });
});
