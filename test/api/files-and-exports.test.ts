import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ErrorBody } from '../support/client.ts';
import {
  buildCampaign,
  type CampaignBody,
  PASSWORD,
  setupOwner,
  type UserBody,
} from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let owner: Client;
let ownerUser: UserBody;
let campaign: CampaignBody;
let creatorId: string;
let engagementId: string;
let portal: Client;

/** A real 1×1 PNG and a real (minimal) PDF. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const FORMULAS = ['=HYPERLINK("https://evil.example","x")', '+SUM(1,2)', '-2+3', '@cmd', '\tTAB', '\rCR'];

/** Sends raw bytes (the test client only sends text) with the client's session. */
async function sendBytes(client: Client, path: string, body: Buffer, headers: Record<string, string>) {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: { cookie: client.cookie!, ...headers },
    body: new Uint8Array(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as ErrorBody & { id: string } };
}

beforeAll(async () => {
  server = await startServer();
  ({ client: owner, user: ownerUser } = await setupOwner(server.url));
  campaign = await buildCampaign(owner);
  const creator = await owner.post<{ id: string }>('/api/creators', {
    name: FORMULAS[0],
    marketCode: 'US',
    language: 'en',
    timeZone: 'America/New_York',
    channels: [{ platform: 'instagram', handle: '@formula', url: 'https://instagram.com/formula' }],
  });
  expect(creator.status, JSON.stringify(creator.body)).toBe(201);
  creatorId = creator.body.id;
  const engagement = await owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/engagements`, {
    creatorId,
    fee: { amount: 1500, currency: 'USD' },
    promoCode: '@PROMO',
  });
  expect(engagement.status, JSON.stringify(engagement.body)).toBe(201);
  engagementId = engagement.body.id;
  const invite = await owner.post<{ token: string }>('/api/invites', {
    email: 'formula@example.com',
    role: 'creator',
    marketCodes: ['US'],
    creatorId,
  });
  portal = new Client(server.url);
  const registered = await portal.post('/api/auth/register', {
    email: 'formula@example.com',
    password: PASSWORD,
    name: 'Formula Creator',
    locale: 'en',
    timeZone: 'America/New_York',
    inviteToken: invite.body.token,
  });
  expect(registered.status).toBe(201);
});
afterAll(async () => {
  await server.close();
});

/** No text cell of an export may start a spreadsheet formula; numbers stay numbers. */
function expectNoFormulas(csv: string) {
  const rows = parse(csv.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  for (const cell of rows.flat()) {
    if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
    expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
  }
  return rows;
}

describe('CSV exports neutralise formulas (OWASP CSV injection)', () => {
  it('tasks.csv prefixes every text cell that would start a formula with an apostrophe', async () => {
    for (const [i, title] of FORMULAS.entries()) {
      const res = await owner.post(`/api/campaigns/${campaign.id}/tasks`, {
        title: `${title}`,
        description: FORMULAS[(i + 1) % FORMULAS.length],
        ownerId: ownerUser.id,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const res = await owner.get<string>(`/api/campaigns/${campaign.id}/tasks.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="tasks-[\w-]+\.csv"$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const rows = expectNoFormulas(res.body);
    // Titles are trimmed when saved, descriptions are not: together they cover every trigger.
    const cells = rows.slice(1).flatMap((r) => [r[1], r.at(-1)]);
    expect(cells).toEqual(expect.arrayContaining(FORMULAS.map((f) => `'${f}`)));
    // The number column stays a number.
    expect(rows.slice(1).every((r) => /^\d+$/.test(r[0]!))).toBe(true);
  });

  it('report.csv neutralises creator names and promo codes and keeps figures numeric', async () => {
    const res = await owner.get<string>(`/api/campaigns/${campaign.id}/report.csv?language=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="report-[\w-]+-en\.csv"$/);
    const rows = expectNoFormulas(res.body);
    const creatorRow = rows.find((r) => r[1] === `'${FORMULAS[0]}`);
    expect(creatorRow, JSON.stringify(rows)).toBeDefined();
    expect(creatorRow![2]).toBe("'@PROMO");
    // Figures (reach, impressions, …) are written as numbers, never prefixed.
    expect(creatorRow![5]).toMatch(/^\d+$/);
  });
});

describe('uploads are checked by their bytes', () => {
  it('refuses a PNG sent as the signed PDF and accepts a real PDF', async () => {
    const agreement = await owner.post<{ id: string }>(`/api/engagements/${engagementId}/agreements`);
    expect(agreement.status).toBe(201);
    expect((await owner.post(`/api/agreements/${agreement.body.id}/send`)).status).toBe(200);
    const png = await sendBytes(owner, `/api/agreements/${agreement.body.id}/signed-pdf`, PNG, {
      'content-type': 'application/pdf',
    });
    expect(png.status).toBe(415);
    expect(png.body.error.code).toBe('file_content_not_allowed');
    expect(png.body.error.message).toContain('application/pdf');
    expect(png.body.error.message).toContain('image/png');
    const still = await owner.get<{ status: string; hasSignedPdf: boolean }>(
      `/api/agreements/${agreement.body.id}`,
    );
    expect(still.body).toMatchObject({ status: 'sent', hasSignedPdf: false });

    const pdf = await sendBytes(owner, `/api/agreements/${agreement.body.id}/signed-pdf`, PDF, {
      'content-type': 'application/pdf',
    });
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(200);
    const back = await owner.get<string>(`/api/agreements/${agreement.body.id}/signed-pdf`);
    expect(back.headers.get('content-type')).toBe('application/pdf');
    expect(back.headers.get('content-disposition')).toMatch(
      /^attachment; filename="agreement-[\w-]+-signed\.pdf"$/,
    );
    expect(back.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a text file sent as image/png for a draft; a real PNG is stored and served back as a download', async () => {
    const before = await owner.get<{ submissions: unknown[] }>(`/api/engagements/${engagementId}`);
    const text = await sendBytes(
      portal,
      `/api/portal/engagements/${engagementId}/submissions`,
      Buffer.from('<html><script>alert(document.cookie)</script></html>'),
      { 'content-type': 'image/png', 'x-file-name': 'cat.png' },
    );
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('file_content_not_allowed');
    expect(text.body.error.message).toMatch(/image\/jpeg, image\/png/);
    const after = await owner.get<{ submissions: unknown[] }>(`/api/engagements/${engagementId}`);
    expect(after.body.submissions).toHaveLength(before.body.submissions.length);

    const name = 'раскадровка "final"; v2.png';
    const png = await sendBytes(portal, `/api/portal/engagements/${engagementId}/submissions`, PNG, {
      // The browser says JPEG; the bytes are PNG: the bytes decide what is stored.
      'content-type': 'image/jpeg',
      'x-file-name': encodeURIComponent(name),
    });
    expect(png.status, JSON.stringify(png.body)).toBe(201);
    const file = await fetch(`${server.url}/api/submissions/${png.body.id}/file`, {
      headers: { cookie: owner.cookie! },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = file.headers.get('content-disposition')!;
    expect(disposition.startsWith('attachment; filename="')).toBe(true);
    // The ASCII fallback cannot end the quoted string early; the exact name is in filename*.
    const fallback = /filename="([^"]*)"/.exec(disposition)![1]!;
    expect(fallback).toMatch(/^[\x20-\x7e]+$/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
    expect(decodeURIComponent(encoded)).toBe(name);
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
  });
});

describe('headers on every response', () => {
  it('nosniff on JSON, errors and the web app; printable pages carry a strict CSP and stay inline', async () => {
    for (const path of ['/api/health', '/api/campaigns', '/api/nothing-here', '/']) {
      const res = await owner.get(path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    const print = await owner.get<string>(`/api/campaigns/${campaign.id}/report/print?language=en`);
    expect(print.status).toBe(200);
    expect(print.headers.get('content-type')).toMatch(/^text\/html/);
    expect(print.headers.get('content-disposition')).toBeNull();
    const csp = print.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    // The formula-named creator is escaped HTML in the page, never markup.
    expect(print.body).not.toContain('<script');
  });
});

describe('link fields accept only absolute http(s) URLs', () => {
  const BAD = [
    'javascript:alert(document.cookie)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '/relative/path',
    '//evil.example/x',
    'ftp://files.example.com/x',
    'https://',
  ];

  it('refuses them with 400 on every link field, and accepts https', async () => {
    const fields: Array<{ name: string; send: (url: string) => Promise<{ status: number; body: unknown }> }> =
      [
        {
          name: 'creator channel url (create)',
          send: (url) =>
            owner.post('/api/creators', {
              name: `Link ${Math.random()}`,
              marketCode: 'US',
              language: 'en',
              timeZone: 'America/New_York',
              channels: [{ platform: 'instagram', handle: '@x', url }],
            }),
        },
        {
          name: 'creator channel url (update)',
          send: (url) =>
            owner.patch(`/api/creators/${creatorId}`, {
              channels: [{ platform: 'instagram', handle: '@x', url }],
            }),
        },
        {
          name: 'submission link (team)',
          send: (url) => owner.post(`/api/engagements/${engagementId}/submissions`, { url }),
        },
        {
          name: 'submission link (portal)',
          send: (url) => portal.post(`/api/portal/engagements/${engagementId}/submissions`, { url }),
        },
        {
          name: 'manual metrics postUrl',
          send: (url) =>
            owner.post(`/api/engagements/${engagementId}/metrics`, {
              platform: 'telegram',
              postUrl: url,
              reach: 10,
              source: 'Telegram channel statistics',
            }),
        },
      ];
    for (const field of fields) {
      for (const url of BAD) {
        const res = (await field.send(url)) as { status: number; body: ErrorBody };
        expect(res.status, `${field.name}: ${url}`).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
        expect(res.body.error.details?.[0]?.message, `${field.name}: ${url}`).toBe(
          'Must be a full web address starting with http:// or https://.',
        );
      }
      const good = await field.send('https://t.me/formula/12');
      expect(good.status, `${field.name}: ${JSON.stringify(good.body)}`).toBeLessThan(300);
    }
    const ru = await new Client(server.url, 'ru').request<ErrorBody>(
      'POST',
      `/api/engagements/${engagementId}/submissions`,
      { url: 'javascript:alert(1)' },
      { cookie: owner.cookie! },
    );
    expect(ru.body.error.details?.[0]?.message).toMatch(/http:\/\/ или https:\/\//);
  });
});
