import { isPlainObject } from './source-fields.js';

/** Which side of an exchange to read: the user's request or the model's answer. */
export type Side = 'input' | 'output';

interface Message {
  readonly role: string | undefined;
  readonly text: string;
}

const PREFERRED_ROLE: Record<Side, readonly string[]> = { input: ['user', 'human'], output: ['assistant', 'ai', 'model'] };
/** Part and item types that carry no request or answer text (OpenAI Chat and Responses, Anthropic, OpenTelemetry GenAI names). */
const NON_TEXT_PARTS = ['tool_call', 'tool_call_response', 'server_tool_call', 'server_tool_call_response', 'tool_use', 'tool_result',
  'function_call', 'function_call_output', 'custom_tool_call', 'custom_tool_call_output', 'computer_call', 'computer_call_output',
  'web_search_call', 'file_search_call', 'code_interpreter_call', 'image_generation_call', 'local_shell_call', 'local_shell_call_output',
  'mcp_call', 'mcp_list_tools', 'mcp_approval_request', 'mcp_approval_response', 'item_reference',
  'image', 'image_url', 'input_image', 'input_file', 'input_audio', 'audio', 'blob', 'file', 'uri', 'document', 'reasoning', 'thinking', 'compaction'];
/** Part types holding text: OpenAI Chat `text`, Responses `input_text` / `output_text`, OpenTelemetry `text`. */
const TEXT_PARTS = ['text', 'input_text', 'output_text'];
/** Keys that hold the text of a payload, tried in order (OpenAI, LangChain, LangSmith, Langfuse shapes). */
const TEXT_KEYS = ['messages', 'choices', 'generations', 'message', 'content', 'parts', 'text', 'input', 'output', 'prompt',
  'question', 'query', 'answer', 'completion', 'response', 'result'] as const;

/**
 * The text of a chat payload as tracing tools store it: a string; a list of messages
 * (`{role, content}`, OpenTelemetry `{role, parts[{type, content}]}`, LangChain serialized
 * messages, nested lists); or an object holding one of those under a usual key. For the input,
 * the user messages are kept (not the system prompt); for the output, the assistant messages. Only
 * text parts are read: tool calls, images and reasoning are not the request or answer text.
 * Anything else becomes its JSON text, so nothing is silently dropped.
 */
export function messageText(value: unknown, side: Side): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const messages = asMessages(value, side);
  if (messages !== undefined) return pickMessages(messages, side);
  if (Array.isArray(value)) return partsText(value.flat(2), side);
  if (isPlainObject(value)) {
    // An OpenAI Responses API response: the answer is in output[], `text` holds format settings.
    if (value['object'] === 'response' && Array.isArray(value['output'])) return messageText(value['output'], side);
    for (const key of TEXT_KEYS) {
      const v = value[key];
      if (v === undefined || v === null || (key === 'text' && isPlainObject(v))) continue;
      return messageText(v, side);
    }
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] !== undefined) return messageText(value[keys[0]], side);
  }
  return JSON.stringify(value);
}

function pickMessages(messages: readonly Message[], side: Side): string {
  const preferred = messages.filter((m) => m.role !== undefined && PREFERRED_ROLE[side].includes(m.role));
  const chosen = preferred.length > 0 ? preferred : messages;
  return chosen.map((m) => m.text).filter((t) => t !== '').join('\n\n');
}

/** The value as a list of chat messages, or undefined when it is not one. Nested lists (LangChain batches) are flattened. */
function asMessages(value: unknown, side: Side): Message[] | undefined {
  // Tool calls, tool results and reasoning items between the messages (Responses API input and output lists) are not text.
  const list = (Array.isArray(value) ? value.flat(2) : [value]).filter((m) => !isNonTextPart(m));
  if (list.length === 0 || !list.every(isMessage)) return undefined;
  return list.map((m) => toMessage(m, side));
}

function isNonTextPart(value: unknown): boolean {
  return isPlainObject(value) && typeof value['type'] === 'string' && NON_TEXT_PARTS.includes(value['type']) && typeof value['role'] !== 'string';
}

function isMessage(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  if (isPlainObject(value['kwargs']) && value['lc'] !== undefined) return true;
  const hasRole = typeof value['role'] === 'string' || (typeof value['type'] === 'string' && ['human', 'ai', 'system', 'tool'].includes(value['type']));
  return hasRole && (value['content'] !== undefined || Array.isArray(value['parts']));
}

function toMessage(value: Record<string, unknown>, side: Side): Message {
  const body = isPlainObject(value['kwargs']) ? value['kwargs'] : value;
  const lcType = Array.isArray(value['id']) ? String(value['id'].at(-1) ?? '') : '';
  const rawRole = body['role'] ?? body['type'] ?? lcRole(lcType);
  const role = typeof rawRole === 'string' ? normalizeRole(rawRole) : undefined;
  const content = body['parts'] ?? body['content'];
  return { role, text: typeof content === 'string' ? content : partsText(Array.isArray(content) ? content : [content], side) };
}

function lcRole(className: string): string | undefined {
  if (className.startsWith('Human')) return 'human';
  if (className.startsWith('AI')) return 'ai';
  if (className.startsWith('System')) return 'system';
  return undefined;
}

function normalizeRole(role: string): string {
  const r = role.toLowerCase();
  return r === 'human' ? 'user' : r === 'ai' || r === 'model' ? 'assistant' : r;
}

/**
 * Parts joined by newlines: strings, text parts (`{type: 'text', text}` in OpenAI, `{type: 'text',
 * content}` in OpenTelemetry), and untyped objects read recursively (`choices[].message`,
 * `generations[][].text`). Non-text parts (tool calls, images, reasoning) are left out.
 */
function partsText(parts: readonly unknown[], side: Side): string {
  const texts: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') texts.push(part);
    else if (isPlainObject(part)) {
      if (typeof part['type'] === 'string' && TEXT_PARTS.includes(part['type'])) {
        const t = part['text'] ?? part['content'];
        if (typeof t === 'string') texts.push(t);
      } else if (typeof part['type'] !== 'string' || !NON_TEXT_PARTS.includes(part['type'])) {
        const t = messageText(part, side);
        if (t !== undefined) texts.push(t);
      }
    }
  }
  return texts.filter((t) => t !== '').join('\n');
}
