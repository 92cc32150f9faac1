import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Short limits set by the test; the defaults are in the README's configuration table.
const HEADERS_MS = 1_000;
const REQUEST_MS = 2_000;
const IDLE_MS = 1_500;

let server: TestServer;
let app: FastifyInstance;
let url: string;
let port: number;
let owner: Client;
let ownerId: string;
beforeAll(async () => {
  server = await startServer();
  const config = loadConfig({
    HEADERS_TIMEOUT_MS: String(HEADERS_MS),
    REQUEST_TIMEOUT_MS: String(REQUEST_MS),
    IDLE_TIMEOUT_MS: String(IDLE_MS),
  });
  // A second app on the test server's database, with the short limits.
  app = await buildApp({ config: { ...config, port: 0 }, database: server.database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  port = address.port;
  url = `http://127.0.0.1:${port}`;
  // Signed up on the test server (same database): hashing a password on a busy machine may take
  // longer than the short limits this app is given. The streams below are the short-limit app's.
  const setup = await setupOwner(server.url);
  owner = setup.client;
  ownerId = setup.user.id;
});
afterAll(async () => {
  await app.close();
  await server.close();
});

/** Opens a socket that sends `start` and then one byte a second; resolves with when it was closed. */
function dribble(start: string, byte: string) {
  const socket = net.connect({ host: '127.0.0.1', port });
  const opened = Date.now();
  let timer: NodeJS.Timeout | undefined;
  socket.on('connect', () => {
    socket.write(start);
    timer = setInterval(() => socket.write(byte), 1_000);
  });
  socket.on('error', () => {});
  socket.resume(); // read the 408, or 'close' never comes
  return new Promise<number>((resolve) => {
    socket.on('close', () => {
      clearInterval(timer);
      resolve(Date.now() - opened);
    });
  }).finally(() => socket.destroy());
}

describe('slow clients', { timeout: 60_000 }, () => {
  it('cuts 50 sockets that dribble their headers while /api/health keeps answering', async () => {
    const sockets = Array.from({ length: 50 }, () => dribble('GET /api/health HTTP/1.1\r\nHost: x\r\n', 'a'));
    const health: number[] = [];
    let done = false;
    const probe = (async () => {
      while (!done) {
        const started = Date.now();
        const res = await fetch(`${url}/api/health`);
        expect(res.status).toBe(200);
        await res.text();
        health.push(Date.now() - started);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const lifetimes = await Promise.all(sockets);
    done = true;
    await probe;
    // Header deadline + Node's checking interval (a quarter of it) + scheduling slack.
    for (const lifetime of lifetimes) expect(lifetime).toBeLessThan(HEADERS_MS + HEADERS_MS / 4 + 2_000);
    expect(health.length).toBeGreaterThan(3);
  });

  it('cuts a body that arrives a byte a second', async () => {
    const lifetime = await dribble(
      `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`,
      ' ',
    );
    expect(lifetime).toBeLessThan(REQUEST_MS + HEADERS_MS / 4 + 2_000);
  });

  it('closes an idle connection that never sends anything', async () => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const opened = Date.now();
    socket.resume();
    const lifetime = await new Promise<number>((resolve) =>
      socket.on('close', () => resolve(Date.now() - opened)),
    );
    expect(lifetime).toBeLessThan(HEADERS_MS + IDLE_MS + 2_000);
  });

  it('does not cut event streams that outlive every timeout', async () => {
    const campaign = await buildCampaign(owner);
    const headers = { cookie: owner.cookie ?? '' };
    const streams = [
      await fetch(`${url}/api/events`, { headers }),
      await fetch(`${url}/api/campaigns/${campaign.id}/events`, { headers }),
    ];
    const readers = streams.map((res) => {
      expect(res.status).toBe(200);
      return res.body!.getReader();
    });
    for (const reader of readers) await reader.read(); // the "connected" comment
    // Longer than the request, header and idle timeouts together.
    await new Promise((r) => setTimeout(r, REQUEST_MS + IDLE_MS + 1_000));
    const created = await owner.post(`/api/campaigns/${campaign.id}/tasks`, {
      title: 'After the wait',
      ownerId,
    });
    expect(created.status).toBe(201);
    const invited = await owner.post('/api/invites', {
      email: 'late@tandem.test',
      role: 'member',
      marketCodes: [],
    });
    expect(invited.status).toBe(201);
    const decoder = new TextDecoder();
    for (const reader of readers) {
      let text = '';
      while (!text.includes('event: change')) {
        const chunk = await reader.read();
        expect(chunk.done).toBe(false);
        text += decoder.decode(chunk.value);
      }
      await reader.cancel();
    }
  });
});
