// One's own account: signing up, in and out, password resets, the profile, the password and
// personal API tokens. Bodies are typed by the server's Zod schemas (type-only imports).
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  changePasswordBody,
  createTokenBody,
  loginBody,
  registerBody,
  resetConfirmBody,
  resetRequestBody,
  updateMeBody,
} from '../../server/modules/auth/schema.ts';
import { api } from './client.ts';
import type { CreatedToken, InvitePreview, User } from './types.ts';

export type RegisterInput = z.input<typeof registerBody>;
export type LoginInput = z.input<typeof loginBody>;
export type ProfileUpdate = z.input<typeof updateMeBody>;
export type PasswordChange = z.input<typeof changePasswordBody>;
export type ResetRequest = z.input<typeof resetRequestBody>;
export type ResetConfirmation = z.input<typeof resetConfirmBody>;
export type TokenInput = z.input<typeof createTokenBody>;

/** What an invitation offers (public: the link is the credential); not retried, a bad link is final. */
export const invitePreviewQuery = (token: string) =>
  queryOptions({
    queryKey: ['invite', token],
    queryFn: ({ signal }) =>
      api<InvitePreview>('GET', `/api/invites/${encodeURIComponent(token)}`, { signal }),
    retry: false,
  });

// Writes: one function per route, its body typed by the server's Zod schema.

/** The owner's account on a fresh instance, or an invited person's (`inviteToken`). */
export const registerAccount = (body: RegisterInput) =>
  api<{ user: User }>('POST', '/api/auth/register', { body });

export const signIn = (body: LoginInput) => api<{ user: User }>('POST', '/api/auth/login', { body });

export const signOut = () => api<void>('POST', '/api/auth/logout');

/** Answered 202 whether the address has an account or not. */
export const requestPasswordReset = (body: ResetRequest) =>
  api<void>('POST', '/api/auth/password-reset', { body });

export const confirmPasswordReset = (body: ResetConfirmation) =>
  api<void>('POST', '/api/auth/password-reset/confirm', { body });

/** Name, language or time zone of the signed-in user. */
export const updateProfile = (body: ProfileUpdate) => api<User>('PATCH', '/api/me', { body });

export const changePassword = (body: PasswordChange) => api<void>('POST', '/api/me/password', { body });

/** A personal API token; its secret is in this answer only. */
export const createToken = (body: TokenInput) => api<CreatedToken>('POST', '/api/tokens', { body });

export const revokeToken = (id: string) => api<void>('DELETE', `/api/tokens/${id}`);
