import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GENERATED_MARKER,
  mergeApiReference,
  type OpenApiDocument,
  renderApiReference,
} from '../../src/server/openapi/api-reference.ts';
import { Client } from '../support/client.ts';
import { startServer, type TestServer } from '../support/server.ts';

const file = path.resolve(import.meta.dirname, '../../docs/api.md');
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('docs/api.md', () => {
  it('is up to date with the OpenAPI document the server serves', async () => {
    const res = await new Client(server.url).get<OpenApiDocument>('/api/openapi.json');
    expect(res.status).toBe(200);
    const existing = fs.readFileSync(file, 'utf8');
    const expected = mergeApiReference(existing, renderApiReference(res.body));
    expect(existing === expected, 'docs/api.md is stale: run npm run docs:api').toBe(true);
  });

  it('keeps its hand-written introduction and documents every route', async () => {
    const existing = fs.readFileSync(file, 'utf8');
    const introduction = existing.slice(0, existing.indexOf(GENERATED_MARKER));
    for (const topic of ['## Authentication', '## Errors', '## Instants and local times', '## Pagination'])
      expect(introduction).toContain(topic);
    const res = await new Client(server.url).get<OpenApiDocument>('/api/openapi.json');
    for (const [route, item] of Object.entries(res.body.paths ?? {}))
      for (const method of Object.keys(item))
        expect(existing, 'run npm run docs:api').toContain(`### ${method.toUpperCase()} \`${route}\``);
  });
});
