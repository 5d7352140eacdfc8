import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellWord } from './shell-word.js';

// Each word is read back by a real bash (the shell the suggested commands are pasted into).
const echoBack = (word: string): string => execFileSync('bash', ['-c', `printf %s ${word}`], { encoding: 'utf8' });

describe('shellWord', () => {
  it.each([
    ['L07'],
    ['ana maria'],
    ["o'neil"],
    ['mal\u001b]52;c;cHduZWQ=\u0007lo\u001b[31mry'],
    ["back\\slash 'and' \u0085 next-line \u202e rtl \u0000"].map((s) => s.replace('\u0000', '')),
    ['tab\there\nnewline'],
  ])('%j reads back as itself in bash', (id) => {
    expect(echoBack(shellWord(id))).toBe(id);
  });

  it('spells control characters out, so the word survives a terminal that strips them', () => {
    const w = shellWord('a\u001b[31mb');
    expect(w).toBe("$'a\\x1b[31mb'");
    // eslint-disable-next-line no-control-regex
    expect(w).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});
