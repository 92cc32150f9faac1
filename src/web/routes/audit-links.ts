// Where the audit explorer's rows lead, and how an entity's page links to its own history.
// Plain TypeScript (no React) so the API tests can check the list against the server's catalogue.

/** Every entity type the server writes events about (src/server/modules/audit/catalogue.ts). */
export const AUDIT_ENTITY_TYPES = [
  'campaign',
  'brief_section',
  'brief_version',
  'milestone',
  'task',
  'meeting',
  'external_participant',
  'creator',
  'engagement',
  'agreement',
  'submission',
  'market_policy',
  'policy_default',
  'post_metrics',
  'import',
  'escalation',
  'user',
  'invite',
  'api_token',
  'webhook',
  'job',
] as const;

/** The explorer's filters, as they appear in its address (`/audit?campaignId=…&marketCode=RU`). */
export const AUDIT_FILTER_NAMES = [
  'campaignId',
  'marketCode',
  'actorId',
  'action',
  'entityType',
  'entityId',
  'label',
  'from',
  'to',
] as const;
export type AuditFilterName = (typeof AUDIT_FILTER_NAMES)[number];

/**
 * The explorer pre-filtered to one entity's history. `label` only travels in the address so the
 * page can say whose history it shows before any event has loaded (it is not a filter).
 */
export function auditHistoryHref(entity: {
  entityType: string;
  entityId: string;
  campaignId?: string | null | undefined;
  label?: string | null | undefined;
}): string {
  const params = new URLSearchParams();
  if (entity.campaignId) params.set('campaignId', entity.campaignId);
  params.set('entityType', entity.entityType);
  params.set('entityId', entity.entityId);
  if (entity.label) params.set('label', entity.label);
  return `/audit?${params}`;
}

/** A campaign's whole history. */
export const campaignHistoryHref = (campaignId: string) =>
  `/audit?campaignId=${encodeURIComponent(campaignId)}`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fromPayload(event: { before: unknown; after: unknown }, field: string): string | null {
  for (const side of [event.after, event.before]) {
    if (isRecord(side) && typeof side[field] === 'string') return side[field] as string;
  }
  return null;
}

/**
 * The page that shows an event's entity (null: none does, e.g. a background job). Deleted
 * entities still link to where they lived: the page says they are gone.
 */
export function auditEntityHref(event: {
  entityType: string;
  entityId: string;
  campaignId?: string | null | undefined;
  before: unknown;
  after: unknown;
}): string | null {
  const c = event.campaignId ? `/campaigns/${event.campaignId}` : null;
  const id = encodeURIComponent(event.entityId);
  switch (event.entityType) {
    case 'task':
      return c && `${c}/tasks/${id}`;
    case 'milestone':
      return c && `${c}/timeline`;
    case 'meeting':
      return c && `${c}/meetings/${id}`;
    case 'engagement':
      return c && `${c}/creators/${id}`;
    case 'agreement':
    case 'submission':
    case 'post_metrics': {
      const engagementId = fromPayload(event, 'engagementId');
      return c && (engagementId ? `${c}/creators/${encodeURIComponent(engagementId)}` : `${c}/creators`);
    }
    case 'market_policy':
      return c && `${c}/creators`;
    case 'escalation':
      return c && `${c}/escalations/${id}`;
    case 'campaign':
    case 'brief_section':
      return c && `${c}/brief`;
    case 'brief_version': {
      const version = event.entityId.split(':')[1];
      return c && (version ? `${c}/brief/versions/${encodeURIComponent(version)}` : `${c}/brief`);
    }
    case 'import':
      return c && `${c}/measurement/data`;
    case 'creator':
    case 'policy_default':
      return '/creators';
    case 'user':
    case 'invite':
      return '/team';
    case 'api_token':
      return '/tokens';
    case 'webhook':
      return '/webhooks';
    default:
      return null;
  }
}
