import type { FastifyRequest } from 'fastify';
import { isLocale, type Locale, negotiateLocale } from '../../shared/i18n/index.ts';

/**
 * The caller's language: an explicit Accept-Language naming a language we speak wins (the web
 * app sends the one on screen), then the signed-in user's saved language, then English.
 */
export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  const saved = request.user?.locale;
  const fallback: Locale = isLocale(saved) ? saved : 'en';
  return negotiateLocale(header, fallback);
}
