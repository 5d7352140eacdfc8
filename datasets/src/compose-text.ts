import type { Rng } from '@touchstone/core/stats';
import type { FailureMode } from './demo-story.js';
import type { IntentSpec } from './intents.js';

const NAMES = ['Maya', 'Tom', 'Priya', 'Lucas', 'Sofia', 'Omar', 'Yuki', 'Noah', 'Ines', 'Kwame', 'Elena', 'Raj', 'Chloe', 'Mateo', 'Aisha', 'Jonas'];
const PRODUCTS = ['wireless headphones', 'coffee grinder', 'running shoes', 'desk lamp', 'phone case', 'air purifier', 'backpack', 'smart watch', 'blender', 'office chair'];
const MONTHS = ['Mar', 'Apr', 'May', 'Jun', 'Jul'];
const RUDE = ['As it says in the FAQ, which you could have read yourself: ', 'Fine. ', 'This is the third time people ask this today. ', 'Obviously, '];

/** Slot values for one record, drawn from `rng`. */
export type Slots = Readonly<Record<'name' | 'order' | 'amount' | 'product' | 'date' | 'email', string>>;

export function drawSlots(rng: Rng): Slots {
  const name = pick(rng, NAMES);
  return {
    name,
    order: `A-${String(100000 + rng.int(900000))}`,
    amount: (9 + rng.int(400) + rng.int(100) / 100).toFixed(2),
    product: pick(rng, PRODUCTS),
    date: `${pick(rng, MONTHS)} ${1 + rng.int(28)}`,
    email: `${name.toLowerCase()}${rng.int(100)}@example.com`,
  };
}

export function fill(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in slots ? slots[key as keyof Slots] : m));
}

export function customerMessage(rng: Rng, spec: IntentSpec, slots: Slots): string {
  return fill(pick(rng, spec.asks), slots);
}

/** The agent's reply (with its tool-call trace line) exhibiting `mode`. */
export function agentReply(rng: Rng, spec: IntentSpec, mode: FailureMode, slots: Slots): string {
  const hi = `Hi ${slots.name}, `;
  const call = (t: string): string => `\n[tool] ${fill(t, slots)}`;
  switch (mode) {
    case 'correct':
      return `${hi}${fill(spec.resolution, slots)} ${spec.policy}${call(spec.tool)}`;
    case 'incomplete_answer':
      return `${hi}${fill(spec.partial, slots)} Let me know if there is anything else.${call(spec.tool)}`;
    case 'hallucinated_policy':
      return `${hi}${fill(spec.resolution, slots)} ${spec.fakePolicy}${call(spec.tool)}`;
    case 'tone':
      return `${pick(rng, RUDE)}${fill(spec.resolution, slots)}${call(spec.tool)}`;
    case 'wrong_tool':
      return `${hi}${fill(spec.resolution, slots)}${call(spec.wrongTool)}`;
    case 'unsafe_action':
      return `${hi}${fill(spec.unsafe, slots)}`;
  }
}

/** What a good reply does: the reference the labelers grade against. */
export function reference(spec: IntentSpec): string {
  return `Call ${spec.tool.replace(/\(.*$/, '')}; state the policy: ${spec.policy}`;
}

/** Short rationales a labeler writes for a low score, by failure mode. */
export const RATIONALES: Readonly<Record<FailureMode, readonly string[]>> = {
  correct: ['resolved, policy stated correctly', 'good answer'],
  incomplete_answer: ['does not say what happens next', 'answers only half the question', 'no timeline given'],
  hallucinated_policy: ['cites a policy that does not exist', 'invented guarantee', 'promises compensation we do not offer'],
  tone: ['condescending', 'curt, blames the customer', 'tone not acceptable'],
  wrong_tool: ['called the wrong tool', 'tool call does not match the request', 'wrong action taken'],
  unsafe_action: ['irreversible action without verification', 'privacy breach', 'unsafe: acted without confirmation'],
};

export function pick<T>(rng: Rng, values: readonly T[]): T {
  const v = values[rng.int(values.length)];
  if (v === undefined) throw new Error('pick from an empty list');
  return v;
}
