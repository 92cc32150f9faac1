import { AppError, forbidden } from '../../http/errors.ts';
import { type Actor, isAdmin } from '../auth/policies.ts';
import { resolveTarget, TargetRefused } from './target-address.ts';

/** Webhooks send workspace-wide events outside: owners and admins only. */
export function assertMayManageWebhooks(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden();
}

/** A target URL fit to register: http(s), no credentials, not inward (unless allowed). */
export async function checkTargetUrl(url: string, allowPrivate: boolean): Promise<string> {
  try {
    const target = await resolveTarget(url, allowPrivate);
    return target.url.toString();
  } catch (error) {
    if (!(error instanceof TargetRefused)) throw error;
    switch (error.problem) {
      case 'invalid_url':
        throw new AppError(400, 'webhook_invalid_url', 'error.webhook_invalid_url');
      case 'private_address':
        throw new AppError(400, 'webhook_private_address', 'error.webhook_private_address', {
          host: error.message.slice(0, 200),
        });
      case 'host_not_found':
        throw new AppError(400, 'webhook_host_not_found', 'error.webhook_host_not_found', {
          host: new URL(url).hostname.slice(0, 200),
        });
    }
  }
}
