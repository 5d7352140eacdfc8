import type { schemas } from '@touchstone/core';
import { renderDriftMarkdown } from './drift-markdown.js';

/**
 * A Slack-compatible incoming-webhook body: `text` (the fallback every client shows) and one
 * mrkdwn section block, plus the machine-readable essentials under `touchstone` for other receivers.
 */
export function slackBody(r: schemas.DriftCheckResult): Record<string, unknown> {
  const summary = `drift-check ${r.status === 'alert' ? `ALERT (${r.alerts.length})` : 'ok'} for gold set ${r.gold_set}, window ending ${r.window.end}`;
  const markdown = renderDriftMarkdown(r)
    .replace(/^## (.*)$/m, '*$1*')
    .replace(/\*\*(.+?)\*\*/g, '*$1*');
  return {
    text: summary,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: markdown.slice(0, 2900) } }],
    touchstone: {
      status: r.status,
      gold_set: r.gold_set,
      run_id: r.run_id,
      shadow_id: r.shadow_id,
      alerts: r.alerts.map((a) => ({ kind: a.kind, slice: a.slice, effect: a.effect, q_value: a.q_value, message: a.message })),
    },
  };
}
