import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Locale } from '../../../shared/i18n/index.ts';
import { asDownload, asPrintablePage } from '../../http/download.ts';
import { originOf } from '../../http/html.ts';
import { requestLocale } from '../../http/locale.ts';
import { requireUser } from '../auth/authenticate.ts';
import { errorSchema } from '../auth/schema.ts';
import { campaignParams } from '../campaigns/schema.ts';
import { campaignRetrospective } from './campaign-retrospective.ts';
import { retrospectiveCsv, retrospectivePrintPage } from './export-retrospective.ts';
import { retrospectiveExportQuery, retrospectiveSchema } from './schema.ts';

const tags = ['Retrospective'];

export const retrospectiveRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  /** An export's data and language: `?language=` when given, else the caller's (Accept-Language or account). */
  const forExport = async (request: FastifyRequest, id: string, language: Locale | undefined) => {
    const locale = language ?? requestLocale(request);
    return { locale, retro: await campaignRetrospective(db, requireUser(request), id, { locale }) };
  };

  app.get(
    '/api/campaigns/:id/retrospective',
    {
      schema: {
        tags,
        summary:
          'The post-mortem: everything late by kind (how much, whose, which market), planned vs actual launch spread, feedback turnaround per market against its promise',
        params: campaignParams,
        response: { 200: retrospectiveSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request) =>
      campaignRetrospective(db, requireUser(request), request.params.id, { locale: requestLocale(request) }),
  );

  app.get(
    '/api/campaigns/:id/retrospective.csv',
    {
      schema: {
        tags,
        summary: 'The late list as CSV (headers, kinds and durations in the caller’s language or `language`)',
        params: campaignParams,
        querystring: retrospectiveExportQuery,
      },
    },
    async (request, reply) => {
      const { locale, retro } = await forExport(request, request.params.id, request.query.language);
      return asDownload(
        reply.type('text/csv; charset=utf-8'),
        `retrospective-${retro.campaignId}-${locale}.csv`,
      ).send(retrospectiveCsv(retro, locale, originOf(request, app.ctx.config.publicUrl)));
    },
  );

  app.get(
    '/api/campaigns/:id/retrospective/print',
    {
      schema: {
        tags,
        summary: 'The retrospective as a print-ready page',
        params: campaignParams,
        querystring: retrospectiveExportQuery,
      },
    },
    async (request, reply) => {
      const { locale, retro } = await forExport(request, request.params.id, request.query.language);
      return asPrintablePage(reply).send(retrospectivePrintPage(retro, locale));
    },
  );
};
