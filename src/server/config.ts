import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Largest JSON body accepted, in bytes. */
  bodyLimit: number;
  /** Directory with the built web app (served with an SPA fallback when present). */
  webDir: string;
  /** Public origin used in invitation links; derived from the request when unset. */
  publicUrl: string | undefined;
  logLevel: string;
  /** Connection limits (milliseconds) that cut slow or idle clients; see README "Configuration". */
  timeouts: {
    /** Whole request (headers and body) must arrive within this; long responses (SSE) are not cut. */
    request: number;
    /** Request headers must arrive within this (slow-header clients). */
    headers: number;
    /** A socket with no traffic in either direction for this long is closed. */
    idle: number;
    /** An idle keep-alive connection between requests is closed after this. */
    keepAlive: number;
    /** SIGTERM: in-flight work gets this long before the process exits anyway. */
    shutdownGrace: number;
  };
  /** Background jobs (src/server/jobs); see README "Background jobs". */
  jobs: {
    /** Whether this instance runs jobs (enqueueing works either way). */
    enabled: boolean;
    /** The longest the runner waits before looking for due jobs (it is also woken by NOTIFY). */
    pollIntervalMs: number;
    /** Jobs run at once by this instance. */
    concurrency: number;
    /** How long a claimed job belongs to an instance before another may take it (renewed while it runs). */
    leaseMs: number;
    /** How often expired sessions and old sign-in failures are deleted. */
    sessionsPurgeIntervalMs: number;
    /** How often due reminders (tasks, drafts, signatures, brief acknowledgements) are looked for. */
    notificationsSweepIntervalMs: number;
  };
  /** Outgoing webhooks (src/server/modules/webhooks); see README "Webhooks". */
  webhooks: {
    /** Lets targets on loopback and private networks through (a team's own relay or bot). */
    allowPrivateNetworks: boolean;
    /** Delay before the first retry of a failed delivery; doubled for each further one (at most 2 h). */
    retryBaseMs: number;
    /** Attempts of one delivery before it is given up (20 with the default delays: about a day). */
    maxAttempts: number;
  };
  /** Outgoing e-mail (src/server/mail); see README "E-mail". */
  mail: {
    /** `smtp://user:pass@host:587` or `smtps://…:465`; unset: Tandem notifies in the app only. */
    smtpUrl: string | undefined;
    /** The From header of every message. */
    from: string;
    /** Delay before the first retry of a message the SMTP server did not take (doubled up to 60×). */
    retryBackoffMs: number;
    /** How often the daily digest looks for people whose working day has begun. */
    digestIntervalMs: number;
  };
}

function milliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

/** A bad SMTP_URL stops the start with a clear message rather than failing every message later. */
function smtpUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('SMTP_URL is not a URL; expected smtp://user:password@host:587 or smtps://…:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, got ${url.protocol}//`);
  if (!url.hostname) throw new Error('SMTP_URL has no host');
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0-65535, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    bodyLimit: Number(env.BODY_LIMIT_BYTES ?? 1024 * 1024),
    webDir: path.resolve(env.WEB_DIR ?? 'dist/web'),
    publicUrl: env.PUBLIC_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    timeouts: {
      request: milliseconds(env, 'REQUEST_TIMEOUT_MS', 300_000),
      headers: milliseconds(env, 'HEADERS_TIMEOUT_MS', 15_000),
      idle: milliseconds(env, 'IDLE_TIMEOUT_MS', 60_000),
      keepAlive: milliseconds(env, 'KEEP_ALIVE_TIMEOUT_MS', 72_000),
      shutdownGrace: milliseconds(env, 'SHUTDOWN_GRACE_MS', 10_000),
    },
    jobs: {
      enabled: env.JOBS_ENABLED !== 'false',
      pollIntervalMs: milliseconds(env, 'JOBS_POLL_INTERVAL_MS', 5_000),
      concurrency: milliseconds(env, 'JOBS_CONCURRENCY', 4),
      leaseMs: milliseconds(env, 'JOBS_LEASE_MS', 300_000),
      sessionsPurgeIntervalMs: milliseconds(env, 'SESSIONS_PURGE_INTERVAL_MS', 3_600_000),
      notificationsSweepIntervalMs: milliseconds(env, 'NOTIFICATIONS_SWEEP_INTERVAL_MS', 60_000),
    },
    webhooks: {
      allowPrivateNetworks: env.WEBHOOK_ALLOW_PRIVATE_NETWORKS === 'true',
      retryBaseMs: milliseconds(env, 'WEBHOOK_RETRY_BASE_MS', 30_000),
      maxAttempts: milliseconds(env, 'WEBHOOK_MAX_ATTEMPTS', 20),
    },
    mail: {
      smtpUrl: smtpUrl(env),
      from: env.MAIL_FROM?.trim() || 'Tandem <tandem@localhost>',
      retryBackoffMs: milliseconds(env, 'MAIL_RETRY_BACKOFF_MS', 60_000),
      digestIntervalMs: milliseconds(env, 'MAIL_DIGEST_INTERVAL_MS', 900_000),
    },
  };
}
