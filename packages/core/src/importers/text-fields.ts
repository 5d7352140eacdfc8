/** Where annotation tools usually keep an item's texts, tried in order. */
const INPUT_KEYS = ['input', 'prompt', 'text', 'question', 'query', 'instruction'] as const;
const OUTPUT_KEYS = ['output', 'response', 'completion', 'answer', 'generation'] as const;
const REFERENCE_KEYS = ['reference', 'expected_output', 'ground_truth'] as const;

/**
 * An item's input, output and reference text from its data fields by the usual names
 * (`text`, `prompt`, `response` …). `exclude` names fields that mean something else in a tool
 * (Prodigy's `answer` is accept/reject). Other fields stay reachable with `--map input=src.…`.
 */
export function itemTexts(data: Readonly<Record<string, unknown>>, exclude: readonly string[] = []): { input?: string; output?: string; reference?: string } {
  const pick = (keys: readonly string[]): string | undefined => {
    for (const k of keys) {
      const v = data[k];
      if (!exclude.includes(k) && typeof v === 'string') return v;
    }
    return undefined;
  };
  const out: { input?: string; output?: string; reference?: string } = {};
  const input = pick(INPUT_KEYS);
  const output = pick(OUTPUT_KEYS);
  const reference = pick(REFERENCE_KEYS);
  if (input !== undefined) out.input = input;
  if (output !== undefined) out.output = output;
  if (reference !== undefined) out.reference = reference;
  return out;
}
