import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { buildCampaign, type CampaignBody, setupOwner, type UserBody } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// fetch decodes bodies by itself and always asks for compression: these requests go through
// node:http, which sends only the Accept-Encoding given and returns the bytes on the wire.

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent. */
  wire: Buffer;
}

function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, wire: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function decode(res: RawResponse): Buffer {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(res.wire);
  if (encoding === 'gzip') return zlib.gunzipSync(res.wire);
  if (encoding === undefined || encoding === 'identity') return res.wire;
  throw new Error(`unexpected content-encoding ${encoding}`);
}

let server: TestServer;
let owner: Client;
let ownerUser: UserBody;
let campaign: CampaignBody;

beforeAll(async () => {
  server = await startServer();
  ({ client: owner, user: ownerUser } = await setupOwner(server.url));
  campaign = await buildCampaign(owner);
  for (let i = 1; i <= 30; i++) {
    const res = await owner.post(`/api/campaigns/${campaign.id}/tasks`, {
      title: `Review the unboxing video script, take ${i}`,
      description: 'Check the claims against the guardrails with the market lead before sign-off.',
      ownerId: ownerUser.id,
      marketCode: i % 2 ? 'RU' : 'US',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});

afterAll(async () => {
  await server?.close();
});

const session = () => ({ cookie: owner.cookie! });

describe('response compression', () => {
  it('sends a JSON response over 1 KB as brotli or gzip, as Accept-Encoding asks, decoding to the same JSON', async () => {
    const path = `/api/campaigns/${campaign.id}/tasks?limit=100`;
    const plain = await rawGet(server.url + path, session());
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.wire.length).toBeGreaterThan(1024);
    const expected = JSON.parse(plain.wire.toString('utf8')) as { tasks: unknown[] };
    expect(expected.tasks).toHaveLength(30);

    for (const [acceptEncoding, encoding] of [
      ['br, gzip, deflate', 'br'],
      ['gzip, deflate, br', 'br'], // both offered with the same weight: ours is brotli first
      ['gzip', 'gzip'],
      ['gzip;q=1, br;q=0.5', 'gzip'],
    ] as const) {
      const res = await rawGet(server.url + path, { ...session(), 'accept-encoding': acceptEncoding });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding'], acceptEncoding).toBe(encoding);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.wire.length).toBeLessThan(plain.wire.length / 3);
      expect(JSON.parse(decode(res).toString('utf8'))).toEqual(expected);
    }
    // Nothing it can decode: sent as is.
    const identity = await rawGet(server.url + path, { ...session(), 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(identity.wire.toString('utf8'))).toEqual(expected);
  });

  it('sends a JSON response under 1 KB as it is', async () => {
    const res = await rawGet(`${server.url}/api/health`, { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.wire.length).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.wire.toString('utf8'))).toMatchObject({ status: 'ok' });
  });

  it('sends the web bundle precompressed, decoding to the file itself', async () => {
    const page = await rawGet(`${server.url}/`, {});
    expect(page.status).toBe(200);
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(page.wire.toString('utf8'))?.[1];
    expect(script, 'index.html names its script').toBeDefined();
    const file = await rawGet(server.url + script!, {});
    expect(file.status).toBe(200);
    expect(file.headers['content-encoding']).toBeUndefined();
    expect(file.headers['content-type']).toMatch(/javascript/);

    for (const encoding of ['br', 'gzip'] as const) {
      const res = await rawGet(server.url + script!, { 'accept-encoding': encoding });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.wire.length).toBeLessThan(file.wire.length / 2);
      expect(decode(res).equals(file.wire)).toBe(true);
    }
    // The page itself too (the SPA fallback for an app route).
    const route = await rawGet(`${server.url}/campaigns/${campaign.id}`, { 'accept-encoding': 'br' });
    expect(route.status).toBe(200);
    expect(route.headers['content-encoding']).toBe('br');
    expect(decode(route).toString('utf8')).toContain(script!);
  });

  it('compresses a streamed CSV export and it decodes to the same file', async () => {
    const path = `/api/campaigns/${campaign.id}/tasks.csv`;
    const plain = await rawGet(server.url + path, session());
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toMatch(/^text\/csv/);
    expect(plain.wire.toString('utf8')).toContain('unboxing video script, take 30');
    const res = await rawGet(server.url + path, { ...session(), 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-disposition']).toBe(plain.headers['content-disposition']);
    expect(decode(res).equals(plain.wire)).toBe(true);
  });

  it('never compresses Server-Sent Events: each event arrives as it happens', async () => {
    const events: string[] = [];
    let buffered = '';
    let wake: (() => void) | undefined;
    const stream = await new Promise<{ res: http.IncomingMessage; req: http.ClientRequest }>(
      (resolve, reject) => {
        const req = http.get(
          `${server.url}/api/campaigns/${campaign.id}/events`,
          {
            agent: false,
            headers: { ...session(), accept: 'text/event-stream', 'accept-encoding': 'br, gzip' },
          },
          (res) => resolve({ res, req }),
        );
        req.on('error', reject);
      },
    );
    try {
      const { res } = stream;
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(res.headers['content-encoding']).toBeUndefined();
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffered += chunk;
        for (let end = buffered.indexOf('\n\n'); end !== -1; end = buffered.indexOf('\n\n')) {
          events.push(buffered.slice(0, end));
          buffered = buffered.slice(end + 2);
        }
        wake?.();
      });
      const waitFor = async (match: (event: string) => boolean) => {
        const deadline = Date.now() + 10_000;
        while (!events.some(match)) {
          if (Date.now() > deadline) throw new Error(`no such event; got ${JSON.stringify(events)}`);
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, 50);
          });
        }
      };
      await waitFor((event) => event.includes('connected to'));

      // Two changes, each read on its own as plain text while the stream stays open.
      for (const title of ['Book the interpreter', 'Send the usage rights']) {
        const created = await owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/tasks`, {
          title,
          ownerId: ownerUser.id,
        });
        expect(created.status).toBe(201);
        await waitFor((event) => event.startsWith('event: change') && event.includes(created.body.id));
      }
    } finally {
      stream.req.destroy();
    }
  });
});
