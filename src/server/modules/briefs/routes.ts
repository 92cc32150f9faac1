import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asDownload, asPrintablePage } from '../../http/download.ts';
import { forbidden } from '../../http/errors.ts';
import { requireUser } from '../auth/authenticate.ts';
import { errorSchema } from '../auth/schema.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { mayViewCampaign } from '../campaigns/policies.ts';
import {
  acknowledgementStatus,
  acknowledgeVersion,
  requestAcknowledgement,
  withdrawAcknowledgementRequest,
} from './acknowledge-version.ts';
import { diffVersions } from './diff-versions.ts';
import { editSectionData } from './edit-section-data.ts';
import { editSectionText } from './edit-section-text.ts';
import { rulePeopleNames } from './escalation-rules.ts';
import { briefToHtml, briefToMarkdown, exportLanguages } from './export-brief.ts';
import { findVersion, listVersions, publishVersion } from './publish-version.ts';
import { assertCampaignLanguage, readBrief } from './read-brief.ts';
import {
  acknowledgeBody,
  briefDiffSchema,
  briefParams,
  briefSchema,
  briefVersionSchema,
  confirmTextBody,
  diffParams,
  editDataBody,
  editTextBody,
  exportQuery,
  publishBody,
  requestAcknowledgementBody,
  sectionParams,
  versionParams,
} from './schema.ts';

const tags = ['Brief'];

const ackStatusSchema = z.object({
  version: z.number(),
  complete: z.boolean(),
  acknowledged: z.number(),
  required: z.number(),
  people: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      role: z.string(),
      markets: z.array(z.string()),
      reason: z.enum(['market_lead', 'asked']),
      acknowledgedAt: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});

export const briefRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/api/campaigns/:id/brief',
    { schema: { tags, params: briefParams, response: { 200: briefSchema, 404: errorSchema } } },
    async (request) => {
      if (!mayViewCampaign(requireUser(request))) throw forbidden();
      return readBrief(db, await findCampaign(db, request.params.id));
    },
  );

  app.put(
    '/api/campaigns/:id/brief/sections/:key',
    {
      schema: {
        tags,
        summary: "Write one language of a section; 409 when baseRevision is not the text's current revision",
        params: sectionParams,
        body: editTextBody,
        response: { 200: briefSchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (request) =>
      editSectionText(db, requireUser(request), request.params.id, request.params.key, {
        kind: 'edit',
        input: request.body,
      }),
  );

  app.post(
    '/api/campaigns/:id/brief/sections/:key/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm that a text flagged stale is still accurate',
        params: sectionParams,
        body: confirmTextBody,
        response: { 200: briefSchema, 409: errorSchema },
      },
    },
    async (request) =>
      editSectionText(db, requireUser(request), request.params.id, request.params.key, {
        kind: 'confirm',
        input: request.body,
      }),
  );

  app.put(
    '/api/campaigns/:id/brief/sections/:key/data',
    {
      schema: {
        tags,
        summary:
          'Replace the structured content of a section (criteria, KPIs, guardrail items, escalation rules)',
        params: sectionParams,
        body: editDataBody,
        response: { 200: briefSchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (request) =>
      editSectionData(db, requireUser(request), request.params.id, request.params.key, request.body),
  );

  app.post(
    '/api/campaigns/:id/brief/versions',
    {
      schema: {
        tags,
        summary: 'Publish: freeze the brief as the next numbered version',
        params: briefParams,
        body: publishBody.optional(),
        response: {
          201: z.object({ version: z.number(), publishedAt: z.string(), staleTexts: z.number() }),
          409: errorSchema,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await publishVersion(db, requireUser(request), request.params.id, request.body?.note)),
  );

  app.get(
    '/api/campaigns/:id/brief/versions',
    {
      schema: {
        tags,
        params: briefParams,
        response: {
          200: z.object({
            versions: z.array(
              z.object({
                version: z.number(),
                publishedAt: z.string(),
                note: z.string().nullable(),
                publishedBy: z.object({ id: z.string(), name: z.string() }),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ versions: await listVersions(db, requireUser(request), request.params.id) }),
  );

  app.get(
    '/api/campaigns/:id/brief/versions/:v',
    { schema: { tags, params: versionParams, response: { 200: briefVersionSchema } } },
    async (request) => findVersion(db, requireUser(request), request.params.id, request.params.v),
  );

  app.get(
    '/api/campaigns/:id/brief/versions/:a/diff/:b',
    {
      schema: {
        tags,
        summary: 'A readable word-level diff per section and language',
        params: diffParams,
        response: { 200: briefDiffSchema },
      },
    },
    async (request) =>
      diffVersions(db, requireUser(request), request.params.id, request.params.a, request.params.b),
  );

  app.get(
    '/api/campaigns/:id/brief/versions/:v/export',
    {
      schema: {
        tags,
        summary: 'The published brief as a print-ready page (html; print to PDF in the browser) or Markdown',
        params: versionParams,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const found = await findVersion(db, requireUser(request), request.params.id, request.params.v);
      const version = { ...found, people: await rulePeopleNames(db, found.snapshot.sections) };
      const campaign = await findCampaign(db, request.params.id);
      if (request.query.language !== 'both') assertCampaignLanguage(campaign, request.query.language);
      const languages = exportLanguages(version.snapshot, request.query.language);
      if (request.query.format === 'markdown') {
        return asDownload(
          reply.type('text/markdown; charset=utf-8'),
          `brief-v${version.version}-${request.query.language}.md`,
        ).send(briefToMarkdown(version, languages));
      }
      return asPrintablePage(reply).send(briefToHtml(version, languages));
    },
  );

  app.post(
    '/api/campaigns/:id/brief/versions/:v/acknowledgements',
    {
      schema: {
        tags,
        summary: 'Acknowledge the current version (market leads and members asked)',
        params: versionParams,
        body: acknowledgeBody.optional(),
        response: { 201: ackStatusSchema, 200: ackStatusSchema, 403: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const result = await acknowledgeVersion(
        db,
        requireUser(request),
        request.params.id,
        request.params.v,
        request.body?.note,
      );
      return reply.status(result.created ? 201 : 200).send(result.status);
    },
  );

  app.get(
    '/api/campaigns/:id/brief/versions/:v/acknowledgements',
    { schema: { tags, params: versionParams, response: { 200: ackStatusSchema } } },
    async (request) => acknowledgementStatus(db, requireUser(request), request.params.id, request.params.v),
  );

  app.post(
    '/api/campaigns/:id/brief/acknowledgement-requests',
    {
      schema: {
        tags,
        summary: 'Ask a member to acknowledge every version',
        params: briefParams,
        body: requestAcknowledgementBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await requestAcknowledgement(db, requireUser(request), request.params.id, request.body.userId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/campaigns/:id/brief/acknowledgement-requests/:userId',
    {
      schema: {
        tags,
        summary: 'No longer ask this member to acknowledge',
        params: z.strictObject({ id: z.uuid(), userId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await withdrawAcknowledgementRequest(
        db,
        requireUser(request),
        request.params.id,
        request.params.userId,
      );
      return reply.status(204).send(null);
    },
  );
};
