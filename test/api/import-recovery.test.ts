import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { imports } from '../../src/server/db/schema.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let owner: Client;
beforeAll(async () => {
  server = await startServer();
  owner = (await setupOwner(server.url)).client;
});
afterAll(async () => {
  await server.close();
});

describe('an import interrupted by a crash', () => {
  it('is failed at the next start, with a reason and an audit event', async () => {
    const campaign = await buildCampaign(owner);
    const me = await owner.get<{ id: string }>('/api/me');
    const { db } = server.database;
    // What a process killed mid-import leaves behind, silent for ten minutes.
    const [row] = await db
      .insert(imports)
      .values({
        campaignId: campaign.id,
        format: 'shopify-orders',
        status: 'processing',
        createdBy: me.body.id,
        heartbeatAt: new Date(Date.now() - 10 * 60_000),
      })
      .returning();
    // A new instance starting on the same database (as after a restart).
    const again = await buildApp({ config: { ...loadConfig({}), port: 0 }, database: server.database });
    await again.close();
    const [after] = await db.select().from(imports).where(eq(imports.id, row!.id));
    expect(after).toMatchObject({ status: 'failed', failure: 'interrupted' });
    const state = await owner.get<{ failureMessage: string }>(`/api/imports/${row!.id}`);
    expect(state.body.failureMessage).toMatch(/interrupted/);
    const audit = await owner.get<{ events: Array<{ action: string }> }>(
      `/api/audit?entityType=import&entityId=${row!.id}`,
    );
    expect(audit.body.events.map((e) => e.action)).toEqual(['import.failed']);
  });
});
