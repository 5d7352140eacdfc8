import type { Rng } from '@touchstone/core/stats';
import { agentReply, customerMessage, drawSlots, reference } from './compose-text.js';
import { FAILURE_MODES, type FailureMode } from './demo-story.js';
import { INTENTS } from './intents.js';
import { clamp, weightedIndex } from './weighted.js';

/** A gold item: the conversation turn under audit and its hidden true quality on the 1–5 scale. */
export interface GoldItem {
  readonly item_id: string;
  readonly intent: string;
  readonly slice: FailureMode;
  /** Latent true quality in [1, 5]; labelers and the judge see it through their own noise and biases. */
  readonly quality: number;
  readonly input: string;
  readonly output: string;
  readonly reference: string;
}

/** The gold set was sampled from last quarter's traffic: no crypto_refund yet, some fax_support. */
const GOLD_INTENT_WEIGHTS: Readonly<Record<string, number>> = {
  refund_request: 16, password_reset: 12, shipping_status: 16, billing_dispute: 12, account_deletion: 8,
  order_cancellation: 10, address_change: 8, subscription_change: 10, fax_support: 6, crypto_refund: 0,
};

export function generateGoldItems(rng: Rng, count: number): GoldItem[] {
  const intentWeights = INTENTS.map((s) => GOLD_INTENT_WEIGHTS[s.intent] ?? 0);
  const modeWeights = FAILURE_MODES.map((m) => m.share);
  const items: GoldItem[] = [];
  for (let i = 0; i < count; i++) {
    const spec = INTENTS[weightedIndex(rng, intentWeights)];
    const mode = FAILURE_MODES[weightedIndex(rng, modeWeights)];
    if (spec === undefined || mode === undefined) throw new RangeError('weighted draw out of range');
    const slots = drawSlots(rng);
    items.push({
      item_id: `sup-${String(i + 1).padStart(5, '0')}`,
      intent: spec.intent,
      slice: mode.slice,
      quality: clamp(mode.mean + 0.6 * rng.normal(), 1, 5),
      input: customerMessage(rng, spec, slots),
      output: agentReply(rng, spec, mode.slice, slots),
      reference: reference(spec),
    });
  }
  return items;
}
