import type { Actor } from './policies.ts';

/** The user as the API shows it (`GET /api/me`). */
export function presentUser(user: Actor) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    timeZone: user.timeZone,
    role: user.role,
    markets: user.marketCodes,
  };
}

export const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

export function toActor(user: Actor): Actor {
  const { id, name, email, role, marketCodes, locale, timeZone } = user;
  return { id, name, email, role, marketCodes, locale, timeZone };
}
