import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isLocale, type Locale } from '../../../shared/i18n/index.ts';
import { csvBody } from '../../http/csv-input.ts';
import { asDownload, asPrintablePage } from '../../http/download.ts';
import { forbidden } from '../../http/errors.ts';
import { requestLocale } from '../../http/locale.ts';
import { requireUser } from '../auth/authenticate.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { mayViewCampaign } from '../campaigns/policies.ts';
import { campaignParams } from '../campaigns/schema.ts';
import { reportCsv } from './export-report.ts';
import { ImportFiles } from './import-files.ts';
import { recordManualMetrics, setExchangeRates } from './record-metrics.ts';
import { campaignRates, campaignReport } from './report.ts';
import { reportDocument } from './report-document.ts';
import {
  findImport,
  importFailureMessage,
  listImports,
  presentImport,
  receiveImport,
  undoImport,
} from './run-import.ts';
import {
  fxBody,
  fxRatesSchema,
  importCreatedSchema,
  importListSchema,
  importQuery,
  importSchema,
  importStateSchema,
  manualMetricsBody,
  manualMetricsSchema,
  reportPrintQuery,
  reportQuery,
  reportSchema,
} from './schema.ts';

const tags = ['Measurement'];
const idParams = z.strictObject({ id: z.uuid() });

export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  // Import temporary files: stopped and removed on close, leftovers of a killed process swept
  // once the app is ready (after interrupted imports were recovered in buildApp).
  const files = new ImportFiles(app.ctx.config.dataDir);
  app.addHook('onReady', async () => files.sweep(db));
  app.addHook('onClose', async () => files.close());

  app.post(
    '/api/campaigns/:id/imports',
    {
      // The body is streamed to disk as it arrives; only the temporary file's size is limited.
      bodyLimit: 2 * 1024 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Upload a CSV export (Content-Type text/csv): shopify-orders or post-metrics; 202, then poll GET /api/imports/:id',
        params: campaignParams,
        querystring: importQuery,
        response: { 202: importCreatedSchema },
      },
    },
    async (request, reply) => {
      const created = await receiveImport(
        db,
        requireUser(request),
        request.params.id,
        request.query.format,
        csvBody(request),
        {
          fileName: request.query.fileName,
          mapping: request.query.mapping,
        },
        files,
      );
      return reply.status(202).send(created);
    },
  );

  app.get(
    '/api/campaigns/:id/imports',
    { schema: { tags, params: campaignParams, response: { 200: importListSchema } } },
    async (request) => {
      const locale = requestLocale(request);
      return {
        imports: (await listImports(db, requireUser(request), request.params.id)).map((row) => ({
          ...presentImport(row),
          failureMessage: importFailureMessage(row, locale),
        })),
      };
    },
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: 'Progress and per-row errors of an import',
        params: idParams,
        response: { 200: importStateSchema },
      },
    },
    async (request) => {
      const found = await findImport(db, requireUser(request), request.params.id);
      const row = presentImport(found);
      const failureMessage = importFailureMessage(found, requestLocale(request));
      return { ...row, failureMessage };
    },
  );

  app.post(
    '/api/imports/:id/undo',
    {
      schema: {
        tags,
        summary: 'Remove everything the import brought in',
        params: idParams,
        response: { 200: importSchema },
      },
    },
    async (request) => undoImport(db, requireUser(request), request.params.id),
  );

  app.post(
    '/api/engagements/:id/metrics',
    {
      schema: {
        tags,
        summary: 'Enter a post’s figures by hand (Telegram, VK), with their source',
        params: idParams,
        body: manualMetricsBody,
        response: { 201: manualMetricsSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordManualMetrics(db, requireUser(request), request.params.id, request.body)),
  );

  app.get(
    '/api/campaigns/:id/fx',
    { schema: { tags, params: campaignParams, response: { 200: fxRatesSchema } } },
    async (request) => {
      if (!mayViewCampaign(requireUser(request))) throw forbidden();
      const campaign = await findCampaign(db, request.params.id);
      return campaignRates(db, campaign.id, campaign.markets[0]!.currency);
    },
  );
  app.put(
    '/api/campaigns/:id/fx',
    {
      schema: {
        tags,
        summary: 'Exchange rates fixed for the campaign (audited)',
        params: campaignParams,
        body: fxBody,
        response: { 200: fxRatesSchema },
      },
    },
    async (request) => setExchangeRates(db, requireUser(request), request.params.id, request.body),
  );

  app.get(
    '/api/campaigns/:id/report',
    {
      schema: {
        tags,
        summary: 'Per-market KPIs (actual vs target, checkpoints) and per-creator figures',
        params: campaignParams,
        response: { 200: reportSchema },
      },
    },
    async (request) => campaignReport(db, requireUser(request), request.params.id),
  );

  app.get(
    '/api/campaigns/:id/report.csv',
    { schema: { tags, params: campaignParams, querystring: reportQuery } },
    async (request, reply) => {
      const actor = requireUser(request);
      const report = await campaignReport(db, actor, request.params.id);
      const locale = isLocale(request.query.language) ? request.query.language : actor.locale;
      return asDownload(
        reply.type('text/csv; charset=utf-8'),
        `report-${request.params.id}-${locale}.csv`,
      ).send(reportCsv(report, locale));
    },
  );

  app.get(
    '/api/campaigns/:id/report/print',
    {
      schema: {
        tags,
        summary:
          'The joint report as a print-ready document for the brand (cover, joint total with its rates, each market in its own currency); A4 or Letter',
        params: campaignParams,
        querystring: reportPrintQuery,
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const report = await campaignReport(db, actor, request.params.id);
      const campaign = await findCampaign(db, request.params.id);
      const { language, paper } = request.query;
      const locales: Locale[] =
        language === 'both' ? [actor.locale, actor.locale === 'en' ? 'ru' : 'en'] : [language];
      return asPrintablePage(reply).send(
        reportDocument(report, campaign, { locales, readerZone: actor.timeZone, paper }),
      );
    },
  );
};
