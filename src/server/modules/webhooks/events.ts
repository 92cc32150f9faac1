import { AppError } from '../../http/errors.ts';
import { AUDIT_ACTIONS, isAuditAction } from '../audit/catalogue.ts';

/** Every event a webhook can ask for: the audit actions, by name. */
export const WEBHOOK_EVENTS: readonly string[] = AUDIT_ACTIONS;
export const ALL_EVENTS = '*';
/** The event of a test delivery (POST /api/webhooks/:id/test); never an audit action. */
export const PING_EVENT = 'ping';

/** Checks event names; '*' stands alone. Unknown names → 400 naming the first few of them. */
export function normalizeEvents(events: readonly string[]): string[] {
  const unique = [...new Set(events.map((event) => event.trim()))];
  if (unique.includes(ALL_EVENTS)) return [ALL_EVENTS];
  const unknown = unique.filter((event) => !isAuditAction(event));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).map((event) => JSON.stringify(event.slice(0, 60)));
    throw new AppError(
      400,
      'webhook_unknown_event',
      'error.webhook_unknown_event',
      { events: shown.join(', '), count: unknown.length },
      { unknown: unknown.slice(0, 20).map((event) => event.slice(0, 100)) },
    );
  }
  return unique.sort();
}

export function matchesEvent(events: readonly string[], action: string): boolean {
  return events.includes(ALL_EVENTS) || events.includes(action);
}

// Field names that carry credentials somewhere in the app: password hashes, token hashes, secrets,
// reset and invitation tokens, keys. Matched anywhere in a payload, at any depth.
const SENSITIVE = /password|secret|token|hash|credential|api_?key|private_?key|cookie|session_?id/i;

/** An audit payload fit to leave the server: sensitive fields removed at any depth. */
export function withoutSecrets(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 20) return null;
  if (Array.isArray(value)) return value.map((item) => withoutSecrets(item, depth + 1));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (SENSITIVE.test(key)) continue;
    out[key] = withoutSecrets(item, depth + 1);
  }
  return out;
}
