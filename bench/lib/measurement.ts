// Shared set-up for the measurement benchmarks (imports, report): a server on PGlite or on a fresh
// PostgreSQL database, a RU + US campaign with creators and promo codes, streamed CSV generation
// and upload, import polling and RSS sampling.

import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createOwner, type Owner } from './api.ts';
import { freshPostgresDatabase, HttpClient } from './http.ts';
import { log } from './report.ts';
import { cpuTimeMs, type RunningServer, startServer, tempDir } from './server.ts';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Deterministic PRNG (mulberry32), so every run generates the same files. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One process.memoryUsage() sample from inside the server (bytes; `at` is Date.now()). */
export interface MemorySample {
  at: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface BenchServer {
  server: RunningServer;
  owner: Owner;
  http: HttpClient;
  database: 'pglite' | 'postgres';
  /** The temporary directory the data directory and generated files live in. */
  workDir: string;
  notes: string[];
  /**
   * On PostgreSQL running on this machine: CPU time (user + system, ms) used so far by the
   * backends connected to the benchmark's database (a backend that has exited is no longer
   * counted). Null when it cannot be read.
   */
  backendCpuMs(): Promise<number | null>;
  /** The server's memory samples between two Date.now() instants (empty without `memoryLog`). */
  readMemory(from: number, to: number): MemorySample[];
  close(): Promise<void>;
}

/**
 * Starts a server on a fresh PGlite data directory, or, with DATABASE_URL set, on a fresh
 * database created on that server (dropped afterwards unless BENCH_KEEP_DB=1). Registers the
 * owner and opens a keep-alive client with its token. BENCH_LOG_LEVEL sets the server's log
 * level; BENCH_CPU_PROFILE_DIR=<dir> writes a V8 CPU profile of the server there when it stops
 * (lib/server-probe.mjs; open it in Chrome DevTools or speedscope). With `memoryLog`, the server
 * logs process.memoryUsage() every 100 ms (BENCH_SERVER_MEMORY=0 turns it off): readMemory().
 */
export async function startBenchServer(
  prefix: string,
  options: { memoryLog?: boolean } = {},
): Promise<BenchServer> {
  const notes: string[] = [];
  const workDir = tempDir();
  const serverEnv: Record<string, string> = {};
  if (process.env.BENCH_LOG_LEVEL) serverEnv.LOG_LEVEL = process.env.BENCH_LOG_LEVEL;
  const probes: string[] = [];
  if (process.env.BENCH_CPU_PROFILE_DIR) {
    serverEnv.BENCH_CPU_PROFILE_DIR = path.resolve(process.env.BENCH_CPU_PROFILE_DIR);
    probes.push(`CPU profile written to ${serverEnv.BENCH_CPU_PROFILE_DIR} when the server stops`);
  }
  let memoryLog: string | undefined;
  if (options.memoryLog && process.env.BENCH_SERVER_MEMORY !== '0') {
    memoryLog = path.join(workDir, 'server-memory.jsonl');
    serverEnv.BENCH_MEMORY_LOG = memoryLog;
    probes.push('process.memoryUsage() logged every 100 ms');
  }
  if (probes.length) {
    // Node refuses --cpu-prof in NODE_OPTIONS: a preloaded module observes the server instead.
    const preload = `--import ${JSON.stringify(path.join(import.meta.dirname, 'server-probe.mjs'))}`;
    serverEnv.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${preload}`.trim();
    notes.push(`server probes (lib/server-probe.mjs): ${probes.join('; ')}`);
  }
  let dropDatabase: (() => Promise<void>) | undefined;
  let admin: postgres.Sql | undefined;
  let databaseName: string | undefined;
  if (process.env.DATABASE_URL) {
    const fresh = await freshPostgresDatabase(process.env.DATABASE_URL, prefix);
    serverEnv.DATABASE_URL = fresh.url;
    databaseName = fresh.name;
    admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    if (!process.env.BENCH_KEEP_DB) dropDatabase = fresh.drop;
    log(`PostgreSQL: fresh database ${fresh.name}`);
    notes.push(
      `database: PostgreSQL, fresh database ${fresh.name} (${process.env.BENCH_KEEP_DB ? 'kept' : 'dropped after the run'}); pool size ${process.env.DATABASE_POOL_SIZE ?? 'server default'}`,
    );
  } else {
    notes.push('database: PGlite (fresh data directory, fsync on)');
  }
  let server: RunningServer | undefined;
  let client: HttpClient | undefined;
  try {
    server = await startServer({ dataDir: path.join(workDir, 'data'), env: serverEnv });
    const owner = await createOwner(server.baseUrl);
    client = new HttpClient(server.baseUrl, owner.token, 16);
    const health = await client.json<{ database?: string }>('GET', '/api/health');
    const database = health.database === 'postgres' ? 'postgres' : 'pglite';
    log(`server up in ${server.readyMs.toFixed(0)} ms (database: ${health.database})`);
    notes.push(`server LOG_LEVEL: ${process.env.BENCH_LOG_LEVEL ?? 'unset (server default)'}`);
    const live = server;
    const http = client;
    const sql = admin;
    return {
      server: live,
      owner,
      http,
      database,
      workDir,
      notes,
      readMemory(from, to) {
        if (!memoryLog || !fs.existsSync(memoryLog)) return [];
        return fs
          .readFileSync(memoryLog, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as MemorySample)
          .filter((m) => m.at >= from && m.at <= to);
      },
      async backendCpuMs() {
        if (!sql || !databaseName) return null;
        try {
          const rows = await sql<Array<{ pid: number }>>`
            select pid from pg_stat_activity where datname = ${databaseName} and pid <> pg_backend_pid()`;
          return rows.reduce((sum, r) => sum + cpuTimeMs(r.pid), 0);
        } catch {
          return null;
        }
      },
      async close() {
        http.close();
        await live.stop(15_000);
        await sql?.end({ timeout: 5 });
        if (dropDatabase)
          await dropDatabase().catch((e: Error) => log(`could not drop the database: ${e.message}`));
      },
    };
  } catch (error) {
    if (server) process.stderr.write(`\n--- server log (tail) ---\n${server.logTail()}\n---\n`);
    client?.close();
    if (server) await server.stop(5000);
    await admin?.end({ timeout: 5 });
    if (dropDatabase) await dropDatabase().catch(() => {});
    throw error;
  }
}

export const MARKETS = [
  { code: 'RU', language: 'ru', timeZone: 'Europe/Moscow', currency: 'RUB', objective: 'awareness' },
  { code: 'US', language: 'en', timeZone: 'America/New_York', currency: 'USD', objective: 'conversion' },
] as const;

export async function createCampaign(http: HttpClient, name: string): Promise<string> {
  const campaign = await http.json<{ id: string }>(
    'POST',
    '/api/campaigns',
    { name, brand: 'Northwind Wellness', launchWindowHours: 48, markets: MARKETS },
    201,
  );
  return campaign.id;
}

export interface BenchCreator {
  name: string;
  marketCode: 'RU' | 'US';
  promoCode: string;
  engagementId: string;
  fee: { amount: number; currency: 'RUB' | 'USD' };
}

const FIRST = {
  RU: ['Анна', 'Мария', 'Ольга', 'Дарья', 'Ирина', 'Екатерина', 'Алексей', 'Иван', 'Дмитрий', 'Сергей'],
  US: ['Jess', 'Taylor', 'Jordan', 'Morgan', 'Casey', 'Riley', 'Avery', 'Quinn', 'Jamie', 'Drew'],
};
const LAST = {
  RU: ['Смирнова', 'Иванова', 'Кузнецова', 'Попова', 'Соколова', 'Лебедева', 'Козлова', 'Новикова'],
  US: ['Park', 'Reed', 'Nguyen', 'Garcia', 'Miller', 'Brooks', 'Hayes', 'Foster'],
};
const US_ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];

/**
 * `count` creators (alternating RU / US) through POST /api/creators, each engaged in the campaign
 * with a fee in the market's currency and a unique promo code (POST /api/campaigns/:id/engagements).
 */
export async function createCreators(
  http: HttpClient,
  campaignId: string,
  count: number,
  concurrency = 4,
): Promise<BenchCreator[]> {
  const rand = random(7);
  const specs = Array.from({ length: count }, (_, i) => {
    const marketCode = i % 2 === 0 ? 'RU' : 'US';
    const first = FIRST[marketCode][i % 10]!;
    const last = LAST[marketCode][Math.floor(i / 10) % 8]!;
    const name = `${first} ${last} ${i + 1}`;
    const promoCode = `${marketCode === 'RU' ? 'RU' : 'US'}${(i + 1).toString().padStart(3, '0')}${['CALM', 'SLEEP', 'TEA', 'GLOW'][i % 4]}`;
    const fee =
      marketCode === 'RU'
        ? { amount: 50_000 + Math.round(rand() * 250) * 1000, currency: 'RUB' as const }
        : { amount: 500 + Math.round(rand() * 45) * 100, currency: 'USD' as const };
    return {
      name,
      marketCode: marketCode as 'RU' | 'US',
      promoCode,
      fee,
      body: {
        name,
        marketCode,
        language: marketCode === 'RU' ? 'ru' : 'en',
        timeZone: marketCode === 'RU' ? 'Europe/Moscow' : US_ZONES[i % US_ZONES.length]!,
        channels: [
          {
            platform: marketCode === 'RU' ? 'telegram' : 'instagram',
            handle: `@creator${i + 1}`,
            followers: 5_000 + Math.round(rand() * 500_000),
          },
        ],
      },
    };
  });
  const result: BenchCreator[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const spec = specs[i]!;
        const creator = await http.json<{ id: string }>('POST', '/api/creators', spec.body, 201);
        const engagement = await http.json<{ id: string }>(
          'POST',
          `/api/campaigns/${campaignId}/engagements`,
          {
            creatorId: creator.id,
            fee: spec.fee,
            promoCode: spec.promoCode,
            status: 'in_production',
            // Benchmarks skip the paperwork: the agreement gate (issue 12) is overridden, with its reason.
            override: { reason: 'benchmark set-up' },
          },
          201,
        );
        result[i] = {
          name: spec.name,
          marketCode: spec.marketCode,
          promoCode: spec.promoCode,
          engagementId: engagement.id,
          fee: spec.fee,
        };
      }
    }),
  );
  return result;
}

/** Buffered writes to a file stream, waiting for 'drain' so the whole file is never in memory. */
export class CsvWriter {
  private readonly stream: fs.WriteStream;
  private buffer = '';
  bytes = 0;

  constructor(file: string) {
    this.stream = fs.createWriteStream(file);
  }

  async line(cells: ReadonlyArray<string | number>): Promise<void> {
    let text = '';
    for (let i = 0; i < cells.length; i++) {
      const cell = String(cells[i]);
      if (i) text += ',';
      text += /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
    }
    this.buffer += `${text}\n`;
    if (this.buffer.length >= 1 << 16) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buffer) return;
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

const pad = (n: number) => n.toString().padStart(2, '0');
const offsetCache = new Map<number, number>();
const nyOffsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  timeZoneName: 'longOffset',
});

/** Minutes east of UTC in New York at `ms` (cached per hour). */
function newYorkOffset(ms: number): number {
  const hour = Math.floor(ms / 3_600_000);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    const name = nyOffsetFormat.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = name.match(/GMT([+-])(\d\d):(\d\d)/);
    offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    offsetCache.set(hour, offset);
  }
  return offset;
}

/** Shopify's timestamp format in the shop's zone (New York): `2026-03-09 10:00:00 -0400`. */
export function shopifyTime(ms: number): string {
  const offset = newYorkOffset(ms);
  const d = new Date(ms + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

export const SHOPIFY_HEADER = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Fulfillment Status',
  'Fulfilled at',
  'Accepts Marketing',
  'Currency',
  'Subtotal',
  'Shipping',
  'Taxes',
  'Total',
  'Discount Code',
  'Discount Amount',
  'Shipping Method',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem sku',
  'Billing Name',
  'Billing Zip',
  'Notes',
];

const PRODUCTS = [
  ['Calm Mornings Tea, 50 g', 18, 'CMT-050'],
  ['Calm Mornings Tea, 200 g', 49, 'CMT-200'],
  ['Sleep Mask - Silk', 32, 'SLM-SLK'],
  ['Magnesium Night Drops', 27.5, 'MND-030'],
  ['Lavender Pillow Mist', 21, 'LPM-100'],
  ['Gratitude Journal', 24, 'GRJ-A5'],
  ['Ceramic Tea Cup "Dawn"', 16, 'CTC-DWN'],
  ['Gift Card', 50, 'GIFT-50'],
] as const;
const BUYER_FIRST = ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Elijah', 'Sophia', 'Lucas', 'Mia', 'Mason'];
const BUYER_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Davis', 'Lopez', 'Wilson', 'Clark'];
const NOTES = [
  'Leave at the door, please',
  'Gift - no invoice in the box, thanks!',
  'Call before delivery,\nbuzzer 4B is broken',
  'Birthday present: "Happy 30th, Sam"\nwrap if possible, thanks',
];
const SHIPPING = ['Standard Shipping', 'Express', 'Free Shipping (orders over $75)', 'Local Pickup'];
const SITE_CODES = ['WELCOME10', 'SPRING15', 'FREESHIP'];

export interface ShopifyOptions {
  /** Total data rows (line items), excluding the header. */
  rows: number;
  /** Creator promo codes, with the currency their orders are paid in. */
  codes: ReadonlyArray<{ code: string; currency: string }>;
  /** Share of orders with a creator promo code (default 0.3). */
  creatorShare?: number;
  /** Share of orders with a shop-wide code that is no creator's (default 0.03). */
  siteCodeShare?: number;
  from: number;
  to: number;
  seed?: number;
  firstOrderNumber?: number;
}

export interface ShopifyStats {
  bytes: number;
  rows: number;
  orders: number;
  /** Orders carrying a creator's promo code, by currency. */
  creatorOrders: number;
  siteCodeOrders: number;
  notes: number;
  ms: number;
}

/**
 * Streams a Shopify orders export to `file`: one row per line item, 1–5 items per order, order
 * fields on the order's first row only (later rows: Name and the Lineitem columns), Billing Zip
 * with Excel's leading apostrophe, some quoted multi-line Notes with commas.
 */
export async function writeShopifyOrders(file: string, options: ShopifyOptions): Promise<ShopifyStats> {
  const t0 = performance.now();
  const rand = random(options.seed ?? 11);
  const creatorShare = options.creatorShare ?? 0.3;
  const siteCodeShare = options.siteCodeShare ?? 0.03;
  const out = new CsvWriter(file);
  await out.line(SHOPIFY_HEADER);
  const stats: ShopifyStats = {
    bytes: 0,
    rows: 0,
    orders: 0,
    creatorOrders: 0,
    siteCodeOrders: 0,
    notes: 0,
    ms: 0,
  };
  const span = options.to - options.from;
  let number = options.firstOrderNumber ?? 1001;
  while (stats.rows < options.rows) {
    const items = Math.min(1 + Math.floor(rand() * rand() * 5.99), options.rows - stats.rows);
    const name = `#${number++}`;
    const created = options.from + Math.floor((span * stats.rows) / options.rows + rand() * 60_000);
    const lines = Array.from({ length: items }, () => {
      const product = PRODUCTS[Math.floor(rand() * PRODUCTS.length)]!;
      return { product, quantity: 1 + Math.floor(rand() * rand() * 4) };
    });
    const r = rand();
    let currency = 'USD';
    let code = '';
    if (r < creatorShare) {
      const chosen = options.codes[Math.floor(rand() * options.codes.length)]!;
      code = rand() < 0.1 ? chosen.code.toLowerCase() : chosen.code;
      currency = chosen.currency;
      stats.creatorOrders++;
    } else if (r < creatorShare + siteCodeShare) {
      code = SITE_CODES[Math.floor(rand() * SITE_CODES.length)]!;
      stats.siteCodeOrders++;
    }
    const factor = currency === 'RUB' ? 90 : 1;
    const subtotal = lines.reduce((s, l) => s + l.product[1] * factor * l.quantity, 0);
    const discount = code ? Math.round(subtotal * 0.15 * 100) / 100 : 0;
    const shipping = subtotal >= 75 * factor ? 0 : 7.5 * factor;
    const taxes = Math.round((subtotal - discount) * 0.08 * 100) / 100;
    const total = (subtotal - discount + shipping + taxes).toFixed(2);
    const status = rand();
    const financial = status < 0.9 ? 'paid' : status < 0.95 ? 'partially_refunded' : 'pending';
    const fulfilled = financial !== 'pending' && rand() < 0.85;
    const buyer = `${BUYER_FIRST[Math.floor(rand() * BUYER_FIRST.length)]} ${BUYER_LAST[Math.floor(rand() * BUYER_LAST.length)]}`;
    const note = rand() < 0.02 ? NOTES[Math.floor(rand() * NOTES.length)]! : '';
    if (note) stats.notes++;
    const createdAt = shopifyTime(created);
    for (let i = 0; i < items; i++) {
      const { product, quantity } = lines[i]!;
      const price = (product[1] * factor).toFixed(2);
      if (i === 0) {
        await out.line([
          name,
          `${buyer.toLowerCase().replace(' ', '.')}${number % 997}@example.com`,
          financial,
          financial === 'pending' ? '' : createdAt,
          fulfilled ? 'fulfilled' : 'unfulfilled',
          fulfilled ? shopifyTime(created + 86_400_000 + Math.floor(rand() * 172_800_000)) : '',
          rand() < 0.4 ? 'yes' : 'no',
          currency,
          subtotal.toFixed(2),
          shipping.toFixed(2),
          taxes.toFixed(2),
          total,
          code,
          discount.toFixed(2),
          SHIPPING[Math.floor(rand() * SHIPPING.length)]!,
          createdAt,
          quantity,
          product[0],
          price,
          product[2],
          buyer,
          `'${Math.floor(rand() * 99_999)
            .toString()
            .padStart(5, '0')}`,
          note,
        ]);
      } else {
        await out.line([
          name,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          quantity,
          product[0],
          price,
          product[2],
          '',
          '',
          '',
        ]);
      }
    }
    stats.rows += items;
    stats.orders++;
  }
  await out.close();
  stats.bytes = out.bytes;
  stats.ms = performance.now() - t0;
  return stats;
}

/**
 * POSTs a file as the request body (node:http, the file piped from a read stream, never read
 * into memory). Resolves when the response has arrived, with the time from the first byte sent.
 */
export function uploadFile(
  baseUrl: string,
  token: string,
  urlPath: string,
  file: string,
): Promise<{ status: number; body: string; ms: number }> {
  const url = new URL(baseUrl);
  const size = fs.statSync(file).size;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(
      {
        host: url.hostname,
        port: Number(url.port),
        method: 'POST',
        path: urlPath,
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'text/csv',
          'content-length': size,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - t0,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
    input.on('error', (error) => req.destroy(error));
    input.pipe(req);
  });
}

export interface ImportState {
  id: string;
  status: string;
  progress: number;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  errors: Array<{ line: number; message: string }>;
  failure: string | null;
  failureMessage: string | null;
}

/** Polls GET /api/imports/:id every `everyMs` until completed or failed; keeps the progress seen. */
export async function waitForImport(
  http: HttpClient,
  id: string,
  options: { everyMs?: number; timeoutMs?: number; onPoll?: (state: ImportState, at: number) => void } = {},
): Promise<{ state: ImportState; doneAt: number; polls: Array<{ at: number; rowsRead: number }> }> {
  const everyMs = options.everyMs ?? 250;
  const deadline = performance.now() + (options.timeoutMs ?? 600_000);
  const polls: Array<{ at: number; rowsRead: number }> = [];
  for (;;) {
    const state = await http.json<ImportState>('GET', `/api/imports/${id}`);
    const at = performance.now();
    polls.push({ at, rowsRead: state.rowsRead });
    options.onPoll?.(state, at);
    if (state.status === 'completed' || state.status === 'failed') return { state, doneAt: at, polls };
    if (at > deadline) throw new Error(`import ${id} still ${state.status} after ${options.timeoutMs} ms`);
    await sleep(everyMs);
  }
}

/** Samples the server's VmRSS every `everyMs` until stopped. */
export function sampleRss(server: RunningServer, everyMs = 100) {
  const samples: Array<{ at: number; mb: number }> = [];
  const take = () => {
    try {
      samples.push({ at: performance.now(), mb: server.rssMb() });
    } catch {
      // the process is gone
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      take();
      return Math.max(...samples.map((s) => s.mb));
    },
  };
}

/** Resets the kernel's peak-RSS mark (VmHWM) of a process; false when not permitted. */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export const fmtMb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
export const workFile = (dir: string, name: string) => path.join(dir, name);

/**
 * How busy the machine is (other processes compete with the server and the database for the
 * CPUs): 1-minute load average, and the share of the last 60 s in which some runnable task
 * waited for a CPU (/proc/pressure/cpu, when the kernel has it).
 */
export function machineLoad(): string {
  const [load1] = os.loadavg();
  let pressure = '';
  try {
    const line = fs.readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0] ?? '';
    const avg60 = line.match(/avg60=([\d.]+)/)?.[1];
    if (avg60) pressure = `, CPU pressure (some, 60 s) ${avg60} %`;
  } catch {
    // no PSI on this kernel
  }
  return `load average ${load1!.toFixed(2)} on ${os.availableParallelism()} CPUs${pressure}`;
}
