import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { recordAuditEvent } from '../modules/audit/record-event.ts';
import { requireUser } from '../modules/auth/authenticate.ts';
import { isAdmin } from '../modules/auth/policies.ts';
import { notifyRunners } from './enqueue.ts';
import { findJobDefinition } from './registry.ts';
import { JOB_STATUSES, jobs } from './tables.ts';

const jobSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number(),
  status: z.enum(JOB_STATUSES),
  payload: z.unknown(),
  runAt: z.string(),
  attempts: z.number(),
  maxAttempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

type JobRow = typeof jobs.$inferSelect;

function present(row: JobRow): z.infer<typeof jobSchema> {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    status: row.status,
    payload: findJobDefinition(row.name)?.redact?.(row.payload) ?? row.payload,
    runAt: row.runAt.toISOString(),
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === UNIQUE_VIOLATION) return true;
  }
  return false;
}

/** Background jobs for admins: what failed, what waits, and a retry for a failed one. */
export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/jobs',
    {
      schema: {
        tags: ['Admin'],
        summary:
          'Background jobs by status (failed ones newest first, waiting ones soonest first); admins only',
        querystring: z.strictObject({
          status: z.enum(JOB_STATUSES).default('failed'),
          name: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ jobs: z.array(jobSchema) }) },
      },
    },
    async (request) => {
      if (!isAdmin(requireUser(request))) throw forbidden();
      const { status, name, limit } = request.query;
      const waiting = status === 'pending' || status === 'running';
      const rows = await app.ctx.database.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.status, status), name ? eq(jobs.name, name) : undefined))
        .orderBy(
          waiting ? asc(jobs.runAt) : desc(sql`coalesce(${jobs.finishedAt}, ${jobs.runAt})`),
          asc(jobs.id),
        )
        .limit(limit);
      return { jobs: rows.map(present) };
    },
  );

  app.post(
    '/api/admin/jobs/:id/retry',
    {
      schema: {
        tags: ['Admin'],
        summary:
          'Runs a failed job again now, with a fresh count of attempts; admins only; 409 unless it failed',
        params: z.object({ id: z.uuid() }),
        response: { 200: jobSchema },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      if (!isAdmin(actor)) throw forbidden();
      const { id } = request.params;
      try {
        return await app.ctx.database.db.transaction(async (tx) => {
          const [job] = await tx.select().from(jobs).where(eq(jobs.id, id)).for('update');
          if (!job) throw notFound();
          if (job.status !== 'failed')
            throw new AppError(409, 'job_not_failed', 'error.job_not_failed', { status: job.status });
          const [retried] = await tx
            .update(jobs)
            .set({ status: 'pending', attempts: 0, runAt: sql`now()`, finishedAt: null, startedAt: null })
            .where(eq(jobs.id, id))
            .returning();
          await recordAuditEvent(tx, {
            actor,
            action: 'job.retried',
            entityType: 'job',
            entityId: id,
            before: { name: job.name, status: job.status, attempts: job.attempts, lastError: job.lastError },
            after: { status: 'pending' },
          });
          await notifyRunners(tx);
          return present(retried!);
        });
      } catch (error) {
        // Another job with the same dedupe key is already waiting or running.
        if (isUniqueViolation(error))
          throw new AppError(409, 'job_already_queued', 'error.job_already_queued');
        throw error;
      }
    },
  );
};
