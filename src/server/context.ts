import type { Config } from './config.ts';
import type { Database } from './db/index.ts';
import type { AuditSubscriptions } from './modules/audit/subscriptions.ts';
import type { CredentialCache } from './modules/auth/credential-cache.ts';
import type { Actor } from './modules/auth/policies.ts';
import type { RealtimeHub } from './realtime/index.ts';

export interface AppContext {
  config: Config;
  database: Database;
  hub: RealtimeHub;
  /** Subscribers to committed audit events (notifications, webhooks): `ctx.audit.on(actions, handler)`. */
  audit: AuditSubscriptions;
  credentials: CredentialCache;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyContextConfig {
    /** The route changes the caller's sessions, tokens or profile: drop their cached credentials. */
    changesCredentials?: boolean;
  }
  interface FastifyRequest {
    user: Actor | null;
    /** How the request authenticated: the session id hash or the API token id. */
    credential: { kind: 'session'; id: string } | { kind: 'token'; id: string } | null;
  }
}
