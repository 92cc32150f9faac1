// Notification fan-out: 200 people each with their bell open (one SSE stream per person on
// /api/me/events, each signed in with their own API token), then one write that notifies all of
// them (one transaction, notifyEach over the 200). Prints the time from the start of the write to
// each stream's event (p50/p99/max) over several rounds, and the write itself, on the database in
// use: embedded PGlite by default, PostgreSQL when DATABASE_URL is set (a fresh database is created
// there and dropped afterwards; events then travel through LISTEN/NOTIFY).
//
// The server runs in this process (buildApp, as the tests do) so that the write can be made
// directly inside a transaction whatever feature calls notify(); the streams are real HTTP
// connections, each on its own socket. Clients and server share one event loop: the figures
// include the client side's parsing, an upper bound of what a browser would see on this machine.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, openDatabase } from '../src/server/db/index.ts';
import { createApiToken } from '../src/server/modules/auth/api-tokens.ts';
import { register } from '../src/server/modules/auth/register.ts';
import { notifyEach } from '../src/server/modules/notifications/notify.ts';
import { api, createOwner } from './lib/api.ts';
import { freshPostgresDatabase, openSse, percentile, type SseClient } from './lib/http.ts';
import { type Benchmark, log } from './lib/report.ts';
import { tempDir } from './lib/server.ts';

const PEOPLE = 200;
const ROUNDS = 5;
const PASSWORD = 'bench-password-1234';

interface Person {
  id: string;
  token: string;
}

/**
 * Invites one member through the API, then registers them and gives them an API token through the
 * auth module's own functions: POST /api/auth/register allows 10 a minute from one address.
 */
async function addPerson(
  database: Database,
  baseUrl: string,
  ownerToken: string,
  n: number,
): Promise<Person> {
  const email = `person${n}@bench.example`;
  const invite = await api<{ token: string }>(baseUrl, 'POST', '/api/invites', {
    token: ownerToken,
    body: { email, role: 'member', marketCodes: [] },
  });
  if (invite.status !== 201)
    throw new Error(`invite ${email}: ${invite.status} ${JSON.stringify(invite.body)}`);
  const { user } = await register(database.db, {
    email,
    password: PASSWORD,
    name: `Person ${n}`,
    locale: n % 2 ? 'ru' : 'en',
    timeZone: 'UTC',
    inviteToken: invite.body.token,
  } as Parameters<typeof register>[1]);
  const { token } = await createApiToken(database.db, user, 'bench');
  return { id: user.id, token };
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

const benchmark: Benchmark = {
  name: 'notification-fanout',
  description: `${PEOPLE} open bells (SSE on /api/me/events), one write notifies all: write → each event`,
  async run() {
    const base = process.env.DATABASE_URL;
    const dataDir = tempDir('tandem-bench-fanout-');
    const pg = base ? await freshPostgresDatabase(base, 'tandem_bench_fanout') : undefined;
    let database: Database | undefined;
    let app: FastifyInstance | undefined;
    const streams: SseClient[] = [];
    try {
      database = await openDatabase({ dataDir, databaseUrl: pg?.url });
      const config = {
        ...loadConfig({ LOG_LEVEL: 'warn' }),
        port: 0,
        host: '127.0.0.1',
        dataDir,
        databaseUrl: pg?.url,
      };
      app = await buildApp({ config, database });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('server has no port');
      const baseUrl = `http://127.0.0.1:${address.port}`;

      const db = database;
      const owner = await createOwner(baseUrl);
      const me = await api<{ id: string }>(baseUrl, 'GET', '/api/me', { token: owner.token });
      const t0 = performance.now();
      const others = await pool(
        Array.from({ length: PEOPLE - 1 }, (_, i) => i + 1),
        8,
        (n) => addPerson(db, baseUrl, owner.token, n),
      );
      const people: Person[] = [{ id: me.body.id, token: owner.token }, ...others];
      log(`${people.length} people with tokens in ${Math.round(performance.now() - t0)} ms`);

      // round → person → when their stream delivered the notification of that round
      let round = -1;
      const arrivals = new Map<number, Map<string, number>>();
      for (const person of people) {
        streams.push(
          openSse(`${baseUrl}/api/me/events`, person.token, (event) => {
            if (event.event !== 'change' || round < 0) return;
            let type: unknown;
            try {
              type = (JSON.parse(event.data) as { type?: unknown }).type;
            } catch {
              return;
            }
            if (type !== 'notification') return;
            const seen = arrivals.get(round);
            if (seen && !seen.has(person.id)) seen.set(person.id, event.at);
          }),
        );
      }
      await Promise.all(streams.map((stream) => stream.ready));
      log(`${streams.length} streams open`);

      const latencies: number[] = [];
      const writes: number[] = [];
      const afterCommit: number[] = [];
      let missing = 0;
      for (round = 0; round < ROUNDS; round++) {
        const seen = new Map<string, number>();
        arrivals.set(round, seen);
        const start = performance.now();
        await database.db.transaction((tx) =>
          notifyEach(
            tx,
            people.map((person) => person.id),
            {
              kind: 'launch_window.at_risk',
              params: { campaignName: `Bench launch ${round}`, spreadHours: 50, limitHours: 48 },
              link: '/campaigns',
            },
          ),
        );
        const committed = performance.now();
        writes.push(committed - start);
        const deadline = performance.now() + 30_000;
        while (seen.size < people.length && performance.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 5));
        missing += people.length - seen.size;
        for (const at of seen.values()) {
          latencies.push(at - start);
          afterCommit.push(at - committed);
        }
        log(
          `round ${round + 1}: ${seen.size}/${people.length} events, last after ${Math.round(Math.max(...[...seen.values()].map((at) => at - start)))} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
      }

      return {
        figures: [
          {
            metric: `write start → event on each of ${PEOPLE} streams, p50`,
            value: percentile(latencies, 50),
            unit: 'ms',
          },
          { metric: 'write start → event, p99', value: percentile(latencies, 99), unit: 'ms' },
          {
            metric: 'commit → event (the fan-out alone), p50',
            value: percentile(afterCommit, 50),
            unit: 'ms',
          },
          { metric: 'commit → event, p99', value: percentile(afterCommit, 99), unit: 'ms' },
          {
            metric: `the write (one transaction notifying ${PEOPLE}), median`,
            value: percentile(writes, 50),
            unit: 'ms',
          },
          {
            metric: 'events missing after 30 s',
            value: missing,
            unit: 'events',
            target: { op: '<', value: 1 },
          },
        ],
        notes: [
          `database: ${database.kind}; ${ROUNDS} rounds of ${PEOPLE} notifications (${latencies.length} events measured)`,
          'server and clients in one process (real HTTP streams, one socket each); the times start before the transaction and so include the write',
        ],
      };
    } finally {
      await Promise.all(streams.map((stream) => stream.close()));
      await app?.close();
      await database?.close();
      await pg?.drop();
      fs.rmSync(path.resolve(dataDir), { recursive: true, force: true });
    }
  },
};

export default benchmark;
