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
  };
}
