import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, type CampaignBody, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface ImportState {
  status: string;
  rowsImported: number;
  rowsRejected: number;
  errors: Array<{ line: number; message: string }>;
  failureMessage: string | null;
}

let server: TestServer;
let owner: Client;
let campaign: CampaignBody;
const HEADER = 'Name,Currency,Total,Discount Code,Created at,Lineitem quantity\n';
const order = (n: number) => `#${n},USD,${n}.00,,2026-03-09 10:00:00 -0400,1\n`;
const tempDir = () => path.join(server.dataDir, 'import-tmp');

beforeAll(async () => {
  server = await startServer();
  owner = (await setupOwner(server.url)).client;
  campaign = await buildCampaign(owner);
});
afterAll(async () => {
  await server.close();
});

/** Streams the body to the server chunk by chunk (the test never holds the whole file either). */
async function upload(chunks: () => Iterable<Buffer>, format = 'shopify-orders') {
  const res = await fetch(`${server.url}/api/campaigns/${campaign.id}/imports?format=${format}`, {
    method: 'POST',
    headers: { cookie: owner.cookie!, 'content-type': 'text/csv', 'accept-language': 'en' },
    body: (async function* () {
      yield* chunks();
    })(),
    duplex: 'half',
  } as unknown as RequestInit);
  const body = (await res.json()) as { id: string };
  expect(res.status, JSON.stringify(body)).toBe(202);
  return body.id;
}

async function finished(id: string, onPoll: () => void = () => {}) {
  for (let i = 0; i < 1200; i++) {
    onPoll();
    const state = await owner.get<ImportState>(`/api/imports/${id}`);
    if (state.body.status !== 'uploading' && state.body.status !== 'processing') return state.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('imports under hostile files', () => {
  it('a quote that never closes in a 30 MB file fails the import naming the line, in bounded memory', async () => {
    // Warm up (modules, first import) so that the measurement below is the file's cost only.
    const warm = await finished(await upload(() => [Buffer.from(HEADER + order(1))]));
    expect(warm.status).toBe('completed');

    const megabyte = Buffer.from('lorem ipsum, dolor sit amet\n'.repeat(40_000).slice(0, 1024 * 1024));
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    const timer = setInterval(sample, 10);
    try {
      const id = await upload(function* () {
        yield Buffer.from(HEADER + order(2) + order(3));
        yield Buffer.from('#4,USD,"4.00 never closed\n');
        for (let i = 0; i < 30; i++) {
          sample();
          yield megabyte;
        }
      });
      const state = await finished(id, sample);
      expect(state.status).toBe('failed');
      expect(state.failureMessage).toBe(
        'The file could not be read at line 4: a row is longer than 1 MB (often a quote that is never closed). Nothing was imported.',
      );
      const ru = await owner.request<{ failureMessage: string }>('GET', `/api/imports/${id}`, undefined, {
        'accept-language': 'ru',
      });
      expect(ru.body.failureMessage).toMatch(/в строке 4/);
      expect(state.rowsImported).toBe(0);
    } finally {
      clearInterval(timer);
    }
    expect((peak - baseline) / 1024 / 1024).toBeLessThan(100);
    // The temporary file went with the failure.
    expect(fs.readdirSync(tempDir())).toEqual([]);
  });

  it('a short file whose last quote never closes fails with that line', async () => {
    const id = await upload(() => [Buffer.from(`${HEADER}${order(5)}#6,USD,"6.00\n#7,USD,7.00,x,1\n`)]);
    const state = await finished(id);
    expect(state.status).toBe('failed');
    expect(state.failureMessage).toBe(
      'The file could not be read at line 3: a quoted field is never closed. Nothing was imported.',
    );
    expect(fs.readdirSync(tempDir())).toEqual([]);
  });

  it('removes the temporary file of a completed import, and rejects rows whose post URL is not http(s)', async () => {
    const creator = await owner.post<{ id: string }>('/api/creators', {
      name: 'Url Tester',
      marketCode: 'US',
      language: 'en',
      timeZone: 'America/New_York',
    });
    const engagement = await owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/engagements`, {
      creatorId: creator.body.id,
      fee: { amount: 100, currency: 'USD' },
    });
    expect(engagement.status).toBe(201);
    const csv = [
      'engagement_id,post_url,reach',
      `${engagement.body.id},https://t.me/url_tester/1,100`,
      `${engagement.body.id},javascript:alert(1),100`,
      `${engagement.body.id},data:text/html;base64,PHNjcmlwdD4=,100`,
      '',
    ].join('\n');
    const state = await finished(await upload(() => [Buffer.from(csv)], 'post-metrics'));
    expect(state).toMatchObject({ status: 'completed', rowsImported: 1, rowsRejected: 2 });
    expect(state.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(state.errors[0]!.message).toContain('is not an http:// or https:// address');
    expect(fs.readdirSync(tempDir())).toEqual([]);
  });

  it('sweeps temporary files left by a previous run at start, keeping nothing that no running import owns', async () => {
    const leftover = path.join(tempDir(), `tandem-import-${randomUUID()}.csv`);
    fs.writeFileSync(leftover, HEADER + order(9));
    const stray = path.join(tempDir(), 'half-written.part');
    fs.writeFileSync(stray, 'x');
    // A second start of the application on the same data directory and database.
    const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', dataDir: server.dataDir };
    const restarted = await buildApp({ config, database: server.database });
    try {
      await restarted.ready();
      expect(fs.existsSync(leftover)).toBe(false);
      expect(fs.existsSync(stray)).toBe(false);
    } finally {
      await restarted.close();
    }
  });
});
