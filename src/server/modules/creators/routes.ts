import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvBody } from '../../http/csv-input.ts';
import { asDownload, asPrintablePage } from '../../http/download.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { requestLocale } from '../../http/locale.ts';
import { isStorableText } from '../../http/storable.ts';
import { requireUser } from '../auth/authenticate.ts';
import { isStaff } from '../auth/policies.ts';
import { campaignParams } from '../campaigns/schema.ts';
import {
  agreementPrintPage,
  agreementsOf,
  findAgreement,
  generateAgreement,
  presentAgreement,
  sendAgreement,
  signAgreement,
} from './agreements.ts';
import {
  fileContentType,
  giveFeedback,
  submissionFile,
  submissionsOf,
  submitDraft,
  UPLOAD_LIMIT_BYTES,
  UPLOAD_TYPES,
} from './approvals.ts';
import { createEngagement, findEngagement, listEngagements, updateEngagement } from './engagements.ts';
import {
  campaignPolicies,
  listPolicyDefaults,
  setCampaignPolicy,
  setPolicyDefault,
} from './market-policies.ts';
import { mayManageCreators } from './policies.ts';
import { ownEngagement, portalEngagement, portalEngagements, postFromPortal } from './portal.ts';
import { createCreator, importRoster, listCreators, readLimited, updateCreator } from './roster.ts';
import {
  acceptAgreementBody,
  agreementSchema,
  campaignPoliciesSchema,
  creatorBody,
  creatorListSchema,
  creatorSchema,
  engagementBody,
  engagementDetailSchema,
  engagementListSchema,
  engagementSchema,
  feedbackBody,
  idParams,
  linkSubmissionBody,
  marketPolicySchema,
  policyBody,
  policyDefaultSchema,
  policyDefaultsSchema,
  portalEngagementListSchema,
  portalEngagementSchema,
  portalPostBody,
  rosterImportSchema,
  submissionSchema,
  updateCreatorBody,
  updateEngagementBody,
} from './schema.ts';

const tags = ['Creators'];
const ROSTER_LIMIT = 2 * 1024 * 1024;

/** X-File-Name is percent-encoded by the web app; a malformed or empty one is refused, never guessed. */
function decodeFileName(raw: string): string {
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw new AppError(400, 'invalid_file_name', 'error.invalid_file_name');
  }
  // Only the last path segment, without control characters, is a file name.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  name = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!name || !isStorableText(name)) throw new AppError(400, 'invalid_file_name', 'error.invalid_file_name');
  return name.slice(0, 200);
}

/** An uploaded file: the declared type must be an upload type and the bytes one of `allowed`. */
async function uploadedFile(request: FastifyRequest, allowed: readonly string[] = UPLOAD_TYPES) {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (!(UPLOAD_TYPES as readonly string[]).includes(type)) {
    throw new AppError(415, 'file_type_not_allowed', 'error.file_type_not_allowed', {
      type,
      allowed: UPLOAD_TYPES.join(', '),
    });
  }
  const raw = request.headers['x-file-name'];
  const fileName = decodeFileName(String(Array.isArray(raw) ? raw[0] : (raw ?? 'upload')));
  const file = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  return { fileType: await fileContentType(file, allowed), fileName, file };
}

export const creatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.post(
    '/api/creators',
    {
      schema: {
        tags,
        summary: 'Add a creator to the roster',
        body: creatorBody,
        response: { 201: creatorSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCreator(db, requireUser(request), request.body)),
  );
  app.get('/api/creators', { schema: { tags, response: { 200: creatorListSchema } } }, async (request) => ({
    creators: await listCreators(db, requireUser(request)),
  }));
  app.patch(
    '/api/creators/:id',
    { schema: { tags, params: idParams, body: updateCreatorBody, response: { 200: creatorSchema } } },
    async (request) => updateCreator(db, requireUser(request), request.params.id, request.body),
  );
  app.post(
    '/api/creators/import',
    {
      schema: {
        tags,
        summary:
          'Import a roster CSV (text/csv): name, market, language, time_zone, platform, handle, url, followers, average_views, engagement_rate, email, tags',
        response: { 201: rosterImportSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      if (!mayManageCreators(actor)) throw forbidden();
      const text = await readLimited(csvBody(request), ROSTER_LIMIT);
      return reply.status(201).send(await importRoster(db, actor, text, requestLocale(request)));
    },
  );

  app.get(
    '/api/campaigns/:id/policies',
    { schema: { tags, params: campaignParams, response: { 200: campaignPoliciesSchema } } },
    async (request) => {
      if (!isStaff(requireUser(request))) throw forbidden();
      return { policies: await campaignPolicies(db, request.params.id) };
    },
  );
  app.put(
    '/api/campaigns/:id/policies/:marketCode',
    {
      schema: {
        tags,
        summary: 'The campaign’s creator rules for a market',
        params: z.strictObject({ id: z.uuid(), marketCode: z.string().regex(/^[A-Z]{2,8}$/) }),
        body: policyBody,
        response: { 200: marketPolicySchema },
      },
    },
    async (request) =>
      setCampaignPolicy(db, requireUser(request), request.params.id, request.params.marketCode, request.body),
  );
  app.get(
    '/api/policy-defaults',
    { schema: { tags, response: { 200: policyDefaultsSchema } } },
    async (request) => {
      if (!isStaff(requireUser(request))) throw forbidden();
      return { defaults: await listPolicyDefaults(db) };
    },
  );
  app.put(
    '/api/policy-defaults/:marketCode',
    {
      schema: {
        tags,
        params: z.strictObject({ marketCode: z.string().regex(/^[A-Z]{2,8}$/) }),
        body: policyBody,
        response: { 200: policyDefaultSchema },
      },
    },
    async (request) => setPolicyDefault(db, requireUser(request), request.params.marketCode, request.body),
  );

  app.post(
    '/api/campaigns/:id/engagements',
    {
      schema: {
        tags,
        summary: 'Put a creator in a campaign',
        params: campaignParams,
        body: engagementBody,
        response: { 201: engagementSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createEngagement(db, requireUser(request), request.params.id, request.body)),
  );
  app.get(
    '/api/campaigns/:id/engagements',
    {
      schema: {
        tags,
        summary: 'The campaign’s creators, best score first',
        params: campaignParams,
        response: { 200: engagementListSchema },
      },
    },
    async (request) => ({ engagements: await listEngagements(db, requireUser(request), request.params.id) }),
  );
  app.get(
    '/api/engagements/:id',
    { schema: { tags, params: idParams, response: { 200: engagementDetailSchema } } },
    async (request) => {
      const actor = requireUser(request);
      const engagement = await findEngagement(db, actor, request.params.id);
      return {
        ...engagement,
        agreements: await agreementsOf(db, actor, request.params.id),
        submissions: await submissionsOf(db, request.params.id),
      };
    },
  );
  app.patch(
    '/api/engagements/:id',
    {
      schema: {
        tags,
        summary: 'Change status (with a reason), terms or ratings; 409 on a stale version',
        params: idParams,
        body: updateEngagementBody,
        response: { 200: engagementSchema },
      },
    },
    async (request) => updateEngagement(db, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/engagements/:id/agreements',
    {
      schema: {
        tags,
        summary: 'Generate the next agreement version from the template of the creator’s language',
        params: idParams,
        body: z
          .strictObject({
            language: z
              .string()
              .regex(/^[a-z]{2}$/)
              .optional(),
          })
          .optional(),
        response: { 201: agreementSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await generateAgreement(db, requireUser(request), request.params.id, request.body?.language)),
  );
  app.post(
    '/api/agreements/:id/send',
    { schema: { tags, params: idParams, response: { 200: agreementSchema } } },
    async (request) => sendAgreement(db, requireUser(request), request.params.id),
  );
  app.post(
    '/api/agreements/:id/signed-pdf',
    {
      bodyLimit: UPLOAD_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Upload the signed PDF (application/pdf)',
        params: idParams,
        response: { 200: agreementSchema },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      if (!mayManageCreators(actor)) throw forbidden();
      const file = await uploadedFile(request, ['application/pdf']);
      return signAgreement(db, actor, request.params.id, { method: 'uploaded_pdf', pdf: file.file });
    },
  );
  app.get(
    '/api/agreements/:id',
    { schema: { tags, params: idParams, response: { 200: agreementSchema } } },
    async (request) => {
      const actor = requireUser(request);
      const row = await findAgreement(db, request.params.id);
      if (actor.role === 'creator') {
        await ownEngagement(db, actor, row.engagementId);
        if (row.status !== 'sent' && row.status !== 'signed') throw forbidden();
      } else if (!isStaff(actor)) throw forbidden();
      return presentAgreement(row);
    },
  );
  app.get('/api/agreements/:id/print', { schema: { tags, params: idParams } }, async (request, reply) => {
    const actor = requireUser(request);
    const row = await findAgreement(db, request.params.id);
    if (actor.role === 'creator') await ownEngagement(db, actor, row.engagementId);
    else if (!isStaff(actor)) throw forbidden();
    return asPrintablePage(reply).send(agreementPrintPage(row));
  });
  app.get(
    '/api/agreements/:id/signed-pdf',
    { schema: { tags, params: idParams } },
    async (request, reply) => {
      const actor = requireUser(request);
      const row = await findAgreement(db, request.params.id);
      if (actor.role === 'creator') await ownEngagement(db, actor, row.engagementId);
      else if (!isStaff(actor)) throw forbidden();
      if (!row.signedPdf) throw new AppError(404, 'not_found', 'error.not_found');
      return asDownload(reply.type('application/pdf'), `agreement-${row.id}-signed.pdf`).send(row.signedPdf);
    },
  );

  app.post(
    '/api/submissions/:id/feedback',
    {
      schema: {
        tags,
        summary: 'Approve a draft or request changes (beyond the policy’s rounds: overrideReason)',
        params: idParams,
        body: feedbackBody,
        response: { 200: submissionSchema },
      },
    },
    async (request) => giveFeedback(db, requireUser(request), request.params.id, request.body),
  );
  app.get('/api/submissions/:id/file', { schema: { tags, params: idParams } }, async (request, reply) => {
    const actor = requireUser(request);
    const submission = await submissionFile(db, request.params.id);
    if (actor.role === 'creator') await ownEngagement(db, actor, submission.engagementId);
    else if (!isStaff(actor)) throw forbidden();
    // Always a download: an uploaded file is never rendered in Tandem's origin.
    return asDownload(
      reply.type(submission.fileType ?? 'application/octet-stream'),
      submission.fileName ?? 'file',
    ).send(submission.file);
  });

  // The creator portal: a creator's own engagements only.
  app.get(
    '/api/portal/engagements',
    { schema: { tags: ['Creator portal'], response: { 200: portalEngagementListSchema } } },
    async (request) => ({
      engagements: await portalEngagements(db, requireUser(request)),
    }),
  );
  app.get(
    '/api/portal/engagements/:id',
    { schema: { tags: ['Creator portal'], params: idParams, response: { 200: portalEngagementSchema } } },
    async (request) => portalEngagement(db, requireUser(request), request.params.id),
  );
  app.post(
    '/api/portal/engagements/:id/live',
    {
      schema: {
        tags: ['Creator portal'],
        summary:
          'Record your own live post: its link and when it went live (409 agreement_not_signed when unsigned)',
        params: idParams,
        body: portalPostBody,
        response: { 200: portalEngagementSchema },
      },
    },
    async (request) => postFromPortal(db, requireUser(request), request.params.id, request.body),
  );
  app.post(
    '/api/portal/agreements/:id/accept',
    {
      schema: {
        tags: ['Creator portal'],
        summary: 'Accept the agreement by typing your full name',
        params: idParams,
        body: acceptAgreementBody,
        response: { 200: agreementSchema },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const row = await findAgreement(db, request.params.id);
      await ownEngagement(db, actor, row.engagementId);
      return signAgreement(db, actor, request.params.id, {
        method: 'portal',
        fullName: request.body.fullName,
        ip: request.ip,
      });
    },
  );
  app.post(
    '/api/portal/engagements/:id/submissions',
    {
      bodyLimit: UPLOAD_LIMIT_BYTES,
      schema: {
        tags: ['Creator portal'],
        summary:
          'Submit a draft: JSON {url, note} or the file itself (Content-Type of the file, X-File-Name header)',
        params: idParams,
        response: { 201: submissionSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const { engagement } = await ownEngagement(db, actor, request.params.id);
      const isJson = (request.headers['content-type'] ?? '').startsWith('application/json');
      const draft = isJson
        ? linkSubmissionBody.parse(request.body)
        : { ...(await uploadedFile(request)), note: '' };
      return reply.status(201).send(await submitDraft(db, actor, engagement.id, draft));
    },
  );
  app.post(
    '/api/engagements/:id/submissions',
    {
      schema: {
        tags,
        summary: 'Record a draft on the creator’s behalf (a link)',
        params: idParams,
        body: linkSubmissionBody,
        response: { 201: submissionSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      if (!mayManageCreators(actor)) throw forbidden();
      await findEngagement(db, actor, request.params.id);
      return reply.status(201).send(await submitDraft(db, actor, request.params.id, request.body));
    },
  );
};
