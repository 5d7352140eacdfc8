import type { Rng } from '@touchstone/core/stats';
import { agentReply, customerMessage, drawSlots } from './compose-text.js';
import { DAY_MS, FAILURE_MODES, TRAFFIC, type FailureMode } from './demo-story.js';
import { INTENTS } from './intents.js';
import { judgeScore } from './judge-scores.js';
import { isoSeconds } from './labeling-calendar.js';
import { clamp, weightedSampler } from './weighted.js';

/** One production request as written to the canonical traffic file. */
export interface TrafficRecord {
  readonly id: string;
  readonly timestamp: string;
  readonly input: string;
  readonly output: string;
  readonly slice: string;
  readonly judge_score: number;
  readonly metadata: { readonly intent: string; readonly model: string; readonly prompt_version: string; readonly locale: string; readonly tenant: string };
}

const BASE_INTENT: Readonly<Record<string, number>> = {
  refund_request: 17, password_reset: 13, shipping_status: 18, billing_dispute: 11, account_deletion: 6,
  order_cancellation: 11, address_change: 8, subscription_change: 10, fax_support: 0, crypto_refund: 0,
};
const LOCALES = [['en-US', 55], ['en-GB', 12], ['de-DE', 10], ['fr-FR', 8], ['es-ES', 7], ['ja-JP', 5], ['pt-BR', 3]] as const;
const HOURS = [2, 1, 1, 1, 1, 2, 3, 5, 7, 9, 10, 10, 9, 9, 9, 9, 8, 7, 6, 6, 5, 4, 3, 3];
/** Production failure mix, as the gold set was sampled from it: what drifts is what the story plants. */
const MODE_MIX: Readonly<Record<FailureMode, number>> = { correct: 40, incomplete_answer: 16, hallucinated_policy: 14, tone: 12, wrong_tool: 10, unsafe_action: 8 };
/** crypto_refund is new to the agent: it invents policy far more often. */
const CRYPTO_MODE_MIX: Readonly<Record<FailureMode, number>> = { correct: 30, incomplete_answer: 20, hallucinated_policy: 35, tone: 3, wrong_tool: 10, unsafe_action: 2 };

/** Per-day request counts: weekends at 60%, 1% growth a week, apportioned to `total` by largest remainder. */
export function dailyCounts(total: number, days: number, firstDayOfWeek: number): number[] {
  const w = Array.from({ length: days }, (_, d) => ((firstDayOfWeek + d) % 7 >= 5 ? 0.6 : 1) * (1 + 0.01 * Math.floor(d / 7)));
  const sum = w.reduce((a, b) => a + b, 0);
  const exact = w.map((x) => (x / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, d) => [x - Math.floor(x), d] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let r = total - counts.reduce((a, b) => a + b, 0), i = 0; r > 0; r--, i++) counts[order[i]?.[1] ?? 0]! += 1;
  return counts;
}

export function intentWeights(day: number): number[] {
  const { new_intent: fresh, sunset_intent: old } = TRAFFIC;
  const base = INTENTS.map((s) => BASE_INTENT[s.intent] ?? 0);
  const sum = base.reduce((a, b) => a + b, 0);
  return INTENTS.map((s, i) => {
    if (s.intent === fresh.intent) return day >= fresh.first_day ? (fresh.share / (1 - fresh.share)) * sum : 0;
    if (s.intent === old.intent) {
      const fade = day < old.last_day - 6 ? 1 : day <= old.last_day ? (old.last_day + 1 - day) / 7 : 0;
      return (old.share / (1 - old.share)) * sum * fade;
    }
    return base[i] ?? 0;
  });
}

/**
 * Production traffic. Each request has a hidden true quality drawn as a gold item's is (its failure
 * mode's mean, sd 0.6), and the online judge is the gold set's judge (`judgeRng` draws its noise): so
 * the judge's pass rate on traffic differs from its rate on gold only through what the story plants.
 */
export function generateTraffic(rng: Rng, total: number, judgeRng: Rng): TrafficRecord[] {
  const start = Date.parse(TRAFFIC.end) - TRAFFIC.days * DAY_MS;
  const counts = dailyCounts(total, TRAFFIC.days, (new Date(start).getUTCDay() + 6) % 7);
  const tenant = weightedSampler(Array.from({ length: TRAFFIC.tenants }, (_, t) => 1 / (t + 1) ** 1.1));
  const locale = weightedSampler(LOCALES.map((l) => l[1]));
  const hour = weightedSampler(HOURS);
  const modeOf = (mix: Readonly<Record<FailureMode, number>>) => weightedSampler(FAILURE_MODES.map((m) => mix[m.slice]));
  const usualMode = modeOf(MODE_MIX);
  const cryptoMode = modeOf(CRYPTO_MODE_MIX);
  const out: TrafficRecord[] = [];
  counts.forEach((n, day) => {
    const intent = weightedSampler(intentWeights(day));
    const stamps = Array.from({ length: n }, () => start + day * DAY_MS + hour(rng) * 3600_000 + rng.int(3600) * 1000).sort((a, b) => a - b);
    for (const at of stamps) {
      const spec = INTENTS[intent(rng)];
      if (spec === undefined) throw new RangeError('intent draw out of range');
      const mode = FAILURE_MODES[(spec.intent === TRAFFIC.new_intent.intent ? cryptoMode : usualMode)(rng)];
      if (mode === undefined) throw new RangeError('failure mode draw out of range');
      const canary = TRAFFIC.canary;
      const newModel = day >= canary.to_day || (day >= canary.from_day && rng.next() < (day - canary.from_day + 1) / (canary.to_day - canary.from_day + 1));
      const slots = drawSlots(rng);
      out.push({
        id: `req-${hex6(rng)}${hex6(rng)}`,
        timestamp: isoSeconds(at),
        input: customerMessage(rng, spec, slots),
        output: agentReply(rng, spec, mode.slice, slots),
        // An online tagger files every response under a failure mode, as the gold set's slices are;
        // the request's intent (route) is metadata.
        slice: mode.slice,
        judge_score: judgeScore(judgeRng, clamp(mode.mean + 0.6 * rng.normal(), 1, 5)),
        metadata: {
          intent: spec.intent,
          model: (newModel ? TRAFFIC.models[1] : TRAFFIC.models[0]).model,
          prompt_version: TRAFFIC.prompt_versions.find((p) => day < p.until_day)?.prompt_version ?? 'unknown',
          locale: LOCALES[locale(rng)]?.[0] ?? 'en-US',
          tenant: `t-${String(1 + tenant(rng)).padStart(4, '0')}`,
        },
      });
    }
  });
  return out;
}

function hex6(rng: Rng): string {
  return rng.int(0x1000000).toString(16).padStart(6, '0');
}
