import type { schemas } from '@touchstone/core';
import { table } from './table.js';

export function renderShadowSet(s: schemas.ShadowSet): string {
  const out: string[] = [];
  out.push(`shadow set ${s.shadow_id} (v${s.version} of gold set "${s.gold_set}")${s.reused ? ' — identical to an existing set, reused' : ''}`);
  out.push(`window ${s.window_start} … ${s.window_end} (${s.params.window}): ${s.n_window} requests`);
  out.push(`sampled ${s.n_candidates}, folded ${s.n_duplicates} near-duplicates into the weights of the requests they repeat, kept ${s.n_items} (size ${s.params.size}, ${s.params.allocation} by ${s.params.stratify_by}, seed ${s.params.seed})`);
  out.push(`pass rule (Neyman's strata spread): ${s.params.pass_rule === undefined ? `a judge score ≥ ${s.params.pass_threshold} passes` : `${s.params.pass_rule.description} (from the ${s.params.pass_rule.source})`}`);
  out.push(`weights: each item stands for the window requests it represents; effective sample size (Kish) ${s.n_effective.toFixed(0)} of ${s.n_items} items`);
  const red = Object.entries(s.redactions).map(([k, v]) => `${k} ${v}`).join(', ');
  out.push(`PII: ${s.params.pii_rules.length === 0 ? 'redaction OFF' : `rules ${s.params.pii_rules.join(', ')}; redacted ${red === '' ? 'nothing' : red}`}`);
  out.push(`source batches: ${s.source_batches.join(', ') || '-'}; content hash ${s.content_hash}`);
  out.push('');
  out.push(table(['stratum', 'requests', 'items'], s.strata.map((x) => [x.stratum, x.n_window, x.n_items])));
  return `${out.join('\n')}\n`;
}

export function renderShadowList(sets: readonly schemas.ShadowSet[]): string {
  if (sets.length === 0) return 'no shadow sets yet (touchstone shadow build --gold NAME --window 7d)\n';
  return `${table(
    ['id', 'gold set', 'version', 'window start', 'window end', 'items', 'created'],
    sets.map((s) => [s.shadow_id, s.gold_set, s.version, s.window_start, s.window_end, s.n_items, s.created_at]),
  )}\n`;
}
