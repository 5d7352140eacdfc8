export interface WebhookResult {
  readonly ok: boolean;
  readonly attempts: number;
  /** HTTP status of the last attempt, when one answered. */
  readonly status: number | null;
  readonly error: string | null;
}

/**
 * POSTs a JSON body with a per-attempt timeout and exactly one retry after a failure (network
 * error, timeout or non-2xx). Never throws: the caller decides what a failed post means, and the
 * drift-check result is already stored and printed by then.
 */
export async function postWebhook(url: string, body: unknown, timeoutMs = 5000): Promise<WebhookResult> {
  let last: WebhookResult = { ok: false, attempts: 0, status: null, error: null };
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true, attempts: attempt, status: response.status, error: null };
      last = { ok: false, attempts: attempt, status: response.status, error: `HTTP ${response.status}` };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      last = { ok: false, attempts: attempt, status: null, error: name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) };
    }
    if (attempt === 1) await new Promise((r) => setTimeout(r, 500));
  }
  return last;
}
