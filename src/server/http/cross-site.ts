import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../modules/auth/authenticate.ts';
import { AppError } from './errors.ts';
import { originOf } from './html.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when a request that rides on the browser's session cookie was started by another site:
 * `Sec-Fetch-Site` other than same-origin (or none: typed into the address bar), or an `Origin`
 * that is not this server's own. Requests without either header (curl, scripts) are not browser
 * requests started elsewhere and pass.
 */
export function isCrossSite(request: FastifyRequest, publicUrl: string | undefined): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  if (publicUrl) return origin.toLowerCase() !== originOf(request, publicUrl).toLowerCase();
  // Without PUBLIC_URL the scheme the server sees may not be the browser's (TLS ended at a proxy
  // without TRUST_PROXY): the host is what tells one site from another.
  return hostOf(origin) !== request.host.toLowerCase();
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Cross-site request forgery: a state-changing request carrying the session cookie must come
 * from Tandem's own pages. Bearer-token requests carry no ambient credential and are exempt.
 * One hook for every route, present and future.
 */
export function registerCrossSiteCheck(app: FastifyInstance, publicUrl: string | undefined) {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.headers.authorization?.startsWith('Bearer ')) return;
    if (!request.cookies[SESSION_COOKIE]) return;
    if (isCrossSite(request, publicUrl)) {
      throw new AppError(403, 'cross_site_request', 'error.cross_site_request');
    }
  });
}
