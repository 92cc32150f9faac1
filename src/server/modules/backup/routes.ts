import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, forbidden } from '../../http/errors.ts';
import { requireUser } from '../auth/authenticate.ts';
import { isAdmin } from '../auth/policies.ts';

/**
 * Online backup of the embedded database (used by `npm run backup` when TANDEM_URL is set). The
 * tarball is taken while holding PGlite's single connection: requests that write meanwhile wait a
 * moment and are not lost; everything acknowledged before the backup began is in it.
 */
export const backupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/admin/backup',
    {
      schema: {
        tags: ['Admin'],
        summary:
          'A consistent backup of the embedded database (gzipped tar, restore with npm run restore); admins only; 409 on PostgreSQL (use pg_dump)',
      },
    },
    async (request, reply) => {
      if (!isAdmin(requireUser(request))) throw forbidden();
      const { database } = app.ctx;
      if (!database.backup) throw new AppError(409, 'backup_unavailable', 'error.backup_postgres');
      const tarball = await database.backup();
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      return reply
        .header('content-type', 'application/gzip')
        .header('content-disposition', `attachment; filename="tandem-${stamp}.tar.gz"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(Buffer.from(await tarball.arrayBuffer())));
    },
  );
};
