// The team: people's access, password reset links, invitations and the e-mail settings admins
// see. Bodies are typed by the server's Zod schemas (type-only imports).
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createInviteBody, updateUserBody } from '../../server/modules/auth/schema.ts';
import { api } from './client.ts';
import type { CreatedInvite, TeamMember } from './types.ts';

export type UserUpdate = z.input<typeof updateUserBody>;
export type InviteInput = z.input<typeof createInviteBody>;

/** GET /api/admin/mail (src/server/mail/routes.ts): whether e-mail goes out, never credentials. */
export interface MailSettings {
  configured: boolean;
  from: string;
  host: string | null;
}

export const mailSettingsQuery = queryOptions({
  queryKey: ['admin', 'mail'],
  queryFn: ({ signal }) => api<MailSettings>('GET', '/api/admin/mail', { signal }),
});

// Writes: one function per route, its body typed by the server's Zod schema.

/** Role, markets or activation of a user (owner and admins). */
export const updateUser = (id: string, body: UserUpdate) =>
  api<TeamMember>('PATCH', `/api/users/${id}`, { body });

/** A one-time reset link for someone else's password, shown once. */
export const issuePasswordReset = (userId: string) =>
  api<{ url: string; expiresAt: string }>('POST', `/api/users/${userId}/password-reset`);

export const createInvite = (body: InviteInput) => api<CreatedInvite>('POST', '/api/invites', { body });

export const revokeInvite = (id: string) => api<void>('DELETE', `/api/invites/${id}`);

/** Queues a test message to the signed-in admin. */
export const sendTestMail = () => api<{ to: string }>('POST', '/api/admin/mail/test');
