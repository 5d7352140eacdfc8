import { describe, expect, it } from 'vitest';
import { messageText } from './message-text.js';

describe('messageText', () => {
  it('reads strings, role/content messages, content parts and OpenTelemetry parts', () => {
    expect(messageText('plain', 'input')).toBe('plain');
    const chat = [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }];
    expect(messageText(chat, 'input')).toBe('hi');
    expect(messageText(chat, 'output')).toBe('hello');
    expect(messageText({ messages: [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'image_url', image_url: { url: 'u' } }, { type: 'text', text: 'b' }] }] }, 'input')).toBe('a\nb');
    expect(messageText([{ role: 'assistant', parts: [{ type: 'tool_call', name: 'f' }, { type: 'text', content: 'done' }] }], 'output')).toBe('done');
  });

  it('reads LangChain serialized messages and generations, and OpenAI choices', () => {
    const lc = (cls: string, type: string, content: string) => ({ lc: 1, type: 'constructor', id: ['langchain', 'schema', 'messages', cls], kwargs: { content, type } });
    expect(messageText({ messages: [[lc('SystemMessage', 'system', 's'), lc('HumanMessage', 'human', 'q')]] }, 'input')).toBe('q');
    expect(messageText({ generations: [[{ text: 'g', message: lc('AIMessage', 'ai', 'g') }]] }, 'output')).toBe('g');
    expect(messageText({ choices: [{ index: 0, message: { role: 'assistant', content: 'c' } }] }, 'output')).toBe('c');
  });

  it('falls back to all messages without the preferred role, and to JSON for unknown objects', () => {
    expect(messageText([{ role: 'tool', content: 't1' }, { role: 'tool', content: 't2' }], 'input')).toBe('t1\n\nt2');
    expect(messageText({ question: 'q?' }, 'input')).toBe('q?');
    expect(messageText({ a: 1, b: [2] }, 'input')).toBe('{"a":1,"b":[2]}');
    expect(messageText(null, 'output')).toBeUndefined();
  });
});
