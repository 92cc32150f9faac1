import net from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, expect } from 'vitest';
import { setupOwner } from './factories.ts';
import { startServer, type TestServer } from './server.ts';

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed with mailparser. */
export class Mailbox {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly messages: ReceivedMail[],
  ) {}

  static async start(port = 0): Promise<Mailbox> {
    const messages: ReceivedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      // No TLS in the test: nodemailer would try STARTTLS against a self-signed certificate.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((parsed) => {
              messages.push({
                to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
                raw: raw.toString('utf8'),
                parsed,
              });
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = (server as unknown as { server: net.Server }).server.address();
    if (!address || typeof address === 'string') throw new Error('SMTP server has no port');
    return new Mailbox(server, address.port, messages);
  }

  /** A port nothing listens on (yet): for an SMTP server that is down. */
  static async freePort(): Promise<number> {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return port;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  for(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  async waitFor(address: string, count = 1, timeoutMs = 20_000): Promise<ReceivedMail[]> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const found = this.for(address);
      if (found.length >= count) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `timed out waiting for ${count} message(s) to ${address}; got ${this.for(address).length}`,
    );
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const PUBLIC_URL = 'https://tandem.example.test';

/**
 * Servers with fast job polling, a PUBLIC_URL and a MAIL_FROM, and SMTP servers to receive
 * their mail; all closed after each test.
 */
export function mailTestBed() {
  const servers: TestServer[] = [];
  const mailboxes: Mailbox[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    for (const box of mailboxes.splice(0)) await box.close();
  });
  async function start(env: Record<string, string>) {
    const server = await startServer({
      env: { JOBS_POLL_INTERVAL_MS: '50', PUBLIC_URL, MAIL_FROM: 'Tandem <tandem@example.test>', ...env },
    });
    servers.push(server);
    const { client: owner, user } = await setupOwner(server.url, { locale: 'en', timeZone: 'Europe/Moscow' });
    return { server, owner, ownerUser: user };
  }
  return {
    start,
    /** A running mailbox and a server that sends to it. */
    async withMailbox(env: Record<string, string> = {}) {
      const box = await Mailbox.start();
      mailboxes.push(box);
      return { box, ...(await start({ SMTP_URL: box.url, ...env })) };
    },
    /** Closes this mailbox after the test too. */
    track(box: Mailbox) {
      mailboxes.push(box);
    },
  };
}

/** "14:00" in a zone, written by Intl independently of the server's formatting. */
export const hourIn = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

/** Text and HTML alternatives, from MAIL_FROM. */
export function expectMultipart(mail: ReceivedMail) {
  expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
  expect(mail.parsed.text?.length).toBeGreaterThan(20);
  expect(String(mail.parsed.html)).toMatch(/^<!doctype html>/i);
  expect(mail.parsed.from?.value[0]?.address).toBe('tandem@example.test');
}
