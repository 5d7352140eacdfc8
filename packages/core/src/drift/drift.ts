import { requireGoldSet } from '../gold/gold-set.js';
import { requireShadowSet } from '../shadow/shadow-set.js';
import { createRedactor, type PiiConfig } from '../pii/redact.js';
import { BUILTIN_PII_RULES, type BuiltinPiiRule } from '../pii/pii-rules.js';
import type { Store } from '../store/store.js';
import { analyzeDrift } from './analyze-drift.js';
import type { DriftConfig } from './drift-config.js';
import type { DriftReport } from './drift-report.js';
import type { HumanScaleCorrector } from './human-scale.js';
import { resolvePassRule } from './judge-pass-rule.js';
import { loadDriftInputs } from './load-drift-inputs.js';
import type { TrafficSource } from '../traffic-source/traffic-source.js';

export interface DriftOptions {
  readonly goldSet: string;
  /** Shadow set id; the gold set's newest when absent. */
  readonly shadowId?: string;
  readonly config?: DriftConfig;
  /** --pass-threshold: overrides the config's and the gold set's pass rule. */
  readonly passThresholdFlag?: number;
  readonly corrector?: HumanScaleCorrector;
  /** PII rules for metadata values in the report (default: the built-in rules the shadow set was redacted with). */
  readonly pii?: PiiConfig;
  /** Where the window's traffic is read from (default: the store's traffic table). */
  readonly source?: TrafficSource;
}

/**
 * The disagreement of a shadow set with its gold set: the judge's pass rate on gold against on traffic
 * (with human-scale estimates when a corrector and the judge's scores on gold exist), input drift, metadata drift, coverage
 * gaps and stale gold slices, every test with an effect size and a BH q-value.
 */
export async function driftReport(store: Store, options: DriftOptions): Promise<DriftReport> {
  const gold = await requireGoldSet(store, options.goldSet);
  const shadow = await requireShadowSet(store, options.goldSet, options.shadowId);
  const config = options.config ?? {};
  const inputs = await loadDriftInputs(store, gold, shadow, {
    passRule: resolvePassRule(gold.scale, { flag: options.passThresholdFlag, config: config.pass_threshold, judgeScale: config.judge_scale }),
    ...(config.metadata_keys === undefined ? {} : { metadataKeys: config.metadata_keys }),
    ...(config.top_k === undefined ? {} : { topK: config.top_k }),
    ...(config.judge === undefined ? {} : { judge: config.judge }),
    ...(options.corrector === undefined ? {} : { corrector: options.corrector }),
    ...(options.source === undefined ? {} : { source: options.source }),
    redactor: createRedactor(options.pii ?? { rules: shadow.params.pii_rules.filter((r): r is BuiltinPiiRule => (BUILTIN_PII_RULES as readonly string[]).includes(r)) }),
  });
  return analyzeDrift(inputs, { ...(config.thresholds === undefined ? {} : { thresholds: config.thresholds }), ...(config.coverage === undefined ? {} : { coverage: config.coverage }) });
}
