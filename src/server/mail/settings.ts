import type { Config } from '../config.ts';

interface MailLog {
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface MailSettings {
  /** Unset: e-mail is off and Tandem notifies in the app only. */
  smtpUrl: string | undefined;
  from: string;
  /** The origin of every link in a message, without a trailing slash. */
  publicUrl: string;
  retryBackoffMs: number;
  log: MailLog;
}

const FALLBACK_URL = 'http://localhost:3000';
const silent: MailLog = { debug() {}, warn() {} };

/**
 * Module-level rather than on the request: the audit reactions and the job handlers that write
 * mail run outside any request and get no app context. app.ts sets it once at start.
 */
let settings: MailSettings = {
  smtpUrl: undefined,
  from: 'Tandem <tandem@localhost>',
  publicUrl: FALLBACK_URL,
  retryBackoffMs: 60_000,
  log: silent,
};

export function configureMail(config: Config, log: MailLog = silent): void {
  if (config.mail.smtpUrl && !config.publicUrl)
    log.warn(
      { fallback: FALLBACK_URL },
      'PUBLIC_URL is not set: links in e-mail point to http://localhost:3000; set PUBLIC_URL to the address people open',
    );
  settings = {
    smtpUrl: config.mail.smtpUrl,
    from: config.mail.from,
    publicUrl: (config.publicUrl ?? FALLBACK_URL).replace(/\/+$/, ''),
    retryBackoffMs: config.mail.retryBackoffMs,
    log,
  };
}

export function mailSettings(): MailSettings {
  return settings;
}

export function mailConfigured(): boolean {
  return settings.smtpUrl !== undefined;
}

/** An app path ("/campaigns/…") as an absolute link for a message. */
export function appLink(path: string): string {
  return `${settings.publicUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

/** What an admin may see of the SMTP address: host and port, never the credentials. */
export function smtpHost(): string | null {
  if (!settings.smtpUrl) return null;
  const url = new URL(settings.smtpUrl);
  return url.host;
}
