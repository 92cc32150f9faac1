// Shapes of the API responses the web app reads. They come from the server's Zod schemas
// (type-only imports: nothing of the server ends up in the bundle), so the two cannot drift.
import type { z } from 'zod';
import type {
  inviteSchema,
  listedUserSchema,
  tokenSchema,
  userSchema,
} from '../../server/modules/auth/schema.ts';
import type { ROLES } from '../../server/modules/auth/tables.ts';

export type User = z.infer<typeof userSchema>;
export type Role = (typeof ROLES)[number];
export type ApiToken = z.infer<typeof tokenSchema>;
export type Invite = z.infer<typeof inviteSchema>;

export const ROLE_OPTIONS = [
  'owner',
  'admin',
  'market_lead',
  'member',
  'stakeholder',
  'creator',
] as const satisfies readonly Role[];

/** GET /api/users: a user as colleagues see them (`active: false` once deactivated). */
export type TeamMember = z.infer<typeof listedUserSchema>;

export interface InvitePreview {
  email: string;
  role: string;
  marketCodes: string[];
  invitedByName: string;
  expiresAt: string;
}

export interface CreatedInvite {
  id: string;
  token: string;
  url: string;
  expiresAt?: string;
}

export interface CreatedToken {
  id: string;
  token: string;
}

// The audit route keeps its response schema private; this mirrors src/server/modules/audit/routes.ts.
export interface AuditEvent {
  id: number;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  campaignId?: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  events: AuditEvent[];
  nextCursor: string | null;
}
