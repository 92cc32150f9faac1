import { z } from 'zod';
import { isValidTimeZone } from '../../../shared/time/index.ts';
import { ROLES } from './tables.ts';

export const MIN_PASSWORD_LENGTH = 10;

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const locale = z.enum(['en', 'ru']);
export const timeZone = z.string().min(1).max(64).refine(isValidTimeZone, { message: 'invalid_time_zone' });
export const role = z.enum(ROLES);
export const marketCode = z
  .string()
  .regex(/^[A-Z]{2,8}$/)
  .describe('Market code, upper case (RU, US, …)');

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale,
  timeZone: z.string(),
  role,
  markets: z.array(z.string()),
});

export const registerBody = z.strictObject({
  email,
  password: z.string().min(MIN_PASSWORD_LENGTH).max(256),
  name: z.string().trim().min(1).max(120),
  locale: locale.default('en'),
  timeZone: timeZone.default('UTC'),
  inviteToken: z.string().min(1).max(200).optional(),
});

export const loginBody = z.strictObject({
  email,
  password: z.string().min(1).max(256),
});

export const updateMeBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  locale: locale.optional(),
  timeZone: timeZone.optional(),
});

export const createTokenBody = z.strictObject({ name: z.string().trim().min(1).max(80) });
export const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

export const createInviteBody = z.strictObject({
  email,
  role,
  marketCodes: z.array(marketCode).max(50).default([]),
  campaignId: z.uuid().optional(),
  creatorId: z.uuid().optional(),
  /** The language of the invitation e-mail; default the inviter's. */
  locale: locale.optional(),
});

export const inviteSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role,
  marketCodes: z.array(z.string()),
  campaignId: z.string().nullable(),
  creatorId: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
});

export const idParams = z.strictObject({ id: z.uuid() });
export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** A new password follows the registration rule. */
export const newPassword = z.string().min(MIN_PASSWORD_LENGTH).max(256);

export const updateUserBody = z
  .strictObject({
    role: role.optional(),
    marketCodes: z.array(marketCode).max(50).optional(),
    active: z.boolean().optional(),
  })
  .describe('Role, markets or activation of a user (owner and admins; see README "Accounts")');

export const listedUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role,
  markets: z.array(z.string()),
  locale: z.string(),
  timeZone: z.string(),
  active: z.boolean(),
  deactivatedAt: z.string().nullable(),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword,
});
export const resetRequestBody = z.strictObject({ email });
export const resetConfirmBody = z.strictObject({ token: z.string().min(1).max(200), newPassword });
